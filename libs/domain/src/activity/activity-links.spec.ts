import { spec } from '@throughline/testing';
import type { LinkActivityToObjective, UnlinkActivityFromObjective } from './activity.commands';
import { activityDecider } from './activity.decider';
import type { ActivityEvent, ActivityUnlinkedFromObjective } from './activity.events';
import { activityView, openLinks } from './activity.view';
import {
  activityId,
  adoption,
  approvedPlan,
  draftPlan,
  linked,
  objective,
  onTime,
  otherPmoId,
  planned,
  submittedPlan,
} from './activity.fixtures';

const may10 = { today: '2026-05-10', now: '2026-05-10T14:00:00.000Z' };

const link = (overrides: Partial<LinkActivityToObjective> = {}): LinkActivityToObjective => ({
  type: 'LinkActivityToObjective',
  activityId,
  plan: approvedPlan,
  objective: objective(adoption),
  rationale: 'Reviews push teams to the standard templates',
  weight: null,
  effectiveFrom: null,
  ...overrides,
});

const unlink = (overrides: Partial<UnlinkActivityFromObjective> = {}): UnlinkActivityFromObjective => ({
  type: 'UnlinkActivityFromObjective',
  activityId,
  plan: approvedPlan,
  objectiveId: onTime,
  reason: 'On-time delivery is now measured by finance',
  ...overrides,
});

const unlinked = (objectiveId: string, endedOn: string): ActivityUnlinkedFromObjective => ({
  type: 'ActivityUnlinkedFromObjective',
  data: {
    activityId,
    objectiveId,
    reason: 'On-time delivery is now measured by finance',
    endedOn,
    unlinkedAt: `${endedOn}T14:00:00.000Z`,
  },
});

const linkedEvent = (effectiveFrom: string, weight = 1): ActivityEvent => ({
  type: 'ActivityLinkedToObjective',
  data: {
    activityId,
    objectiveId: adoption,
    rationale: 'Reviews push teams to the standard templates',
    weight,
    effectiveFrom,
    linkedAt: '2026-05-10T14:00:00.000Z',
  },
});

