import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FeedbackOutcome, FeedbackStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'Feedback a PMO raised to a PMO above it, and how that PMO resolved it' })
export class Feedback extends NodeFields {
  // from, to and standard: resolved by field resolvers (feedback.resolver.ts).
  @Field() subject!: string;
  @Field() body!: string;
  @Field(() => FeedbackStatus) status!: FeedbackStatus;
  @Field(() => FeedbackOutcome, { nullable: true }) outcome!: FeedbackOutcome | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => Int, { nullable: true, description: 'the version of the standard that answered it, when the outcome is STANDARD_REVISED' })
  standardVersion!: number | null;
  @Field(() => ID, { nullable: true, description: 'the deviation that answered it, when the outcome is DEVIATION_GRANTED' })
  deviationId!: string | null;
  @Field() raisedBy!: string;
  @Field(() => DateTimeScalar) raisedAt!: string;
  @Field(() => String, { nullable: true }) resolvedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) resolvedAt!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'while OPEN, whole days since the day it was raised, counted to today (or to the day of asOf); null once resolved',
  })
  ageDays!: number | null;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  fromPmoId!: string;
  toPmoId!: string;
  standardId!: string | null;
  asOf!: string | null;
}
