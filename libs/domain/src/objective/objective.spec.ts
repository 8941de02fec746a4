import { spec } from '@throughline/testing';
import type { DefineObjective, ReviseObjective } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveClosed, ObjectiveDefined, ProgressRecorded } from './objective.events';
import { objectiveView } from './objective.view';

const objectiveId = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6c03';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const now = '2026-03-15T09:00:00.000Z'; // the default context of the spec helper
const actor = 'ada@pmo.example';

const defined: ObjectiveDefined = {
  type: 'ObjectiveDefined',
  data: {
    objectiveId,
    pmoId,
    title: 'Deliver projects on time',
    description: null,
    metric: { name: 'Projects delivered on time', unit: '%', baseline: 60, target: 85, direction: 'INCREASE' },
    startsOn: '2026-01-01',
    dueOn: '2026-12-31',
    owner: 'grace@pmo.example',
  },
};

const progress = (value: number, measuredOn: string): ProgressRecorded => ({
  type: 'ProgressRecorded',
  data: { objectiveId, value, measuredOn, note: null, recordedAt: now, recordedBy: actor },
});

const closed: ObjectiveClosed = {
  type: 'ObjectiveClosed',
  data: { objectiveId, outcome: 'ACHIEVED', reason: 'Reached 86%', closedOn: '2026-03-01', closedAt: '2026-03-01T10:00:00.000Z' },
};

type DefineOverrides = Partial<Omit<DefineObjective, 'metric'>> & { metric?: Partial<DefineObjective['metric']> };
const define = ({ metric, ...overrides }: DefineOverrides = {}): DefineObjective => ({
  type: 'DefineObjective',
  objectiveId,
  pmoId,
  title: '  Deliver projects on time ',
  description: null,
  metric: { name: 'Projects delivered on time', unit: ' % ', baseline: 60, target: 85, ...metric },
  startsOn: '2026-01-01',
  dueOn: '2026-12-31',
  owner: 'grace@pmo.example',
  ...overrides,
});

const revise = (changes: Partial<ReviseObjective>): ReviseObjective => ({
  type: 'ReviseObjective',
  objectiveId,
  reason: 'The board raised the bar',
  ...changes,
});
const revision = { objectiveId, reason: 'The board raised the bar', revisedAt: now, revisedBy: actor };

