import type { ActivityView, ExistingActivityView, ObjectiveSnapshot, ObjectiveView, PlanSnapshot, PlanView } from '@throughline/domain';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND } from '../common/entity-kinds';
import type { EntityReader } from '../common/entity-reader';
import { existingEntity } from '../common/existing';
import { requireEntityId } from '../common/ids';

// The activity decider judges other aggregates from snapshots; these read them now and report
// a missing one as NOT_FOUND on the input field that named it.

export const planSnapshot = async (reader: EntityReader, planId: string, field: string): Promise<PlanSnapshot> => {
  const plan = await existingEntity<PlanView>(reader, PLAN_KIND, 'business plan', planId, field);
  const { pmoId, status, periodStart, periodEnd } = plan;
  return { planId, pmoId, status, periodStart, periodEnd };
};

export const objectiveSnapshot = async (reader: EntityReader, value: string, field: string): Promise<ObjectiveSnapshot> => {
  const objectiveId = requireEntityId(value, field);
  const objective = await existingEntity<ObjectiveView>(reader, OBJECTIVE_KIND, 'objective', objectiveId, field);
  return { objectiveId, pmoId: objective.pmoId, status: objective.status };
};

export const existingActivity = (reader: EntityReader, activityId: string, field = 'activityId'): Promise<ExistingActivityView> =>
  existingEntity<ActivityView>(reader, ACTIVITY_KIND, 'activity', activityId, field);
