import type { ActivityEvent } from './activity/activity.events';
import type { FeedbackEvent } from './feedback/feedback.events';
import type { ObjectiveEvent } from './objective/objective.events';
import type { PlanEvent } from './plan/plan.events';
import type { PmoEvent } from './pmo/pmo.events';
import type { WorkEvent } from './work/work.events';
import type { WorkdayEvent } from './workday/workday.events';
import type { StandardEvent } from './standard/standard.events';
import type { AdoptionEvent } from './adoption/adoption.events';
import type { DeviationEvent } from './deviation/deviation.events';
import type { PlanTemplateEvent } from './template/template.events';
import type { ContactEvent } from './contact/contact.events';
import type { NetworkGroupEvent } from './network-group/network-group.events';
import type { TouchpointEvent } from './touchpoint/touchpoint.events';
import type { QualificationEvent, SupportEngagementEvent, SupportedPersonEvent } from './support/support.events';
import type { CommunityEvent } from './community/community.events';
import type { InsightEvent } from './insight/insight.events';

/** Every event the domain records, across its aggregates. */
export type ThroughlineEvent =
  | PmoEvent | ObjectiveEvent | PlanEvent | ActivityEvent | WorkEvent
  | WorkdayEvent
  | FeedbackEvent
  | StandardEvent
  | AdoptionEvent
  | DeviationEvent
  | PlanTemplateEvent
  | ContactEvent
  | NetworkGroupEvent
  | TouchpointEvent
  | SupportEngagementEvent
  | QualificationEvent
  | SupportedPersonEvent
  | CommunityEvent
  | InsightEvent;

/** The persisted name of every domain event. */
export type ThroughlineEventType = ThroughlineEvent['type'];

/** The event recorded under one type name. */
export type ThroughlineEventOf<T extends ThroughlineEventType> = Extract<ThroughlineEvent, { readonly type: T }>;
