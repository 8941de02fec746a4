import { spec } from '@throughline/testing';
import type { ActivitySnapshot, CorrectWork, LogWork } from './work.commands';
import { workDecider } from './work.decider';
import type { WorkCorrected, WorkEvent, WorkLogged } from './work.events';
import { workView } from './work.view';

const workEntryId = '5b7d9f21-3c4e-4a68-8d02-6e1f3a5c7b94';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const otherPmoId = '0b9e7c3d-2f4a-4e61-8c5b-7d1a9e3f6b22';
const reviews: ActivitySnapshot = { activityId: '8c4e2d10-7a3b-4f65-b1d9-5e2f0a6c3b71', pmoId, status: 'PLANNED' };
const training: ActivitySnapshot = { activityId: '9d5f3e21-8b4c-4076-a2ea-6f3a1b7d4c82', pmoId, status: 'DONE' };

const logged: WorkLogged = {
  type: 'WorkLogged',
  data: {
    workEntryId,
    pmoId,
    person: 'lin@pmo.example',
    workedOn: '2026-03-12',
    hours: 6,
    description: 'Stage-gate review of the CRM project',
    activityId: reviews.activityId,
  },
};
const retracted: WorkEvent = { type: 'WorkRetracted', data: { workEntryId, reason: 'Logged twice' } };

const logWork = (overrides: Partial<LogWork> = {}): LogWork => ({
  type: 'LogWork',
  workEntryId,
  pmoId,
  person: ' lin@pmo.example ',
  workedOn: '2026-03-12',
  hours: 6,
  description: 'Stage-gate review of the CRM project',
  activity: reviews,
  ...overrides,
});

const correctWork = (overrides: Partial<CorrectWork> = {}): CorrectWork => ({
  type: 'CorrectWork',
  workEntryId,
  reason: 'Typed the wrong day',
  ...overrides,
});

const corrected = (changes: WorkCorrected['data']['changes'], previous: WorkCorrected['data']['previous']): WorkCorrected => ({
  type: 'WorkCorrected',
  data: { workEntryId, changes, previous, reason: 'Typed the wrong day' },
});

