import { CATEGORY, type Category } from '@throughline/runtime';
import { EntityType } from '../graphql/enums';

export const CATEGORY_OF_ENTITY: Record<EntityType, Category> = {
  [EntityType.PMO]: CATEGORY.pmo,
  [EntityType.OBJECTIVE]: CATEGORY.objective,
  [EntityType.BUSINESS_PLAN]: CATEGORY.plan,
  [EntityType.ACTIVITY]: CATEGORY.activity,
  [EntityType.WORK_ENTRY]: CATEGORY.work,
  [EntityType.FEEDBACK]: CATEGORY.feedback,
  [EntityType.STANDARD]: CATEGORY.standard,
  [EntityType.STANDARD_ADOPTION]: CATEGORY.adoption,
  [EntityType.DEVIATION]: CATEGORY.deviation,
  [EntityType.PLAN_TEMPLATE]: CATEGORY.template,
  [EntityType.CONTACT]: CATEGORY.contact,
  [EntityType.NETWORK_GROUP]: CATEGORY.networkgroup,
  [EntityType.TOUCHPOINT]: CATEGORY.touchpoint,
  [EntityType.SUPPORT_ENGAGEMENT]: CATEGORY.supportengagement,
  [EntityType.COMMUNITY]: CATEGORY.community,
  [EntityType.INSIGHT]: CATEGORY.insight,
};
