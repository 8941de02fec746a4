import {
  activityDecider,
  adoptionDecider,
  adoptionView,
  deviationDecider,
  deviationView,
  standardDecider,
  standardView,
  activityView,
  feedbackDecider,
  feedbackView,
  objectiveDecider,
  objectiveView,
  planDecider,
  planTemplateDecider,
  planTemplateView,
  planView,
  pmoDecider,
  pmoView,
  workDecider,
  workView,
  contactDecider,
  contactView,
  networkGroupDecider,
  networkGroupView,
  touchpointDecider,
  touchpointView,
  supportEngagementDecider,
  supportEngagementView,
  qualificationDecider,
  qualificationsView,
  supportedPersonDecider,
  supportedPersonView,
  communityDecider,
  communityView,
  insightDecider,
  insightView,
  type DomainEvent,
} from '@throughline/domain';
import type { Aggregate } from '@throughline/event-store';
import type { EntityKind } from '@throughline/read-models';
import { EntityType } from '../graphql/enums';
import {
  ACTIVITY_KIND,
  ADOPTION_KIND,
  DEVIATION_KIND,
  FEEDBACK_KIND,
  OBJECTIVE_KIND,
  PLAN_KIND,
  PMO_KIND,
  STANDARD_KIND,
  TEMPLATE_KIND,
  WORK_KIND,
  CONTACT_KIND,
  NETWORK_GROUP_KIND,
  TOUCHPOINT_KIND,
  SUPPORT_ENGAGEMENT_KIND,
  QUALIFICATION_KIND,
  SUPPORTED_PERSON_KIND,
  COMMUNITY_KIND,
  INSIGHT_KIND,
} from '@throughline/runtime';
import type { Existing } from './existing';
import { CATEGORY, type Category } from '@throughline/runtime';

/**
 * Everything the API needs to know about one aggregate: where its streams live, how commands
 * fold and decide (the decider), what a mutation answers (the view), and what a permission check
 * reads of it (its PMO; people come from the decider's minimal state).
 */
export interface AggregateDescriptor<C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }> extends Aggregate<C, E, S, V> {
  readonly category: Category;
  /** The aggregate in an error message: "objective <id> does not exist". */
  readonly noun: string;
  /** The read model's kind, for reads that are not commands. */
  readonly kind: EntityKind<V>;
  /**
   * The PMO an existing entity belongs to (itself, for a PMO): the scope of a permission over
   * it, read from the command's fold or from the read model's view, whichever the check has.
   */
  pmoOf(target: Target<S, V>): string;
}

/**
 * What a permission check reads of an existing entity: the decider's minimal state when a
 * command folded it, the view when a query read it from the read model. A rule may read only
 * what both carry (the PMO, owner, responsible, person), and the compiler holds it to that.
 */
export type Target<S, V> = Existing<S> | Existing<V>;

/** Any descriptor, when only what every aggregate has matters (a scope lookup by entity type). */
// The decider's command and event types only matter to commands; a lookup never decides.
export type AnyAggregate = AggregateDescriptor<never, DomainEvent, { readonly status: string }, { readonly status: string }>;

export type ViewOf<A> = A extends AggregateDescriptor<infer _C, infer _E, infer _S, infer V> ? V : never;

/** Types a descriptor by its parts: C, E and S from the decider, V from the view. */
const describe = <C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(aggregate: AggregateDescriptor<C, E, S, V>) => aggregate;

export const PMO = describe({
  category: CATEGORY.pmo,
  noun: 'PMO',
  kind: PMO_KIND,
  decider: pmoDecider,
  view: pmoView,
  pmoOf: (state) => state.pmoId,
});

export const OBJECTIVE = describe({
  category: CATEGORY.objective,
  noun: 'objective',
  kind: OBJECTIVE_KIND,
  decider: objectiveDecider,
  view: objectiveView,
  pmoOf: (state) => state.pmoId,
});

export const PLAN = describe({
  category: CATEGORY.plan,
  noun: 'business plan',
  kind: PLAN_KIND,
  decider: planDecider,
  view: planView,
  pmoOf: (state) => state.pmoId,
});

export const ACTIVITY = describe({
  category: CATEGORY.activity,
  noun: 'activity',
  kind: ACTIVITY_KIND,
  decider: activityDecider,
  view: activityView,
  pmoOf: (state) => state.pmoId,
});

export const WORK = describe({
  category: CATEGORY.work,
  noun: 'work entry',
  kind: WORK_KIND,
  decider: workDecider,
  view: workView,
  pmoOf: (state) => state.pmoId,
});

/** Feedback belongs to the PMO it goes to, which resolves it (the one its first event names). */
export const FEEDBACK = describe({
  category: CATEGORY.feedback,
  noun: 'feedback',
  kind: FEEDBACK_KIND,
  decider: feedbackDecider,
  view: feedbackView,
  pmoOf: (state) => state.pmoId,
});

