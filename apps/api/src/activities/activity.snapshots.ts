import type { ActivityState, ExistingActivity, ObjectiveSnapshot, ObjectiveState, PlanSnapshot, PlanState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import { NotFoundError } from '../common/app-errors';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND } from '../common/entity-kinds';
import type { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';

// The activity decider judges other aggregates from snapshots; these read them now and report
// a missing one as NOT_FOUND on the input field that named it.

export const planSnapshot = async (reader: EntityReader, planId: string, field: string): Promise<PlanSnapshot> => {
  const plan = await reader.get<PlanState>(PLAN_KIND, planId);
  if (!plan || plan.state.status === 'NONE') throw new NotFoundError('business plan', planId, field);
  const { pmoId, status, periodStart, periodEnd } = plan.state;
  return { planId, pmoId, status, periodStart, periodEnd };
};

export const objectiveSnapshot = async (reader: EntityReader, value: string, field: string): Promise<ObjectiveSnapshot> => {
  const objectiveId = requireEntityId(value, field);
  const objective = await reader.get<ObjectiveState>(OBJECTIVE_KIND, objectiveId);
  if (!objective || objective.state.status === 'NONE') throw new NotFoundError('objective', objectiveId, field);
  return { objectiveId, pmoId: objective.state.pmoId, status: objective.state.status };
};

export const existingActivity = async (
  reader: EntityReader,
  activityId: string,
  field = 'activityId',
): Promise<EntityRecord<ExistingActivity>> => {
  const activity = await reader.get<ActivityState>(ACTIVITY_KIND, activityId);
  if (!activity || activity.state.status === 'NONE') throw new NotFoundError('activity', activityId, field);
  return activity as EntityRecord<ExistingActivity>;
};