describe('Work entry', () => {
  describe('logging', () => {
    it('records the work of a person on a day, against an activity', () => {
      spec(workDecider).given([]).when(logWork()).then([logged]);
    });

    it('records work that serves no activity', () => {
      spec(workDecider)
        .given([])
        .when(logWork({ activity: null }))
        .then([{ ...logged, data: { ...logged.data, activityId: null } }]);
    });

    // The day's total across entries is the workday's to judge (workday.spec.ts).
    it('accepts work done today, against a done activity', () => {
      spec(workDecider)
        .given([])
        .when(logWork({ workedOn: '2026-03-15', hours: 0.1, activity: training }))
        .then([
          { ...logged, data: { ...logged.data, workedOn: '2026-03-15', hours: 0.1, activityId: training.activityId } },
        ]);
    });

    it('refuses an entry that already exists', () => {
      spec(workDecider).given([logged]).when(logWork()).thenThrows('WORK_ENTRY_ALREADY_EXISTS');
    });

    it.each<[string, Partial<LogWork>]>([
      ['workedOn', { workedOn: '2026-03-16' }],
      ['workedOn', { workedOn: '2026-02-29' }],
      ['hours', { hours: 0 }],
      ['hours', { hours: -2 }],
      ['hours', { hours: 24.5 }],
      ['hours', { hours: Number.NaN }],
      ['description', { description: ' ' }],
      ['description', { description: 'x'.repeat(2001) }],
      ['person', { person: '' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(workDecider).given([]).when(logWork(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('accepts a description of exactly 2000 characters', () => {
      const description = 'é'.repeat(2000);
      spec(workDecider)
        .given([])
        .when(logWork({ description }))
        .then([{ ...logged, data: { ...logged.data, description } }]);
    });

    it("refuses another PMO's activity", () => {
      spec(workDecider)
        .given([])
        .when(logWork({ activity: { ...reviews, pmoId: otherPmoId } }))
        .thenThrows('ACTIVITY_OF_OTHER_PMO', 'activityId');
    });

    it('refuses a cancelled activity', () => {
      spec(workDecider)
        .given([])
        .when(logWork({ activity: { ...reviews, status: 'CANCELLED' } }))
        .thenThrows('ACTIVITY_CANCELLED', 'activityId');
    });
  });

  describe('correcting', () => {
    it('records only the fields that changed, beside their previous values', () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ workedOn: '2026-03-11', hours: 6, description: null }))
        .then([corrected({ workedOn: '2026-03-11' }, { workedOn: '2026-03-12' })]);
    });

    it('moves the entry to another activity, or detaches it with null', () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ activity: training }))
        .then([corrected({ activityId: training.activityId }, { activityId: reviews.activityId })]);
      spec(workDecider)
        .given([logged])
        .when(correctWork({ activity: null, person: 'mo@pmo.example' }))
        .then([
          corrected({ person: 'mo@pmo.example', activityId: null }, { person: 'lin@pmo.example', activityId: reviews.activityId }),
        ]);
    });

    it('applies the changes to the entry', () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ hours: 7.5, description: 'Stage-gate review and minutes' }))
        .thenState((state) => {
          expect(state).toMatchObject({ status: 'LOGGED', hours: 7.5, description: 'Stage-gate review and minutes' });
        });
      spec(workDecider)
        .given([logged])
        .when(correctWork({ hours: 7.5, description: 'Stage-gate review and minutes' }))
        .thenView(workView, (view) => {
          expect(view).toMatchObject({ status: 'LOGGED', hours: 7.5, description: 'Stage-gate review and minutes', revision: 1 });
        });
    });

    it('keeps an activity that was cancelled since, when the correction leaves it alone', () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ hours: 5, activity: { ...reviews, status: 'CANCELLED' } }))
        .then([corrected({ hours: 5 }, { hours: 6 })]);
    });

    it('refuses a correction that changes nothing', () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ hours: 6, activity: reviews }))
        .thenThrows('BAD_USER_INPUT', 'input');
    });

    it.each<[string, Partial<CorrectWork>]>([
      ['workedOn', { workedOn: '2026-03-20' }],
      ['hours', { hours: 25 }],
      ['description', { description: '' }],
      ['reason', { reason: ' ', hours: 5 }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(workDecider).given([logged]).when(correctWork(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it("refuses another PMO's activity", () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ activity: { ...training, pmoId: otherPmoId } }))
        .thenThrows('ACTIVITY_OF_OTHER_PMO', 'activityId');
    });

    it('refuses moving the entry to a cancelled activity', () => {
      spec(workDecider)
        .given([logged])
        .when(correctWork({ activity: { ...training, status: 'CANCELLED' } }))
        .thenThrows('ACTIVITY_CANCELLED', 'activityId');
    });

    it('refuses a retracted entry', () => {
      spec(workDecider).given([logged, retracted]).when(correctWork({ hours: 5 })).thenThrows('WORK_ENTRY_RETRACTED');
    });

    it('refuses an unknown entry', () => {
      spec(workDecider).given([]).when(correctWork({ hours: 5 })).thenThrows('WORK_ENTRY_NOT_FOUND');
    });
  });

  describe('retracting', () => {
    const retract = (reason: string) => ({ type: 'RetractWork' as const, workEntryId, reason });

    it('records the reason and keeps the entry in the history', () => {
      spec(workDecider).given([logged]).when(retract('Logged twice')).then([retracted]);
      spec(workDecider)
        .given([logged])
        .when(retract('Logged twice'))
        .thenView(workView, (view) => expect(view).toMatchObject({ status: 'RETRACTED', hours: 6, retractReason: 'Logged twice' }));
    });

    it('requires a reason', () => {
      spec(workDecider).given([logged]).when(retract('')).thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('refuses an entry already retracted', () => {
      spec(workDecider).given([logged, retracted]).when(retract('Again')).thenThrows('WORK_ENTRY_RETRACTED');
    });

    it('refuses an unknown entry', () => {
      spec(workDecider).given([]).when(retract('Logged twice')).thenThrows('WORK_ENTRY_NOT_FOUND');
    });
  });
});