/** A standard belongs to its publisher PMO. */
export const STANDARD = describe({
  category: CATEGORY.standard,
  noun: 'standard',
  kind: STANDARD_KIND,
  decider: standardDecider,
  view: standardView,
  pmoOf: (state) => state.pmoId,
});

/** One PMO's adoptions and leeways of one standard belong to that PMO. */
export const ADOPTION = describe({
  category: CATEGORY.adoption,
  noun: 'standard adoption',
  kind: ADOPTION_KIND,
  decider: adoptionDecider,
  view: adoptionView,
  pmoOf: (state) => state.pmoId,
});

/** A deviation belongs to the PMO that asked for it; its publisher PMO decides it. */
export const DEVIATION = describe({
  category: CATEGORY.deviation,
  noun: 'deviation',
  kind: DEVIATION_KIND,
  decider: deviationDecider,
  view: deviationView,
  pmoOf: (state) => state.pmoId,
});

/** A shared plan template: its PMO is the one that published it. */
export const TEMPLATE = describe({
  category: CATEGORY.template,
  noun: 'plan template',
  kind: TEMPLATE_KIND,
  decider: planTemplateDecider,
  view: planTemplateView,
  pmoOf: (state) => state.pmoId,
});

/** A contact belongs to the PMO whose network it is part of. */
export const CONTACT = describe({
  category: CATEGORY.contact,
  noun: 'contact',
  kind: CONTACT_KIND,
  decider: contactDecider,
  view: contactView,
  pmoOf: (state) => state.pmoId,
});

export const NETWORK_GROUP = describe({
  category: CATEGORY.networkgroup,
  noun: 'network group',
  kind: NETWORK_GROUP_KIND,
  decider: networkGroupDecider,
  view: networkGroupView,
  pmoOf: (state) => state.pmoId,
});

export const TOUCHPOINT = describe({
  category: CATEGORY.touchpoint,
  noun: 'touchpoint',
  kind: TOUCHPOINT_KIND,
  decider: touchpointDecider,
  view: touchpointView,
  pmoOf: (state) => state.pmoId,
});

/** A support engagement belongs to the PMO that gives the support. */
export const SUPPORT_ENGAGEMENT = describe({
  category: CATEGORY.supportengagement,
  noun: 'support engagement',
  kind: SUPPORT_ENGAGEMENT_KIND,
  decider: supportEngagementDecider,
  view: supportEngagementView,
  pmoOf: (state) => state.pmoId,
});

/** A person's qualifications belong to no PMO: permission over them reaches every PMO. */
export const QUALIFICATION = describe({
  category: CATEGORY.qualification,
  noun: 'qualifications',
  kind: QUALIFICATION_KIND,
  decider: qualificationDecider,
  view: qualificationsView,
  pmoOf: () => '',
});

/** A supported person's erasure belongs to no PMO. */
export const SUPPORTED_PERSON = describe({
  category: CATEGORY.supportedperson,
  noun: 'supported person',
  kind: SUPPORTED_PERSON_KIND,
  decider: supportedPersonDecider,
  view: supportedPersonView,
  pmoOf: () => '',
});

/** A PMO's membership of a community, with what it gave back. */
export const COMMUNITY = describe({
  category: CATEGORY.community,
  noun: 'community',
  kind: COMMUNITY_KIND,
  decider: communityDecider,
  view: communityView,
  pmoOf: (state) => state.pmoId,
});

export const INSIGHT = describe({
  category: CATEGORY.insight,
  noun: 'insight',
  kind: INSIGHT_KIND,
  decider: insightDecider,
  view: insightView,
  pmoOf: (state) => state.pmoId,
});

/** The aggregate an `EntityRef` names. */
export const AGGREGATE_OF_ENTITY: Record<EntityType, AnyAggregate> = {
  [EntityType.PMO]: PMO,
  [EntityType.OBJECTIVE]: OBJECTIVE,
  [EntityType.BUSINESS_PLAN]: PLAN,
  [EntityType.ACTIVITY]: ACTIVITY,
  [EntityType.WORK_ENTRY]: WORK,
  [EntityType.FEEDBACK]: FEEDBACK,
  [EntityType.STANDARD]: STANDARD,
  [EntityType.STANDARD_ADOPTION]: ADOPTION,
  [EntityType.DEVIATION]: DEVIATION,
  [EntityType.PLAN_TEMPLATE]: TEMPLATE,
  [EntityType.CONTACT]: CONTACT,
  [EntityType.NETWORK_GROUP]: NETWORK_GROUP,
  [EntityType.TOUCHPOINT]: TOUCHPOINT,
  [EntityType.SUPPORT_ENGAGEMENT]: SUPPORT_ENGAGEMENT,
  [EntityType.COMMUNITY]: COMMUNITY,
  [EntityType.INSIGHT]: INSIGHT,
};
