import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { connectionType } from '../common/connections';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType()
export class WorkEntry extends NodeFields {
  @Field() person!: string;
  @Field(() => LocalDateScalar, { description: 'the day the work was done' }) workedOn!: string;
  @Field(() => Float) hours!: number;
  @Field() description!: string;
  @Field({ description: 'a retracted entry counts in no total but stays in the history' }) retracted!: boolean;
  @Field(() => String, { nullable: true }) retractReason!: string | null;
  @Field(() => DateTimeScalar) loggedAt!: string;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  activityId!: string | null;
  asOf!: string | null;
}

export const WorkEntryConnection = connectionType('WorkEntry', WorkEntry);
