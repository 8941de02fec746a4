import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { LocalDateScalar } from '../graphql/scalars';

const finite = { allowNaN: false, allowInfinity: false };
/**
 * The domain counts a description's characters as code points; one code point takes at most two
 * UTF-16 units, which is what MaxLength counts. This bound only keeps oversized text out.
 */
const MAX_DESCRIPTION_UNITS = 2 * MAX_TEXT;

@InputType()
export class LogWorkInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => String, { nullable: true, description: 'defaults to the authenticated user' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  person?: string | null;
  @Field(() => LocalDateScalar) workedOn!: string;
  @Field(() => Float) @IsNumber(finite) hours!: number;
  @Field() @IsString() @MaxLength(MAX_DESCRIPTION_UNITS) description!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) activityId?: string | null;
}

/** Omitted fields keep their value; an explicit null activityId detaches the entry from its activity. */
@InputType()
export class CorrectWorkInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) workEntryId!: string;
  @Field(() => String, { nullable: true, description: 'who actually did the work' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  person?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) workedOn?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) hours?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_DESCRIPTION_UNITS) description?: string | null;
  @Field(() => ID, { nullable: true, description: 'omitted: keep the activity; null: the work served no activity' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  activityId?: string | null;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class RetractWorkInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) workEntryId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
