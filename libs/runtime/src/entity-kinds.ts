import {
  activityView,
  objectiveView,
  planView,
  planTemplateView,
  type PlanTemplateEvent,
  type PlanTemplateView,
  pmoView,
  workView,
  type ActivityEvent,
  type ActivityView,
  type ObjectiveEvent,
  type ObjectiveView,
  type PlanEvent,
  type PlanView,
  type PmoEvent,
  type PmoView,
  type WorkEvent,
  type WorkView,
} from '@throughline/domain';
import { entityKind, type EntityKind } from '@throughline/read-models';
import { CATEGORY } from './stream-ids';

/**
 * Every aggregate whose view the API reads. The same view evolve feeds the read model and the
 * as-of folds, so an answer as of an instant equals what the read model said at that instant.
 * Version 2: the rows hold views (with revision and timestamps), no longer decider states.
 */
export const PMO_KIND: EntityKind<PmoView, PmoEvent> = {
  category: CATEGORY.pmo,
  view: pmoView,
  index: (view) => (view.status === 'NONE' ? {} : { parentId: view.parentId, status: view.status }),
  version: 2,
};

export const OBJECTIVE_KIND: EntityKind<ObjectiveView, ObjectiveEvent> = {
  category: CATEGORY.objective,
  view: objectiveView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 2,
};

export const PLAN_KIND: EntityKind<PlanView, PlanEvent> = {
  category: CATEGORY.plan,
  view: planView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 2,
};

/** An activity's parent is its plan, so a plan's activities are one indexed lookup. */
export const ACTIVITY_KIND: EntityKind<ActivityView, ActivityEvent> = {
  category: CATEGORY.activity,
  view: activityView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, parentId: view.planId, status: view.status }),
  version: 2,
};

export const WORK_KIND: EntityKind<WorkView, WorkEvent> = {
  category: CATEGORY.work,
  view: workView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 2,
};

export const TEMPLATE_KIND: EntityKind<PlanTemplateView, PlanTemplateEvent> = {
  category: CATEGORY.template,
  view: planTemplateView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 1,
};

export const ENTITY_KINDS: readonly EntityKind[] = [
  entityKind(PMO_KIND),
  entityKind(OBJECTIVE_KIND),
  entityKind(PLAN_KIND),
  entityKind(ACTIVITY_KIND),
  entityKind(WORK_KIND),
  entityKind(TEMPLATE_KIND),
];
