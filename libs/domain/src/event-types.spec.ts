import { ACTIVITY_EVENT_TYPES, type ActivityEvent } from './activity/activity.events';
import { EVENT_TYPES } from './event-types';
import { FEEDBACK_EVENT_TYPES, type FeedbackEvent } from './feedback/feedback.events';
import { OBJECTIVE_EVENT_TYPES, type ObjectiveEvent } from './objective/objective.events';
import { PLAN_EVENT_TYPES, type PlanEvent } from './plan/plan.events';
import { PMO_EVENT_TYPES, type PmoEvent } from './pmo/pmo.events';
import type { DomainEvent } from './shared/decider';
import { WORK_EVENT_TYPES, type WorkEvent } from './work/work.events';
import { WORKDAY_EVENT_TYPES, type WorkdayEvent } from './workday/workday.events';
import { STANDARD_EVENT_TYPES, type StandardEvent } from './standard/standard.events';
import { ADOPTION_EVENT_TYPES, type AdoptionEvent } from './adoption/adoption.events';
import { DEVIATION_EVENT_TYPES, type DeviationEvent } from './deviation/deviation.events';
import { PLAN_TEMPLATE_EVENT_TYPES, type PlanTemplateEvent } from './template/template.events';
import { CONTACT_EVENT_TYPES, type ContactEvent } from './contact/contact.events';
import { NETWORK_GROUP_EVENT_TYPES, type NetworkGroupEvent } from './network-group/network-group.events';
import { TOUCHPOINT_EVENT_TYPES, type TouchpointEvent } from './touchpoint/touchpoint.events';
import {
  QUALIFICATION_EVENT_TYPES,
  SUPPORT_ENGAGEMENT_EVENT_TYPES,
  SUPPORTED_PERSON_EVENT_TYPES,
  type QualificationEvent,
  type SupportEngagementEvent,
  type SupportedPersonEvent,
} from './support/support.events';
import { COMMUNITY_EVENT_TYPES, type CommunityEvent } from './community/community.events';
import { INSIGHT_EVENT_TYPES, type InsightEvent } from './insight/insight.events';

/** The names in the union and not in the list, and in the list and not in the union. */
type Mismatch<E extends DomainEvent, L extends readonly string[]> = Exclude<E['type'], L[number]> | Exclude<L[number], E['type']>;

/** `true` when a list names exactly its union's event types; otherwise a type naming the odd ones out. */
type Agrees<E extends DomainEvent, L extends readonly string[]> = [Mismatch<E, L>] extends [never]
  ? true
  : { readonly mismatch: Mismatch<E, L> };

// The type check (part of npm test) is the real assertion: an event added to a union and not to
// its list, or a name in a list that no event of the union has, stops this file compiling and
// the error names the event.
const agreement = {
  pmo: true satisfies Agrees<PmoEvent, typeof PMO_EVENT_TYPES>,
  objective: true satisfies Agrees<ObjectiveEvent, typeof OBJECTIVE_EVENT_TYPES>,
  plan: true satisfies Agrees<PlanEvent, typeof PLAN_EVENT_TYPES>,
  activity: true satisfies Agrees<ActivityEvent, typeof ACTIVITY_EVENT_TYPES>,
  work: true satisfies Agrees<WorkEvent, typeof WORK_EVENT_TYPES>,
  workday: true satisfies Agrees<WorkdayEvent, typeof WORKDAY_EVENT_TYPES>,
  feedback: true satisfies Agrees<FeedbackEvent, typeof FEEDBACK_EVENT_TYPES>,
  standard: true satisfies Agrees<StandardEvent, typeof STANDARD_EVENT_TYPES>,
  adoption: true satisfies Agrees<AdoptionEvent, typeof ADOPTION_EVENT_TYPES>,
  deviation: true satisfies Agrees<DeviationEvent, typeof DEVIATION_EVENT_TYPES>,
  template: true satisfies Agrees<PlanTemplateEvent, typeof PLAN_TEMPLATE_EVENT_TYPES>,
  contact: true satisfies Agrees<ContactEvent, typeof CONTACT_EVENT_TYPES>,
  networkGroup: true satisfies Agrees<NetworkGroupEvent, typeof NETWORK_GROUP_EVENT_TYPES>,
  touchpoint: true satisfies Agrees<TouchpointEvent, typeof TOUCHPOINT_EVENT_TYPES>,
  supportEngagement: true satisfies Agrees<SupportEngagementEvent, typeof SUPPORT_ENGAGEMENT_EVENT_TYPES>,
  qualification: true satisfies Agrees<QualificationEvent, typeof QUALIFICATION_EVENT_TYPES>,
  supportedPerson: true satisfies Agrees<SupportedPersonEvent, typeof SUPPORTED_PERSON_EVENT_TYPES>,
  community: true satisfies Agrees<CommunityEvent, typeof COMMUNITY_EVENT_TYPES>,
  insight: true satisfies Agrees<InsightEvent, typeof INSIGHT_EVENT_TYPES>,
  all: true satisfies Agrees<
    | PmoEvent | ObjectiveEvent | PlanEvent | ActivityEvent | WorkEvent | WorkdayEvent
    | FeedbackEvent | StandardEvent | AdoptionEvent | DeviationEvent | PlanTemplateEvent
    | ContactEvent | NetworkGroupEvent | TouchpointEvent
    | SupportEngagementEvent | QualificationEvent | SupportedPersonEvent | CommunityEvent | InsightEvent,
    typeof EVENT_TYPES
  >,
};

