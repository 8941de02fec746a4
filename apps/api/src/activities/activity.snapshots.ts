import type { ActivityState, ExistingActivity, ObjectiveSnapshot, ObjectiveState, PlanSnapshot, PlanState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND } from '@throughline/runtime';
import type { EntityReader } from '../common/entity-reader';
import { existingEntity } from '../common/existing';
import { requireEntityId } from '../common/ids';

// The activity decider judges other aggregates from snapshots; these read them now and report
// a missing one as NOT_FOUND on the input field that named it.

export const planSnapshot = async (reader: EntityReader, planId: string, field: string): Promise<PlanSnapshot> => {
  const plan = await existingEntity<PlanState>(reader, PLAN_KIND, 'business plan', planId, field);
  const { pmoId, status, periodStart, periodEnd } = plan.state;
  return { planId, pmoId, status, periodStart, periodEnd };
};

export const objectiveSnapshot = async (reader: EntityReader, value: string, field: string): Promise<ObjectiveSnapshot> => {
  const objectiveId = requireEntityId(value, field);
  const objective = await existingEntity<ObjectiveState>(reader, OBJECTIVE_KIND, 'objective', objectiveId, field);
  return { objectiveId, pmoId: objective.state.pmoId, status: objective.state.status };
};

export const existingActivity = (reader: EntityReader, activityId: string, field = 'activityId'): Promise<EntityRecord<ExistingActivity>> =>
  existingEntity<ActivityState>(reader, ACTIVITY_KIND, 'activity', activityId, field);
