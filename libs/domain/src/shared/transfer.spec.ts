import { spec } from '@throughline/testing';
import { activityDecider } from '../activity/activity.decider';
import { planned, pmoId, activityId, planId } from '../activity/activity.fixtures';
import { objectiveDecider } from '../objective/objective.decider';
import type { ObjectiveDefined } from '../objective/objective.events';
import { objectiveView } from '../objective/objective.view';
import { planDecider } from '../plan/plan.decider';
import type { BusinessPlanDrafted } from '../plan/plan.events';
import { planView } from '../plan/plan.view';

const successor = '5a7d3c1e-9b2f-4e80-a6d4-3c1b9e7f2a55';
const stranger = '7c6b5a4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const objectiveId = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6c03';
const transfer = { fromPmoId: pmoId, toPmoId: successor, effectiveOn: '2026-03-01', reason: 'Merged into the delivery office' };

const defined: ObjectiveDefined = {
  type: 'ObjectiveDefined',
  data: {
    objectiveId,
    pmoId,
    title: 'On time',
    description: null,
    metric: { name: 'On time', unit: '%', baseline: 60, target: 85, direction: 'INCREASE' },
    startsOn: '2026-01-01',
    dueOn: '2026-12-31',
    owner: 'grace@pmo.example',
  },
};
const drafted: BusinessPlanDrafted = {
  type: 'BusinessPlanDrafted',
  data: { planId, pmoId, title: 'Plan 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', version: 1 },
};

describe('carrying work on under a successor', () => {
  it('given an ACTIVE objective of the merged PMO, when transferred, then it is the successor’s; again, nothing', () => {
    const event = { type: 'ObjectiveTransferred' as const, data: { objectiveId, ...transfer } };
    spec(objectiveDecider).given([defined]).when({ type: 'TransferObjective', objectiveId, ...transfer }).then([event]);
    spec(objectiveDecider).given([defined, event]).when({ type: 'TransferObjective', objectiveId, ...transfer }).then([]);
    spec(objectiveDecider)
      .given([defined])
      .when({ type: 'TransferObjective', objectiveId, ...transfer })
      .thenView(objectiveView, (v) => expect(v).toMatchObject({ pmoId: successor, status: 'ACTIVE' }));
  });

  it('given a closed objective, when transferred, then it stays with its PMO', () => {
    const closed = { type: 'ObjectiveClosed' as const, data: { objectiveId, outcome: 'MISSED' as const, reason: 'r', closedOn: '2026-02-01', closedAt: '2026-02-01T00:00:00.000Z' } };
    spec(objectiveDecider).given([defined, closed]).when({ type: 'TransferObjective', objectiveId, ...transfer }).thenThrows('OBJECTIVE_CLOSED');
  });

  it('given an objective of a third PMO, when transferred, then it is refused', () => {
    spec(objectiveDecider)
      .given([{ ...defined, data: { ...defined.data, pmoId: stranger } }])
      .when({ type: 'TransferObjective', objectiveId, ...transfer })
      .thenThrows('TRANSFER_FROM_OTHER_PMO');
  });

  it('given a plan, when transferred, then the successor holds it with its versions', () => {
    spec(planDecider).given([drafted]).when({ type: 'TransferBusinessPlan', planId, ...transfer }).then([{ type: 'BusinessPlanTransferred', data: { planId, ...transfer } }]);
    spec(planDecider)
      .given([drafted])
      .when({ type: 'TransferBusinessPlan', planId, ...transfer })
      .thenView(planView, (v) => expect(v).toMatchObject({ pmoId: successor, version: 1, status: 'DRAFT' }));
  });

  it('given a planned activity, when transferred, then it is the successor’s; a cancelled one stays', () => {
    spec(activityDecider).given([planned]).when({ type: 'TransferActivity', activityId, ...transfer }).then([{ type: 'ActivityTransferred', data: { activityId, ...transfer } }]);
    const cancelled = { type: 'ActivityCancelled' as const, data: { activityId, reason: 'r', cancelledOn: '2026-02-01' } };
    spec(activityDecider).given([planned, cancelled]).when({ type: 'TransferActivity', activityId, ...transfer }).thenThrows('ACTIVITY_CANCELLED');
  });
});