// And the check does bite: were either of these accepted, the directives would fail the type check.
const disagreement = {
  // @ts-expect-error a list missing one of its union's events
  missing: true satisfies Agrees<PmoEvent, readonly ['PmoEstablished', 'PmoRenamed', 'PmoHeadAssigned']>,
  // @ts-expect-error a list naming an event its union lacks
  extra: true satisfies Agrees<PmoEvent, readonly [...typeof PMO_EVENT_TYPES, 'PmoDissolved']>,
};

const duplicatesIn = (names: readonly string[]) => names.filter((name, i) => names.indexOf(name) !== i);

describe('event type names', () => {
  it('given each aggregate, then its list names every event of its union and nothing else', () => {
    expect(agreement).toEqual({
      pmo: true, objective: true, plan: true, activity: true, work: true, workday: true,
      feedback: true, standard: true, adoption: true, deviation: true, template: true,
      contact: true, networkGroup: true, touchpoint: true,
      supportEngagement: true, qualification: true, supportedPerson: true, community: true, insight: true, all: true,
    });
    expect(disagreement).toEqual({ missing: true, extra: true });
  });

  it('given each aggregate, then its list names each event once', () => {
    const lists = [
      PMO_EVENT_TYPES,
      OBJECTIVE_EVENT_TYPES,
      PLAN_EVENT_TYPES,
      ACTIVITY_EVENT_TYPES,
      WORK_EVENT_TYPES,
      WORKDAY_EVENT_TYPES,
      FEEDBACK_EVENT_TYPES,
      STANDARD_EVENT_TYPES,
      ADOPTION_EVENT_TYPES,
      DEVIATION_EVENT_TYPES,
      PLAN_TEMPLATE_EVENT_TYPES,
      CONTACT_EVENT_TYPES,
      NETWORK_GROUP_EVENT_TYPES,
      TOUCHPOINT_EVENT_TYPES,
      COMMUNITY_EVENT_TYPES,
      INSIGHT_EVENT_TYPES,
    ];
    expect(lists.map((list) => duplicatesIn(list))).toEqual(lists.map(() => []));
  });

  it('given every aggregate, then EVENT_TYPES holds all their names, none shared by two aggregates', () => {
    expect(EVENT_TYPES).toEqual([
      ...PMO_EVENT_TYPES,
      ...OBJECTIVE_EVENT_TYPES,
      ...PLAN_EVENT_TYPES,
      ...ACTIVITY_EVENT_TYPES,
      ...WORK_EVENT_TYPES,
      ...WORKDAY_EVENT_TYPES,
      ...FEEDBACK_EVENT_TYPES,
      ...STANDARD_EVENT_TYPES,
      ...ADOPTION_EVENT_TYPES,
      ...DEVIATION_EVENT_TYPES,
      ...PLAN_TEMPLATE_EVENT_TYPES,
      ...CONTACT_EVENT_TYPES,
      ...NETWORK_GROUP_EVENT_TYPES,
      ...TOUCHPOINT_EVENT_TYPES,
      ...SUPPORT_ENGAGEMENT_EVENT_TYPES,
      ...QUALIFICATION_EVENT_TYPES,
      ...SUPPORTED_PERSON_EVENT_TYPES,
      ...COMMUNITY_EVENT_TYPES,
      ...INSIGHT_EVENT_TYPES,
    ]);
    expect(duplicatesIn(EVENT_TYPES)).toEqual([]);
  });
});