describe('Objective', () => {
  describe('defining', () => {
    it('records a measurable objective, trimmed, rising from its baseline', () => {
      spec(objectiveDecider).given([]).when(define()).then([defined]);
    });

    it('records a falling metric as DECREASE', () => {
      spec(objectiveDecider)
        .given([])
        .when(define({ metric: { name: 'Days late', unit: 'days', baseline: 30, target: 5 } }))
        .then([
          {
            ...defined,
            data: { ...defined.data, metric: { name: 'Days late', unit: 'days', baseline: 30, target: 5, direction: 'DECREASE' } },
          },
        ]);
    });

    it.each([[''], [' '], ['\u200b\u200b']])('refuses a blank or invisible description (%p) rather than record it as none', (description) => {
      spec(objectiveDecider).given([]).when(define({ description })).thenThrows('BAD_USER_INPUT', 'description');
    });

    it('starts today when no start is given', () => {
      spec(objectiveDecider)
        .given([])
        .when(define({ startsOn: null, description: 'Measured at each gate' }), { today: '2026-02-10' })
        .then([{ ...defined, data: { ...defined.data, startsOn: '2026-02-10', description: 'Measured at each gate' } }]);
    });

    it('refuses to define an objective twice', () => {
      spec(objectiveDecider).given([defined]).when(define()).thenThrows('OBJECTIVE_ALREADY_EXISTS');
    });

    it('refuses a target equal to the baseline', () => {
      spec(objectiveDecider).given([]).when(define({ metric: { target: 60 } })).thenThrows('OBJECTIVE_NOT_MEASURABLE', 'metric.target');
    });

    it.each([[''], ['   ']])('refuses a metric without a unit (%p)', (unit) => {
      spec(objectiveDecider).given([]).when(define({ metric: { unit } })).thenThrows('OBJECTIVE_NOT_MEASURABLE', 'metric.unit');
    });

    it.each<[string, DefineOverrides]>([
      ['title', { title: ' ' }],
      ['title', { title: 'x'.repeat(201) }],
      ['description', { description: 'x'.repeat(2001) }],
      ['metric.name', { metric: { name: '' } }],
      ['metric.unit', { metric: { unit: 'x'.repeat(51) } }],
      ['metric.baseline', { metric: { baseline: Number.NaN } }],
      ['metric.target', { metric: { target: Number.POSITIVE_INFINITY } }],
      ['startsOn', { startsOn: '2026-02-30' }],
      ['dueOn', { dueOn: '2026-02-30' }],
      ['dueOn', { dueOn: '2026-01-01' }],
      ['dueOn', { dueOn: '2025-12-31' }],
      ['owner', { owner: '' }],
    ])('refuses an invalid %s (case %#)', (field, overrides) => {
      spec(objectiveDecider).given([]).when(define(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('measures dueOn against the default start', () => {
      spec(objectiveDecider)
        .given([])
        .when(define({ startsOn: null, dueOn: '2026-03-15' }))
        .thenThrows('BAD_USER_INPUT', 'dueOn');
    });
  });

  describe('revising', () => {
    it('retitles', () => {
      spec(objectiveDecider)
        .given([defined])
        .when(revise({ title: 'Deliver every project on time' }))
        .then([
          {
            type: 'ObjectiveRetitled',
            data: { ...revision, title: 'Deliver every project on time', previousTitle: 'Deliver projects on time' },
          },
        ]);
    });

    it('revises the target, saying who and when', () => {
      spec(objectiveDecider)
        .given([defined])
        .when(revise({ target: 90 }))
        .then([{ type: 'ObjectiveTargetRevised', data: { ...revision, target: 90, previousTarget: 85, direction: 'INCREASE' } }]);
    });

    it('recomputes the direction when the target crosses the baseline', () => {
      spec(objectiveDecider)
        .given([defined])
        .when(revise({ target: 50 }))
        .then([{ type: 'ObjectiveTargetRevised', data: { ...revision, target: 50, previousTarget: 85, direction: 'DECREASE' } }]);
    });

    it('moves the due date', () => {
      spec(objectiveDecider)
        .given([defined])
        .when(revise({ dueOn: '2027-03-31' }))
        .then([{ type: 'ObjectiveDueDateMoved', data: { ...revision, dueOn: '2027-03-31', previousDueOn: '2026-12-31' } }]);
    });

    it('records one event per changed field and skips unchanged ones', () => {
      spec(objectiveDecider)
        .given([defined])
        .when(revise({ title: 'Deliver projects on time', target: 90, dueOn: '2027-03-31' }))
        .then([
          { type: 'ObjectiveTargetRevised', data: { ...revision, target: 90, previousTarget: 85, direction: 'INCREASE' } },
          { type: 'ObjectiveDueDateMoved', data: { ...revision, dueOn: '2027-03-31', previousDueOn: '2026-12-31' } },
        ]);
    });

    it('keeps the current target in state, and shows the target history and the current metric', () => {
      const later = '2026-04-01T08:00:00.000Z';
      const revised = spec(objectiveDecider)
        .given([defined, { type: 'ObjectiveTargetRevised', data: { ...revision, target: 90, previousTarget: 85, direction: 'INCREASE' } }])
        .when(revise({ target: 80, reason: 'Two projects were descoped' }), { now: later, actor: 'alan@pmo.example' });
      revised.thenState((state) => expect(state).toMatchObject({ status: 'ACTIVE', metric: { baseline: 60, target: 80 } }));
      revised.thenView(objectiveView, (view) => {
          expect(view).toMatchObject({ status: 'ACTIVE', metric: { baseline: 60, target: 80, direction: 'INCREASE' } });
          expect(view.status !== 'NONE' && view.targetRevisions).toEqual([
            { target: 90, previousTarget: 85, direction: 'INCREASE', reason: 'The board raised the bar', at: now, by: actor },
            { target: 80, previousTarget: 90, direction: 'INCREASE', reason: 'Two projects were descoped', at: later, by: 'alan@pmo.example' },
          ]);
        });
    });

    it.each<[string, Partial<ReviseObjective>]>([
      ['nothing given', {}],
      ['nulls', { title: null, target: null, dueOn: null }],
      ['current values', { title: 'Deliver projects on time', target: 85, dueOn: '2026-12-31' }],
    ])('refuses a revision that changes nothing (%s)', (_, changes) => {
      spec(objectiveDecider).given([defined]).when(revise(changes)).thenThrows('BAD_USER_INPUT', 'input');
    });

    it('refuses a target equal to the baseline', () => {
      spec(objectiveDecider).given([defined]).when(revise({ target: 60 })).thenThrows('OBJECTIVE_NOT_MEASURABLE', 'target');
    });

    it.each<[string, Partial<ReviseObjective>]>([
      ['reason', { target: 90, reason: '  ' }],
      ['reason', { target: 90, reason: 'x'.repeat(2001) }],
      ['title', { title: '' }],
      ['target', { target: Number.NaN }],
      ['dueOn', { dueOn: '2026-02-30' }],
      ['dueOn', { dueOn: '2026-01-01' }],
      ['target', { title: 'A valid new title', target: Number.NEGATIVE_INFINITY }],
    ])('refuses an invalid %s (case %#), changing nothing', (field, changes) => {
      spec(objectiveDecider).given([defined]).when(revise(changes)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('recording progress', () => {
    it('records a measurement with who recorded it and when', () => {
      spec(objectiveDecider)
        .given([defined])
        .when({ type: 'RecordProgress', objectiveId, value: 72.5, measuredOn: '2026-03-15', note: ' Q1 gate review ' })
        .then([{ ...progress(72.5, '2026-03-15'), data: { ...progress(72.5, '2026-03-15').data, note: 'Q1 gate review' } }]);
    });

    it('accepts a backdated measurement, as early as the start, counted and shown without displacing a later one', () => {
      spec(objectiveDecider)
        .given([defined, progress(70, '2026-03-01')])
        .when({ type: 'RecordProgress', objectiveId, value: 61, measuredOn: '2026-01-01', note: null })
        .then([{ ...progress(61, '2026-01-01') }]);
      spec(objectiveDecider)
        .given([defined, progress(70, '2026-03-01')])
        .when({ type: 'RecordProgress', objectiveId, value: 61, measuredOn: '2026-01-01', note: null })
        .thenView(objectiveView, (view) => {
          expect(view).toMatchObject({ measurementCount: 2, currentMeasurement: { measuredOn: '2026-03-01', value: 70 } });
        });
    });

    it.each<[string, string, unknown, string | null]>([
      ['measuredOn', '2025-12-31', 70, null],
      ['measuredOn', '2026-03-16', 70, null],
      ['measuredOn', '2026-02-30', 70, null],
      ['value', '2026-03-01', Number.NaN, null],
      ['value', '2026-03-01', '70', null],
      ['note', '2026-03-01', 70, 'x'.repeat(2001)],
    ])('refuses an invalid %s (case %#)', (field, measuredOn, value, note) => {
      spec(objectiveDecider)
        .given([defined])
        .when({ type: 'RecordProgress', objectiveId, value: value as number, measuredOn, note })
        .thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('closing', () => {
    it.each(['ACHIEVED', 'MISSED', 'ABANDONED'] as const)('closes as %s on the day of the command', (outcome) => {
      spec(objectiveDecider)
        .given([defined, progress(86, '2026-03-01')])
        .when({ type: 'CloseObjective', objectiveId, outcome, reason: ' Decided at the steering committee ' })
        .then([
          {
            type: 'ObjectiveClosed',
            data: { objectiveId, outcome, reason: 'Decided at the steering committee', closedOn: '2026-03-15', closedAt: now },
          },
        ]);
    });

    it('leaves the objective in the state of its outcome, and shows the closure', () => {
      const closing = spec(objectiveDecider)
        .given([defined])
        .when({ type: 'CloseObjective', objectiveId, outcome: 'ABANDONED', reason: 'Mandate changed' });
      closing.thenState((state) => expect(state).toMatchObject({ status: 'ABANDONED', closedOn: '2026-03-15' }));
      closing.thenView(objectiveView, (view) => {
        expect(view).toMatchObject({
          status: 'ABANDONED',
          closure: { outcome: 'ABANDONED', reason: 'Mandate changed', closedOn: '2026-03-15', closedAt: now },
        });
      });
    });

    it('refuses an unknown outcome and a blank reason', () => {
      spec(objectiveDecider)
        .given([defined])
        .when({ type: 'CloseObjective', objectiveId, outcome: 'POSTPONED' as never, reason: 'Why' })
        .thenThrows('BAD_USER_INPUT', 'outcome');
      spec(objectiveDecider)
        .given([defined])
        .when({ type: 'CloseObjective', objectiveId, outcome: 'MISSED', reason: '' })
        .thenThrows('BAD_USER_INPUT', 'reason');
    });
  });

  const laterCommands = [
    revise({ target: 90 }),
    { type: 'RecordProgress', objectiveId, value: 70, measuredOn: '2026-03-10', note: null },
    { type: 'CloseObjective', objectiveId, outcome: 'MISSED', reason: 'Out of time' },
  ] as const;

  it.each(laterCommands)('refuses $type once the objective is closed', (command) => {
    spec(objectiveDecider).given([defined, closed]).when(command).thenThrows('OBJECTIVE_CLOSED');
  });

  it.each(laterCommands)('refuses $type on an unknown objective', (command) => {
    spec(objectiveDecider).given([]).when(command).thenThrows('OBJECTIVE_NOT_FOUND');
  });
});
