import { spec } from '@throughline/testing';
import { activityDecider } from './activity.decider';
import type { ActivityCommand, CancelActivity, PlanActivity, RescheduleActivity } from './activity.commands';
import type { ActivityEvent } from './activity.events';
import { activityView } from './activity.view';
import {
  activityId,
  adoption,
  approvedPlan,
  draftPlan,
  linked,
  objective,
  onTime,
  otherPmoId,
  planActivity,
  planned,
  submittedPlan,
} from './activity.fixtures';

const completed: ActivityEvent = { type: 'ActivityCompleted', data: { activityId, completedOn: '2026-06-30' } };
const cancelled: ActivityEvent = {
  type: 'ActivityCancelled',
  data: { activityId, reason: 'Sponsor withdrew', cancelledOn: '2026-03-10' },
};

describe('Activity', () => {
  describe('planning', () => {
    it('records the activity and one contribution per objective, each effective from startsOn', () => {
      spec(activityDecider)
        .given([])
        .when(
          planActivity({
            title: ' Stage-gate reviews ',
            contributions: [
              { objective: objective(onTime), rationale: 'Reviews catch late projects early', weight: null },
              { objective: objective(adoption), rationale: 'Reviews catch late projects early', weight: 3 },
            ],
          }),
          { now: '2026-03-01T09:00:00.000Z' },
        )
        .then([planned, linked(onTime), linked(adoption, '2026-04-01', 3)]);
    });

    it('is allowed in an approved plan', () => {
      spec(activityDecider).given([]).when(planActivity({ plan: approvedPlan })).then([planned]);
    });

    it('refuses an activity that already exists', () => {
      spec(activityDecider).given([planned]).when(planActivity()).thenThrows('ACTIVITY_ALREADY_EXISTS');
    });

    it('refuses a plan awaiting approval', () => {
      spec(activityDecider).given([]).when(planActivity({ plan: submittedPlan })).thenThrows('PLAN_NOT_EDITABLE');
    });

    it.each([
      ['startsOn', { startsOn: '2025-12-31' }],
      ['endsOn', { endsOn: '2027-01-01' }],
    ])('refuses a %s outside the plan period', (field, overrides) => {
      spec(activityDecider).given([]).when(planActivity(overrides)).thenThrows('ACTIVITY_OUTSIDE_PLAN_PERIOD', field);
    });

    const contribution = { objective: objective(onTime), rationale: 'Why', weight: null };
    it.each<[string, Partial<PlanActivity>]>([
      ['title', { title: '' }],
      ['description', { description: 'x'.repeat(2001) }],
      ['responsible', { responsible: ' ' }],
      ['mode', { mode: 'DELEGATED' as never }],
      ['startsOn', { startsOn: '2026-04-31' }],
      ['endsOn', { endsOn: '2026-03-31' }],
      ['effortEstimateHours', { effortEstimateHours: -1 }],
      ['effortEstimateHours', { effortEstimateHours: Number.NaN }],
      ['contributions[0].weight', { contributions: [{ ...contribution, weight: 0 }] }],
      ['contributions[0].weight', { contributions: [{ ...contribution, weight: Number.POSITIVE_INFINITY }] }],
      ['contributions[1].rationale', { contributions: [contribution, { ...contribution, objective: objective(adoption), rationale: '' }] }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(activityDecider).given([]).when(planActivity(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('accepts an effort estimate of zero', () => {
      spec(activityDecider)
        .given([])
        .when(planActivity({ effortEstimateHours: 0 }))
        .then([{ ...planned, data: { ...planned.data, effortEstimateHours: 0 } }]);
    });

    it('refuses a contribution to an objective that is not ACTIVE', () => {
      spec(activityDecider)
        .given([])
        .when(planActivity({ contributions: [{ ...contribution, objective: objective(onTime, { status: 'ACHIEVED' }) }] }))
        .thenThrows('OBJECTIVE_NOT_ACTIVE', 'contributions[0].objectiveId');
    });

    it("refuses a contribution to another PMO's objective", () => {
      spec(activityDecider)
        .given([])
        .when(planActivity({ contributions: [{ ...contribution, objective: objective(onTime, { pmoId: otherPmoId }) }] }))
        .thenThrows('OBJECTIVE_OF_OTHER_PMO', 'contributions[0].objectiveId');
    });

    it('refuses the same objective twice', () => {
      spec(activityDecider)
        .given([])
        .when(planActivity({ contributions: [contribution, contribution] }))
        .thenThrows('ACTIVITY_ALREADY_LINKED', 'contributions[1].objectiveId');
    });
  });

  describe('rescheduling', () => {
    const reschedule = (startsOn: string, endsOn: string, overrides: Partial<RescheduleActivity> = {}): RescheduleActivity => ({
      type: 'RescheduleActivity',
      activityId,
      plan: draftPlan,
      startsOn,
      endsOn,
      reason: 'The audit moved',
      ...overrides,
    });

    it('records the new dates beside the previous ones', () => {
      spec(activityDecider)
        .given([planned, linked(onTime)])
        .when(reschedule('2026-05-01', '2026-07-31'))
        .then([
          {
            type: 'ActivityRescheduled',
            data: {
              activityId,
              startsOn: '2026-05-01',
              endsOn: '2026-07-31',
              previousStartsOn: '2026-04-01',
              previousEndsOn: '2026-06-30',
              reason: 'The audit moved',
              movedLinks: [],
            },
          },
        ]);
    });

    it('moves the links that took effect at the start when the start moves earlier', () => {
      const laterLink = linked(adoption, '2026-04-20');
      spec(activityDecider)
        .given([planned, linked(onTime), laterLink])
        .when(reschedule('2026-03-02', '2026-06-30'))
        .thenView(activityView, (view) => {
          expect(view.status === 'NONE' ? [] : view.links.map((l) => [l.objectiveId, l.effectiveFrom])).toEqual([
            [onTime, '2026-03-02'],
            [adoption, '2026-04-20'],
          ]);
        });
    });

    it('does not move a link back over an earlier link to the same objective', () => {
      const unlinked: ActivityEvent = {
        type: 'ActivityUnlinkedFromObjective',
        data: { activityId, objectiveId: onTime, reason: 'Wrong weight', endedOn: '2026-03-10', unlinkedAt: '2026-03-10T09:00:00.000Z' },
      };
      spec(activityDecider)
        .given([planned, linked(onTime, '2026-02-01'), unlinked, linked(onTime, '2026-04-01', 2)])
        .when(reschedule('2026-03-01', '2026-06-30'))
        .thenView(activityView, (view) => {
          expect(view.status === 'NONE' ? [] : view.links.map((l) => [l.effectiveFrom, l.endedOn])).toEqual([
            ['2026-02-01', '2026-03-10'],
            ['2026-03-10', null],
          ]);
        });
    });

    it('records nothing when the dates do not change', () => {
      spec(activityDecider).given([planned]).when(reschedule('2026-04-01', '2026-06-30')).then([]);
    });

    it('refuses dates outside the plan period', () => {
      spec(activityDecider)
        .given([planned])
        .when(reschedule('2026-04-01', '2027-01-31'))
        .thenThrows('ACTIVITY_OUTSIDE_PLAN_PERIOD', 'endsOn');
    });

    it('refuses an end before the start', () => {
      spec(activityDecider).given([planned]).when(reschedule('2026-05-01', '2026-04-30')).thenThrows('BAD_USER_INPUT', 'endsOn');
    });

    it('requires a reason', () => {
      spec(activityDecider)
        .given([planned])
        .when(reschedule('2026-05-01', '2026-06-30', { reason: '' }))
        .thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('refuses a plan awaiting approval', () => {
      spec(activityDecider)
        .given([planned])
        .when(reschedule('2026-05-01', '2026-06-30', { plan: submittedPlan }))
        .thenThrows('PLAN_NOT_EDITABLE');
    });

    it('refuses an unknown activity', () => {
      spec(activityDecider).given([]).when(reschedule('2026-05-01', '2026-06-30')).thenThrows('ACTIVITY_NOT_FOUND');
    });

    it.each([
      ['DONE', completed],
      ['CANCELLED', cancelled],
    ])('refuses an activity that is %s', (_status, closing) => {
      spec(activityDecider).given([planned, closing]).when(reschedule('2026-05-01', '2026-06-30')).thenThrows('ACTIVITY_CLOSED');
    });
  });

  describe('reassigning', () => {
    const reassign = (responsible: string): ActivityCommand => ({
      type: 'ReassignActivity',
      activityId,
      responsible,
      reason: null,
    });

    it('records the new responsible person beside the previous one', () => {
      spec(activityDecider)
        .given([planned])
        .when(reassign('mo@pmo.example'))
        .then([
          {
            type: 'ActivityReassigned',
            data: { activityId, responsible: 'mo@pmo.example', previousResponsible: 'lin@pmo.example', reason: null },
          },
        ]);
    });

    it('records nothing when the person does not change', () => {
      spec(activityDecider).given([planned]).when(reassign('lin@pmo.example')).then([]);
    });

    it('refuses a blank responsible person', () => {
      spec(activityDecider).given([planned]).when(reassign(' ')).thenThrows('BAD_USER_INPUT', 'responsible');
    });

    it('refuses a closed activity', () => {
      spec(activityDecider).given([planned, completed]).when(reassign('mo@pmo.example')).thenThrows('ACTIVITY_CLOSED');
    });

    it('refuses an unknown activity', () => {
      spec(activityDecider).given([]).when(reassign('mo@pmo.example')).thenThrows('ACTIVITY_NOT_FOUND');
    });
  });

  describe('completing', () => {
    const complete: ActivityCommand = { type: 'CompleteActivity', activityId };

    it('records the day it was completed', () => {
      spec(activityDecider)
        .given([planned])
        .when(complete, { today: '2026-06-30' })
        .then([completed]);
    });

    it('refuses an activity already done', () => {
      spec(activityDecider).given([planned, completed]).when(complete).thenThrows('ACTIVITY_CLOSED');
    });

    it('refuses an unknown activity', () => {
      spec(activityDecider).given([]).when(complete).thenThrows('ACTIVITY_NOT_FOUND');
    });
  });

  describe('cancelling', () => {
    const cancel = (overrides: Partial<CancelActivity> = {}): CancelActivity => ({
      type: 'CancelActivity',
      activityId,
      plan: draftPlan,
      reason: 'Sponsor withdrew',
      ...overrides,
    });

    it('records the reason and the day', () => {
      spec(activityDecider).given([planned]).when(cancel(), { today: '2026-03-10' }).then([cancelled]);
    });

    it('keeps the link history of a cancelled activity', () => {
      spec(activityDecider)
        .given([planned, linked(onTime)])
        .when(cancel())
        .thenView(activityView, (view) => {
          expect(view).toMatchObject({ status: 'CANCELLED', cancelReason: 'Sponsor withdrew', links: [{ objectiveId: onTime }] });
        });
    });

    it('requires a reason', () => {
      spec(activityDecider).given([planned]).when(cancel({ reason: '' })).thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('refuses a plan awaiting approval', () => {
      spec(activityDecider).given([planned]).when(cancel({ plan: submittedPlan })).thenThrows('PLAN_NOT_EDITABLE');
    });

    it('refuses an activity already cancelled', () => {
      spec(activityDecider).given([planned, cancelled]).when(cancel()).thenThrows('ACTIVITY_CLOSED');
    });

    it('refuses an unknown activity', () => {
      spec(activityDecider).given([]).when(cancel()).thenThrows('ACTIVITY_NOT_FOUND');
    });
  });
});
