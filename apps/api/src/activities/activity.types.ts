import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ActivityMode, ActivityStatus } from '../graphql/enums';
import { connectionType } from '../common/connections';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'An open link: the activity serves the objective from effectiveFrom on' })
export class Contribution {
  @Field() rationale!: string;
  @Field(() => Float) weight!: number;
  @Field(() => DateTimeScalar) linkedAt!: string;
  @Field(() => LocalDateScalar, { description: 'work done from this day on is credited to the objective' })
  effectiveFrom!: string;

  /** Not exposed: resolved by field resolvers. */
  objectiveId!: string;
  activityId!: string;
  /** The activity's title when the link was read with it, so `activity { id title }` needs no read of its own. */
  activityTitle?: string;
  asOf!: string | null;
}

@ObjectType({ description: 'One period during which the activity contributed to an objective; ended periods included' })
export class ContributionPeriod {
  @Field() rationale!: string;
  @Field(() => Float) weight!: number;
  @Field(() => DateTimeScalar) linkedAt!: string;
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'work done on this day or later is no longer credited; null while open' })
  endedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'why the link was ended' }) endReason!: string | null;

  /** Not exposed: resolved by field resolvers. */
  objectiveId!: string;
  asOf!: string | null;
}

@ObjectType()
export class Activity extends NodeFields {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() responsible!: string;
  @Field(() => ActivityMode) mode!: ActivityMode;
  @Field(() => ActivityStatus) status!: ActivityStatus;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => Float, { nullable: true }) effortEstimateHours!: number | null;
  @Field(() => [Contribution], { description: 'the links in force' }) contributions!: Contribution[];
  @Field(() => [ContributionPeriod], { description: 'every link ever made, in the order made, ended ones included' })
  links!: ContributionPeriod[];
  @Field(() => LocalDateScalar, { nullable: true }) completedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) cancelledOn!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => DateTimeScalar) plannedAt!: string;
  @Field(() => Float, { description: 'hours of non-retracted work logged against this activity' }) hoursLogged!: number;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  planId!: string;
  pmoId!: string;
  asOf!: string | null;
}

export const ActivityConnection = connectionType('Activity', Activity);
