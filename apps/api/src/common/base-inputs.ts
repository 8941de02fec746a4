import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export const MAX_NAME = 200;
export const MAX_TEXT = 2000;
export const MAX_ID = 200;

/** Fields every mutation input accepts: an idempotency key. */
@InputType({ isAbstract: true })
export abstract class MutationInput {
  @Field(() => ID, { nullable: true, description: 'idempotency key: the same id again returns the first result and changes nothing' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID)
  @Matches(/^[\x21-\x7e]+$/, { message: 'commandId must be printable ASCII without spaces' })
  commandId?: string | null;
}

/** A mutation of an existing entity: optionally guarded by the revision the editor saw. */
@InputType({ isAbstract: true })
export abstract class RevisionedMutationInput extends MutationInput {
  @Field(() => Int, { nullable: true, description: 'the revision the editor saw; a mismatch is a CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(-1)
  expectedRevision?: number | null;
}
