import type { WorkCorrected, WorkEvent, WorkLogged } from '../work/work.events';
import type { LoggedWork } from '../work/work.state';
import { workdayEffectsOf } from './workday.effects';

const workEntryId = '5b7d9f21-3c4e-4a68-8d02-6e1f3a5c7b94';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const entry: LoggedWork = {
  status: 'LOGGED',
  workEntryId,
  pmoId,
  person: 'lin@pmo.example',
  workedOn: '2026-03-12',
  hours: 6,
  description: 'Stage-gate review',
  activityId: null,
};
const logged: WorkLogged = { type: 'WorkLogged', data: { ...entry } };
const corrected = (changes: WorkCorrected['data']['changes']): WorkEvent => ({
  type: 'WorkCorrected',
  data: { workEntryId, changes, previous: {}, reason: 'Typed the wrong figure' },
});
const on = (person: string, day: string) => ({ person, day, workEntryId });

describe("a work event's steps on the workdays", () => {
  it('given no entry, when work is logged, then its hours are counted on its day before it is recorded', () => {
    expect(workdayEffectsOf(logged, { status: 'NONE' })).toEqual({ before: [{ kind: 'count', ...on('lin@pmo.example', '2026-03-12'), hours: 6 }], after: [] });
  });

  it('given an entry, when it moves to another day or person, then the new day counts it first and the old one releases it after', () => {
    expect(workdayEffectsOf(corrected({ workedOn: '2026-03-11' }), entry)).toEqual({
      before: [{ kind: 'count', ...on('lin@pmo.example', '2026-03-11'), hours: 6 }],
      after: [{ kind: 'release', ...on('lin@pmo.example', '2026-03-12') }],
    });
    expect(workdayEffectsOf(corrected({ person: 'mo@pmo.example', hours: 2 }), entry)).toEqual({
      before: [{ kind: 'count', ...on('mo@pmo.example', '2026-03-12'), hours: 2 }],
      after: [{ kind: 'release', ...on('lin@pmo.example', '2026-03-12') }],
    });
  });

  it('given an entry, when its hours rise, then they are counted before; when they fall, after', () => {
    expect(workdayEffectsOf(corrected({ hours: 9 }), entry)).toEqual({ before: [{ kind: 'count', ...on('lin@pmo.example', '2026-03-12'), hours: 9 }], after: [] });
    expect(workdayEffectsOf(corrected({ hours: 2 }), entry)).toEqual({ before: [], after: [{ kind: 'count', ...on('lin@pmo.example', '2026-03-12'), hours: 2 }] });
  });

  it('given an entry, when only its description or activity changes, then no day is touched', () => {
    expect(workdayEffectsOf(corrected({ description: 'Gate 2 review', activityId: null }), entry)).toEqual({ before: [], after: [] });
  });

  it('given an entry, when it is retracted, then its day releases it after', () => {
    expect(workdayEffectsOf({ type: 'WorkRetracted', data: { workEntryId, reason: 'Logged twice' } }, entry)).toEqual({
      before: [],
      after: [{ kind: 'release', ...on('lin@pmo.example', '2026-03-12') }],
    });
  });
});
