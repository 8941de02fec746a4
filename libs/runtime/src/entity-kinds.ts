import {
  activityDecider,
  objectiveDecider,
  planDecider,
  pmoDecider,
  workDecider,
  type ActivityState,
  type ObjectiveState,
  type PlanState,
  type PmoState,
  type WorkState,
} from '@throughline/domain';
import { entityKind, type EntityKind } from '@throughline/read-models';
import { CATEGORY } from './stream-ids';

/**
 * Every aggregate whose folded state the API reads. The same evolve feeds the read model and
 * the as-of folds, so an answer as of an instant equals what the read model said at that instant.
 */
export const PMO_KIND = entityKind<PmoState, never>({
  category: CATEGORY.pmo,
  decider: pmoDecider as EntityKind<PmoState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { parentId: state.parentId, status: state.status }),
});

export const OBJECTIVE_KIND = entityKind<ObjectiveState, never>({
  category: CATEGORY.objective,
  decider: objectiveDecider as EntityKind<ObjectiveState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { pmoId: state.pmoId, status: state.status }),
});

export const PLAN_KIND = entityKind<PlanState, never>({
  category: CATEGORY.plan,
  decider: planDecider as EntityKind<PlanState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { pmoId: state.pmoId, status: state.status }),
});

/** An activity's parent is its plan, so a plan's activities are one indexed lookup. */
export const ACTIVITY_KIND = entityKind<ActivityState, never>({
  category: CATEGORY.activity,
  decider: activityDecider as EntityKind<ActivityState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { pmoId: state.pmoId, parentId: state.planId, status: state.status }),
});

export const WORK_KIND = entityKind<WorkState, never>({
  category: CATEGORY.work,
  decider: workDecider as EntityKind<WorkState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { pmoId: state.pmoId, status: state.status }),
});

export const ENTITY_KINDS: readonly EntityKind[] = [PMO_KIND, OBJECTIVE_KIND, PLAN_KIND, ACTIVITY_KIND, WORK_KIND];