describe('Activity contributions', () => {
  describe('linking', () => {
    it('takes effect on the day it is recorded, so earlier work is not re-credited', () => {
      spec(activityDecider).given([planned, linked(onTime)]).when(link(), may10).then([linkedEvent('2026-05-10')]);
    });

    it('takes effect earlier when explicitly backdated', () => {
      spec(activityDecider)
        .given([planned])
        .when(link({ effectiveFrom: '2026-04-01', weight: 2.5 }), may10)
        .then([linkedEvent('2026-04-01', 2.5)]);
    });

    it('refuses an effective day in the future', () => {
      spec(activityDecider)
        .given([planned])
        .when(link({ effectiveFrom: '2026-05-11' }), may10)
        .thenThrows('BAD_USER_INPUT', 'effectiveFrom');
    });

    it.each<[string, Partial<LinkActivityToObjective>]>([
      ['effectiveFrom', { effectiveFrom: '10/05/2026' }],
      ['weight', { weight: 0 }],
      ['weight', { weight: -1 }],
      ['weight', { weight: Number.NaN }],
      ['rationale', { rationale: '  ' }],
      ['rationale', { rationale: 'x'.repeat(2001) }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(activityDecider).given([planned]).when(link(overrides), may10).thenThrows('BAD_USER_INPUT', field);
    });

    it.each(['ACHIEVED', 'MISSED', 'ABANDONED'] as const)('refuses an objective that is %s', (status) => {
      spec(activityDecider)
        .given([planned])
        .when(link({ objective: objective(adoption, { status }) }), may10)
        .thenThrows('OBJECTIVE_NOT_ACTIVE', 'objectiveId');
    });

    it("refuses another PMO's objective", () => {
      spec(activityDecider)
        .given([planned])
        .when(link({ objective: objective(adoption, { pmoId: otherPmoId }) }), may10)
        .thenThrows('OBJECTIVE_OF_OTHER_PMO', 'objectiveId');
    });

    it('refuses an objective the activity already contributes to', () => {
      spec(activityDecider)
        .given([planned, linked(adoption)])
        .when(link(), may10)
        .thenThrows('ACTIVITY_ALREADY_LINKED', 'objectiveId');
    });

    it('links again after an unlink, from the day the earlier link ended', () => {
      spec(activityDecider)
        .given([planned, linked(adoption), unlinked(adoption, '2026-04-20')])
        .when(link({ effectiveFrom: '2026-04-20' }), may10)
        .then([linkedEvent('2026-04-20')]);
    });

    it('refuses a backdate over days an earlier link to the same objective covered', () => {
      spec(activityDecider)
        .given([planned, linked(adoption), unlinked(adoption, '2026-04-20')])
        .when(link({ effectiveFrom: '2026-04-19' }), may10)
        .thenThrows('BAD_USER_INPUT', 'effectiveFrom');
    });

    it('ignores an earlier link that ended before it took effect', () => {
      spec(activityDecider)
        .given([planned, linked(adoption), unlinked(adoption, '2026-03-20')])
        .when(link({ effectiveFrom: '2026-03-01' }), may10)
        .then([linkedEvent('2026-03-01')]);
    });

    it('refuses a plan awaiting approval', () => {
      spec(activityDecider).given([planned]).when(link({ plan: submittedPlan }), may10).thenThrows('PLAN_NOT_EDITABLE');
    });

    it('refuses a closed activity', () => {
      const done: ActivityEvent = { type: 'ActivityCompleted', data: { activityId, completedOn: '2026-05-01' } };
      spec(activityDecider).given([planned, done]).when(link(), may10).thenThrows('ACTIVITY_CLOSED');
    });

    it('refuses an unknown activity', () => {
      spec(activityDecider).given([]).when(link(), may10).thenThrows('ACTIVITY_NOT_FOUND');
    });

    it('fails loudly on a snapshot of another plan', () => {
      expect(() =>
        activityDecider.decide(
          link({ plan: { ...draftPlan, planId: 'another' } }),
          activityDecider.evolve(activityDecider.initialState, planned),
          { ...may10, actor: 'ada@pmo.example' },
        ),
      ).toThrow('not another');
    });
  });

  describe('unlinking', () => {
    it('ends the link on the day it is recorded, with the reason', () => {
      spec(activityDecider)
        .given([planned, linked(onTime)])
        .when(unlink({ reason: ' On-time delivery is now measured by finance ' }), { today: '2026-05-10', now: '2026-05-10T14:00:00.000Z' })
        .then([unlinked(onTime, '2026-05-10')]);
    });

    it('keeps the ended link in the history', () => {
      spec(activityDecider)
        .given([planned, linked(onTime), linked(adoption)])
        .when(unlink(), may10)
        .thenView(activityView, (view) => {
          if (view.status === 'NONE') throw new Error('no activity');
          expect(view.links).toEqual([
            {
              objectiveId: onTime,
              rationale: 'Reviews catch late projects early',
              weight: 1,
              effectiveFrom: '2026-04-01',
              linkedAt: '2026-03-01T09:00:00.000Z',
              endedOn: '2026-05-10',
              endReason: 'On-time delivery is now measured by finance',
            },
            expect.objectContaining({ objectiveId: adoption, endedOn: null }),
          ]);
          expect(openLinks(view).map((l) => l.objectiveId)).toEqual([adoption]);
        });
    });

    it.each<[string, ActivityEvent[]]>([
      ['never linked', [planned, linked(adoption)]],
      ['already unlinked', [planned, linked(onTime), unlinked(onTime, '2026-05-01')]],
    ])('refuses an objective %s', (_case, given) => {
      spec(activityDecider).given(given).when(unlink(), may10).thenThrows('ACTIVITY_NOT_LINKED', 'objectiveId');
    });

    it('requires a reason', () => {
      spec(activityDecider)
        .given([planned, linked(onTime)])
        .when(unlink({ reason: '' }), may10)
        .thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('refuses a plan awaiting approval', () => {
      spec(activityDecider)
        .given([planned, linked(onTime)])
        .when(unlink({ plan: submittedPlan }), may10)
        .thenThrows('PLAN_NOT_EDITABLE');
    });

    it('refuses a cancelled activity', () => {
      const cancelled: ActivityEvent = {
        type: 'ActivityCancelled',
        data: { activityId, reason: 'Sponsor withdrew', cancelledOn: '2026-05-01' },
      };
      spec(activityDecider).given([planned, linked(onTime), cancelled]).when(unlink(), may10).thenThrows('ACTIVITY_CLOSED');
    });

    it('refuses an unknown activity', () => {
      spec(activityDecider).given([]).when(unlink(), may10).thenThrows('ACTIVITY_NOT_FOUND');
    });
  });
});
