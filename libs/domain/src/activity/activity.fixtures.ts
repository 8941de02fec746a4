// Shared givens for the activity specs.
import type { ObjectiveSnapshot, PlanActivity, PlanSnapshot } from './activity.commands';
import type { ActivityLinkedToObjective, ActivityPlanned } from './activity.events';

export const activityId = '8c4e2d10-7a3b-4f65-b1d9-5e2f0a6c3b71';
export const planId = '3d2f8a61-5c4b-4e7a-9f10-2b6c8d4e1a90';
export const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
export const otherPmoId = '0b9e7c3d-2f4a-4e61-8c5b-7d1a9e3f6b22';
export const onTime = 'a1b2c3d4-0000-4000-8000-000000000001';
export const adoption = 'a1b2c3d4-0000-4000-8000-000000000002';
export const satisfaction = 'a1b2c3d4-0000-4000-8000-000000000003';

export const draftPlan: PlanSnapshot = {
  planId,
  pmoId,
  status: 'DRAFT',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
};
export const submittedPlan: PlanSnapshot = { ...draftPlan, status: 'SUBMITTED' };
export const approvedPlan: PlanSnapshot = { ...draftPlan, status: 'APPROVED' };

export const objective = (
  objectiveId: string,
  overrides: Partial<ObjectiveSnapshot> = {},
): ObjectiveSnapshot => ({ objectiveId, pmoId, status: 'ACTIVE', ...overrides });

export const planActivity = (overrides: Partial<PlanActivity> = {}): PlanActivity => ({
  type: 'PlanActivity',
  activityId,
  plan: draftPlan,
  title: 'Stage-gate reviews',
  description: null,
  responsible: 'lin@pmo.example',
  mode: 'DIRECT',
  startsOn: '2026-04-01',
  endsOn: '2026-06-30',
  effortEstimateHours: 120,
  contributions: [],
  ...overrides,
});

export const planned: ActivityPlanned = {
  type: 'ActivityPlanned',
  data: {
    activityId,
    planId,
    pmoId,
    title: 'Stage-gate reviews',
    description: null,
    responsible: 'lin@pmo.example',
    mode: 'DIRECT',
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
    effortEstimateHours: 120,
  },
};

export const linked = (
  objectiveId: string,
  effectiveFrom = '2026-04-01',
  weight = 1,
): ActivityLinkedToObjective => ({
  type: 'ActivityLinkedToObjective',
  data: {
    activityId,
    objectiveId,
    rationale: 'Reviews catch late projects early',
    weight,
    effectiveFrom,
    linkedAt: '2026-03-01T09:00:00.000Z',
  },
});
