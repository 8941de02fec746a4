import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MAX_NAME } from '../../common/base-inputs';

/** A sha-256 digest in hex. */
const HASH_LENGTH = 64;

@ObjectType('IntegrityProblem', { description: 'something wrong with one stored event' })
export class IntegrityProblemNode {
  @Field({ description: 'the stream the event is stored in' }) streamId!: string;
  @Field(() => Int, { description: 'the revision of the event within its stream, as stored' }) revision!: number;
  @Field({ description: 'what is wrong, e.g. "hash does not match the event content"' }) problem!: string;
}

@ObjectType('StreamHead', {
  description: 'the last stored event of a stream; its hash covers every event of the stream up to it',
})
export class StreamHeadNode {
  @Field() streamId!: string;
  @Field(() => Int) revision!: number;
  @Field({ description: 'sha-256 (hex) of the event at this revision, chained to every event before it' }) hash!: string;
}

@InputType('StreamHeadInput', { description: 'a stream head kept from an earlier integrity report' })
export class StreamHeadInput {
  @Field() @IsString() @MaxLength(MAX_NAME) streamId!: string;
  @Field(() => Int) revision!: number;
  @Field({ description: 'sha-256 hex, as the earlier report gave it' }) @IsString() @MaxLength(HASH_LENGTH) hash!: string;
}

@ObjectType('IntegrityReport', { description: 'the outcome of checking the hash chains of stored events' })
export class IntegrityReportNode {
  @Field({ description: 'true when no problem was found' }) ok!: boolean;
  @Field(() => Int, { description: 'stored events checked' }) checkedEvents!: number;
  @Field(() => Int, { description: 'problems found in all; `problems` lists at most the first 1000' }) problemCount!: number;
  @Field(() => [IntegrityProblemNode], { description: 'problems in the order they were found' }) problems!: IntegrityProblemNode[];
  @Field(() => [StreamHeadNode], {
    description: 'the head of every stream checked, by stream id: keep these, and pass them later as knownHeads to prove nothing up to them changed',
  })
  streams!: StreamHeadNode[];
}
