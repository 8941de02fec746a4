import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Activity } from '../activities/activity.types';
import { LocalDateScalar } from '../graphql/scalars';
import { Objective } from '../objectives/objective.types';
import { Mandate, Pmo } from '../pmos/pmo.types';
import { WorkEntry } from '../work/work.types';

@ObjectType()
export class ObjectiveHours {
  @Field(() => Objective) objective!: Objective;
  @Field(() => Float) hours!: number;
}

@ObjectType({ description: 'From a piece of work back to the reason the PMO exists' })
export class PurposeChain {
  @Field(() => WorkEntry) workEntry!: WorkEntry;
  @Field(() => Activity, { nullable: true }) activity!: Activity | null;
  @Field(() => [Objective], { description: 'objectives the activity served on the day the work was done' })
  objectives!: Objective[];
  @Field(() => [ObjectiveHours], { description: "the entry's hours as credited to each of those objectives, split by link weight" })
  credits!: ObjectiveHours[];
  @Field(() => Mandate, { nullable: true, description: 'the mandate in force on the day the work was done' })
  mandate!: Mandate | null;
  @Field({ description: 'credited to at least one objective that was ACTIVE on the day the work was done' })
  aligned!: boolean;
}

@ObjectType()
export class AlignmentBucket {
  @Field(() => LocalDateScalar) start!: string;
  @Field(() => LocalDateScalar) end!: string;
  @Field(() => Float) totalHours!: number;
  @Field(() => Float) alignedHours!: number;
  @Field(() => Float) alignedShare!: number;
  @Field(() => [ObjectiveHours]) byObjective!: ObjectiveHours[];
}

@ObjectType()
export class AlignmentReport {
  @Field(() => Pmo) pmo!: Pmo;
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => Float) totalHours!: number;
  @Field(() => Float) alignedHours!: number;
  @Field(() => Float) unalignedHours!: number;
  @Field(() => Float) alignedShare!: number;
  @Field(() => [AlignmentBucket]) buckets!: AlignmentBucket[];
  @Field(() => [ObjectiveHours]) byObjective!: ObjectiveHours[];
  @Field(() => [Activity], { description: 'not cancelled, overlapping the window, no link covering any day of it' })
  activitiesWithoutObjective!: Activity[];
  @Field(() => [Objective], { description: 'ACTIVE, with no open link from an activity that is not cancelled' })
  objectivesWithoutActivity!: Objective[];
  @Field(() => [Activity], { description: 'planned or in progress, overlapping the window, no work in its last 14 days' })
  idleActivities!: Activity[];
}
