import { ACTIVITY_EVENT_TYPES } from './activity/activity.events';
import { FEEDBACK_EVENT_TYPES } from './feedback/feedback.events';
import { OBJECTIVE_EVENT_TYPES } from './objective/objective.events';
import { PLAN_EVENT_TYPES } from './plan/plan.events';
import { PMO_EVENT_TYPES } from './pmo/pmo.events';
import { WORK_EVENT_TYPES } from './work/work.events';
import { WORKDAY_EVENT_TYPES } from './workday/workday.events';
import { STANDARD_EVENT_TYPES } from './standard/standard.events';
import { ADOPTION_EVENT_TYPES } from './adoption/adoption.events';
import { DEVIATION_EVENT_TYPES } from './deviation/deviation.events';
import { PLAN_TEMPLATE_EVENT_TYPES } from './template/template.events';
import { CONTACT_EVENT_TYPES } from './contact/contact.events';
import { NETWORK_GROUP_EVENT_TYPES } from './network-group/network-group.events';
import { TOUCHPOINT_EVENT_TYPES } from './touchpoint/touchpoint.events';
import { QUALIFICATION_EVENT_TYPES, SUPPORT_ENGAGEMENT_EVENT_TYPES, SUPPORTED_PERSON_EVENT_TYPES } from './support/support.events';
import { COMMUNITY_EVENT_TYPES } from './community/community.events';
import { INSIGHT_EVENT_TYPES } from './insight/insight.events';

/**
 * The persisted name of every event the domain records, aggregate by aggregate. A name is unique
 * across aggregates, so a type alone says which aggregate an event belongs to.
 */
export const EVENT_TYPES = [
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
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
