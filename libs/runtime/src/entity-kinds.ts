import {
  activityView,
  feedbackView,
  adoptionView,
  deviationView,
  standardView,
  type AdoptionEvent,
  type AdoptionView,
  type DeviationEvent,
  type DeviationView,
  type StandardEvent,
  type StandardView,
  objectiveView,
  planView,
  planTemplateView,
  type PlanTemplateEvent,
  type PlanTemplateView,
  pmoView,
  workView,
  type ActivityEvent,
  type ActivityView,
  type FeedbackEvent,
  type FeedbackView,
  type ObjectiveEvent,
  type ObjectiveView,
  type PlanEvent,
  type PlanView,
  type PmoEvent,
  type PmoView,
  type WorkEvent,
  type WorkView,
  contactView,
  networkGroupView,
  touchpointView,
  type ContactEvent,
  type ContactView,
  type NetworkGroupEvent,
  type NetworkGroupView,
  type TouchpointEvent,
  type TouchpointView,
  qualificationsView,
  supportEngagementView,
  supportedPersonView,
  type QualificationEvent,
  type QualificationsView,
  type SupportEngagementEvent,
  type SupportEngagementView,
  type SupportedPersonEvent,
  type SupportedPersonState,
  communityView,
  insightView,
  type CommunityEvent,
  type CommunityView,
  type InsightEvent,
  type InsightView,
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

/**
 * Feedback is filed under the PMO it goes to (pmoId), and its parent is the PMO it comes from, so
 * a PMO's incoming and outgoing feedback are each one indexed lookup.
 */
export const FEEDBACK_KIND: EntityKind<FeedbackView, FeedbackEvent> = {
  category: CATEGORY.feedback,
  view: feedbackView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, parentId: view.fromPmoId, status: view.status }),
  version: 1,
};

/** A standard's PMO is its publisher. */
export const STANDARD_KIND: EntityKind<StandardView, StandardEvent> = {
  category: CATEGORY.standard,
  view: standardView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.publisherPmoId, status: view.status }),
  version: 1,
};

/** One PMO's adoptions of one standard: its parent is the standard. */
export const ADOPTION_KIND: EntityKind<AdoptionView, AdoptionEvent> = {
  category: CATEGORY.adoption,
  view: adoptionView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, parentId: view.standardId, status: view.status }),
  version: 1,
};

/** A deviation's PMO is the one that asked for it; its parent is the standard. */
export const DEVIATION_KIND: EntityKind<DeviationView, DeviationEvent> = {
  category: CATEGORY.deviation,
  view: deviationView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, parentId: view.standardId, status: view.status }),
  version: 1,
};

export const TEMPLATE_KIND: EntityKind<PlanTemplateView, PlanTemplateEvent> = {
  category: CATEGORY.template,
  view: planTemplateView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 1,
};

/** A contact of a PMO's network; its status is ACTIVE or ENDED (a STAKEHOLDER relationship that ended). */
export const CONTACT_KIND: EntityKind<ContactView, ContactEvent> = {
  category: CATEGORY.contact,
  view: contactView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 1,
};

export const NETWORK_GROUP_KIND: EntityKind<NetworkGroupView, NetworkGroupEvent> = {
  category: CATEGORY.networkgroup,
  view: networkGroupView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 1,
};

/** Touchpoints are listed by day from the network's facts, not from here: a view is found by id. */
export const TOUCHPOINT_KIND: EntityKind<TouchpointView, TouchpointEvent> = {
  category: CATEGORY.touchpoint,
  view: touchpointView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 1,
};

/**
 * A PMO's support engagements; the parent is the engagement's subject (derived from the supported
 * person, or the supported PMO's), so a person's engagements are one indexed lookup.
 */
export const SUPPORT_ENGAGEMENT_KIND: EntityKind<SupportEngagementView, SupportEngagementEvent> = {
  category: CATEGORY.supportengagement,
  view: supportEngagementView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, parentId: view.subject, status: view.status }),
  version: 1,
};

/** One person's qualifications: they belong to no PMO. */
export const QUALIFICATION_KIND: EntityKind<QualificationsView, QualificationEvent> = {
  category: CATEGORY.qualification,
  view: qualificationsView,
  index: (view) => (view.status === 'NONE' ? {} : { status: view.status }),
  version: 1,
};

export const SUPPORTED_PERSON_KIND: EntityKind<SupportedPersonState, SupportedPersonEvent> = {
  category: CATEGORY.supportedperson,
  view: supportedPersonView,
  index: (view) => (view.status === 'NONE' ? {} : { status: view.status }),
  version: 1,
};

/** A PMO's membership of a community; its status is JOINED or LEFT. */
export const COMMUNITY_KIND: EntityKind<CommunityView, CommunityEvent> = {
  category: CATEGORY.community,
  view: communityView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, status: view.status }),
  version: 1,
};

/** An insight's parent is the community it was heard in; its status is OPEN or DECIDED. */
export const INSIGHT_KIND: EntityKind<InsightView, InsightEvent> = {
  category: CATEGORY.insight,
  view: insightView,
  index: (view) => (view.status === 'NONE' ? {} : { pmoId: view.pmoId, parentId: view.communityId, status: view.status }),
  version: 1,
};

export const ENTITY_KINDS: readonly EntityKind[] = [
  entityKind(PMO_KIND),
  entityKind(OBJECTIVE_KIND),
  entityKind(PLAN_KIND),
  entityKind(ACTIVITY_KIND),
  entityKind(WORK_KIND),
  entityKind(FEEDBACK_KIND),
  entityKind(STANDARD_KIND),
  entityKind(ADOPTION_KIND),
  entityKind(DEVIATION_KIND),
  entityKind(TEMPLATE_KIND),
  entityKind(CONTACT_KIND),
  entityKind(NETWORK_GROUP_KIND),
  entityKind(TOUCHPOINT_KIND),
  entityKind(SUPPORT_ENGAGEMENT_KIND),
  entityKind(QUALIFICATION_KIND),
  entityKind(SUPPORTED_PERSON_KIND),
  entityKind(COMMUNITY_KIND),
  entityKind(INSIGHT_KIND),
];
