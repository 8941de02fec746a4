import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumFrom } from '../../graphql/enum-from';
import { DateTimeScalar } from '../../graphql/scalars';
import { BusinessPlan } from '../../plans/plan.types';
import { Activity } from '../activity.types';
import { ACTIVITY_CHANGE_FIELDS, ACTIVITY_CHANGE_KINDS, type ActivityChangeField as ChangeField, type ActivityChangeKind as ChangeKind } from './activity-changes';

export const ActivityChangeKind = enumFrom(ACTIVITY_CHANGE_KINDS, 'ActivityChangeKind');
export type ActivityChangeKind = ChangeKind;

export const ActivityChangeField = enumFrom(ACTIVITY_CHANGE_FIELDS, 'ActivityChangeField', 'The part of a planned activity a change touches; each value is the name `field` gives as text');
export type ActivityChangeField = ChangeField;

@ObjectType({ description: 'one change to what the baseline promised, with who made it, when and why' })
export class ActivityFieldChange {
  @Field(() => ActivityChangeKind) kind!: ActivityChangeKind;
  @Field({ description: 'schedule, responsible or objectiveLink (changedField as text)' }) field!: ActivityChangeField;
  @Field(() => String, {
    nullable: true,
    description: 'schedules as ISO 8601 intervals of days (2026-04-01/2026-05-31); null for a link that did not exist',
  })
  before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
  @Field(() => ID, { nullable: true, description: 'the objective a link change concerns' }) objectiveId!: string | null;
  @Field({ description: 'the authenticated subject that made the change' }) changedBy!: string;
  @Field(() => DateTimeScalar, { description: 'when the change was recorded' }) changedAt!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Int, { description: "the activity stream's revision that holds the change" }) revision!: number;
}

@ObjectType()
export class ActivityChange {
  @Field(() => Activity, { description: 'the activity as it stands at the compared instant' }) activity!: Activity;
  @Field(() => [ActivityFieldChange], { description: 'in the order recorded' }) changes!: ActivityFieldChange[];
}

@ObjectType({ description: 'a plan compared with one of its approved versions (a baseline)' })
export class PlanComparison {
  @Field(() => BusinessPlan) plan!: BusinessPlan;
  @Field(() => Int) baselineVersion!: number;
  @Field(() => DateTimeScalar, { description: 'when the baseline was approved: the instant it is read as of' })
  baselineApprovedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'the instant compared with the baseline; null: now' })
  asOf!: string | null;
  @Field(() => [Activity], { description: 'planned since the baseline and not cancelled' }) added!: Activity[];
  @Field(() => [Activity], { description: 'in the baseline and cancelled since' }) removed!: Activity[];
  @Field(() => [ActivityChange], { description: 'in the baseline, still planned, and rescheduled, reassigned or relinked since' })
  changed!: ActivityChange[];
}
