import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ObjectiveHealth } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { ComplianceCounts } from '../standards/standard.types';

@ObjectType({ description: 'One objective on one day: measured value (the latest measurement on or before that day), progress and expected progress' })
export class TrendPoint {
  @Field(() => LocalDateScalar) on!: string;
  @Field(() => Float, { nullable: true, description: 'the value of the latest measurement on or before the day (the later recorded of one day); null before any' })
  value!: number | null;
  @Field(() => Float, { description: '(value − baseline) / (target − baseline) on the day; 0 before any measurement' })
  progress!: number;
  @Field(() => Float, { description: 'the share of startsOn..dueOn elapsed on the day, 0..1' })
  expectedProgress!: number;
  @Field(() => ObjectiveHealth, { description: 'judged on the day: CLOSED from the day the objective was closed, by the health rule before it' })
  health!: ObjectiveHealth;
}

@ObjectType()
export class HealthCount {
  @Field(() => ObjectiveHealth) health!: ObjectiveHealth;
  @Field(() => Int) objectives!: number;
}

@ObjectType({ description: 'One PMO on the day judged, as known at the instant asked' })
export class PmoSummary {
  @Field(() => Pmo) pmo!: Pmo;
  @Field(() => Int, { description: 'every objective of the PMO, closed ones included' }) objectives!: number;
  @Field(() => [HealthCount], {
    description: 'the objectives by their health on the day: every health present once, in the order of ObjectiveHealth, zero counts included',
  })
  byHealth!: HealthCount[];
  @Field(() => Float, { description: 'mean progress and mean expected progress of the ACTIVE objectives; 0 when none' })
  meanProgress!: number;
  @Field(() => Float, { description: 'mean expected progress of the objectives ACTIVE on the day; 0 when none' })
  meanExpectedProgress!: number;
  @Field(() => Float, { description: 'work in the 28 days up to the day judged, and the share of it that served an objective' })
  hoursLast28Days!: number;
  @Field(() => Float, { description: "aligned hours / hours of those 28 days, as `alignment` reports the same window; 0 without work" })
  alignedShareLast28Days!: number;
  @Field(() => Float, { description: 'the hours of those 28 days credited to an objective ACTIVE on the day worked' })
  alignedHoursLast28Days!: number;
  @Field(() => ComplianceCounts, { description: 'its rows of `compliance` on the day' }) compliance!: ComplianceCounts;
  @Field(() => Int, { description: 'its network groups formed by the day' }) networkGroups!: number;
  @Field(() => Int, { description: 'of them, those overdue for a touchpoint on the day, as `networkHealth` judges them' })
  overdueNetworkGroups!: number;
  @Field(() => Int, { description: 'deviations it asked for that awaited a decision on the day (requested by then, not decided by then, not past their last day)' })
  openDeviations!: number;
  @Field(() => Int, { description: 'feedback sent to it that was open on the day (raised by then, not resolved by then)' })
  openFeedback!: number;
  @Field(() => Int, { nullable: true, description: 'the whole days the oldest of that feedback had waited on the day; null when none' })
  oldestOpenFeedbackDays!: number | null;
}

@ObjectType({ description: 'The organisation on one day, as known at an instant' })
export class OrganisationSummary {
  @Field(() => LocalDateScalar, { description: 'the day judged' }) on!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'the instant the answer is as known at; null: now' }) asOf!: string | null;
  @Field(() => [PmoSummary], {
    description: 'every PMO (or every PMO the caller may read), parents before children: depth first from the roots, siblings by name then id',
  })
  pmos!: PmoSummary[];
}

@ObjectType({ description: 'Who the caller is, as their token says' })
export class Viewer {
  @Field() subject!: string;
  @Field(() => [String], { description: 'ADMIN, LEADERSHIP, PMO_HEAD, MEMBER or AUDITOR' }) roles!: string[];
  @Field(() => [String], { description: 'the permissions those roles hold, in some PMOs or every PMO (see the README)' })
  permissions!: string[];

  /** Not exposed: `pmos` resolves them. */
  pmoIds!: readonly string[];
}
