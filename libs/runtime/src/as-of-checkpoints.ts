import {
  ACTIVITY_EVENT_TYPES,
  ADOPTION_EVENT_TYPES,
  COMMUNITY_EVENT_TYPES,
  CONTACT_EVENT_TYPES,
  DEVIATION_EVENT_TYPES,
  FEEDBACK_EVENT_TYPES,
  INSIGHT_EVENT_TYPES,
  NETWORK_GROUP_EVENT_TYPES,
  OBJECTIVE_EVENT_TYPES,
  PLAN_EVENT_TYPES,
  PLAN_TEMPLATE_EVENT_TYPES,
  PMO_EVENT_TYPES,
  QUALIFICATION_EVENT_TYPES,
  STANDARD_EVENT_TYPES,
  SUPPORT_ENGAGEMENT_EVENT_TYPES,
  SUPPORTED_PERSON_EVENT_TYPES,
  TOUCHPOINT_EVENT_TYPES,
  WORK_EVENT_TYPES,
} from '@throughline/domain';
import type { EntityKind } from '@throughline/read-models';
import { ENTITY_KINDS } from './entity-kinds';
import { PERSONAL_FIELD_RULES } from './personal-data';
import { CATEGORY } from './stream-ids';

/** The events each kind's streams hold. */
export const EVENT_TYPES_OF_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  [CATEGORY.pmo]: PMO_EVENT_TYPES,
  [CATEGORY.objective]: OBJECTIVE_EVENT_TYPES,
  [CATEGORY.plan]: PLAN_EVENT_TYPES,
  [CATEGORY.activity]: ACTIVITY_EVENT_TYPES,
  [CATEGORY.work]: WORK_EVENT_TYPES,
  [CATEGORY.feedback]: FEEDBACK_EVENT_TYPES,
  [CATEGORY.standard]: STANDARD_EVENT_TYPES,
  [CATEGORY.adoption]: ADOPTION_EVENT_TYPES,
  [CATEGORY.deviation]: DEVIATION_EVENT_TYPES,
  [CATEGORY.template]: PLAN_TEMPLATE_EVENT_TYPES,
  [CATEGORY.contact]: CONTACT_EVENT_TYPES,
  [CATEGORY.networkgroup]: NETWORK_GROUP_EVENT_TYPES,
  [CATEGORY.touchpoint]: TOUCHPOINT_EVENT_TYPES,
  [CATEGORY.supportengagement]: SUPPORT_ENGAGEMENT_EVENT_TYPES,
  [CATEGORY.qualification]: QUALIFICATION_EVENT_TYPES,
  [CATEGORY.supportedperson]: SUPPORTED_PERSON_EVENT_TYPES,
  [CATEGORY.community]: COMMUNITY_EVENT_TYPES,
  [CATEGORY.insight]: INSIGHT_EVENT_TYPES,
};

/**
 * The kinds whose views are checkpointed for as-of folds (ViewCheckpointProjection): every kind
 * none of whose events carries a personal field. A view of the others may hold a sealed field
 * that an erasure must leave nowhere but the event log, so they fold from the store; a kind whose
 * events are not listed above is left out too, until someone says what it holds.
 */
export const CHECKPOINTED_KINDS: readonly EntityKind[] = ENTITY_KINDS.filter((kind) => {
  const types = EVENT_TYPES_OF_CATEGORY[kind.category];
  return types !== undefined && types.every((type) => PERSONAL_FIELD_RULES[type] === undefined);
});
