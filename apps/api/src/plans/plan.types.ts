import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PlanStatus } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'One version of a business plan and its path through review' })
export class BusinessPlanVersion {
  @Field(() => Int) version!: number;
  @Field(() => PlanStatus) status!: PlanStatus;
  @Field(() => String, { nullable: true, description: 'the latest submission; cleared when the version is returned' })
  submittedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) submittedAt!: string | null;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) approvedAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'when a later version was approved in its place' })
  supersededAt!: string | null;
}

@ObjectType()
export class BusinessPlan extends NodeFields {
  @Field() title!: string;
  @Field(() => LocalDateScalar) periodStart!: string;
  @Field(() => LocalDateScalar) periodEnd!: string;
  @Field(() => PlanStatus, { description: 'the status of the version shown' }) status!: PlanStatus;
  @Field(() => Int, { description: 'the version shown: the latest unless a version was asked for' }) version!: number;
  @Field(() => String, { nullable: true, description: 'who approved the version shown' }) approvedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) approvedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'the approved version in force (the baseline); null before the first approval' })
  baselineVersion!: number | null;
  @Field(() => [BusinessPlanVersion], { description: 'every version, oldest first' }) versions!: BusinessPlanVersion[];
  @Field(() => DateTimeScalar) draftedAt!: string;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  templateId!: string | null;
  /**
   * The instant the plan's content was taken as of (null: now); its activities resolve as of the
   * same instant, so an approved version shows the activities it was approved with.
   */
  asOf!: string | null;
}
