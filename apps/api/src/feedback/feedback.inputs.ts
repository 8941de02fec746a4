import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { FeedbackOutcome } from '../graphql/enums';

@InputType()
export class RaiseFeedbackInput extends MutationInput {
  @Field(() => ID, { description: 'the PMO the feedback comes from' }) @IsString() @MaxLength(MAX_NAME) fromPmoId!: string;
  @Field(() => ID, { description: 'a PMO above fromPmoId' }) @IsString() @MaxLength(MAX_NAME) toPmoId!: string;
  @Field(() => ID, { nullable: true, description: 'the standard it is about, if one' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  standardId?: string | null;
  @Field() @IsString() @MaxLength(MAX_NAME) subject!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) body!: string;
}

@InputType()
export class ResolveFeedbackInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) feedbackId!: string;
  @Field(() => FeedbackOutcome) @IsEnum(FeedbackOutcome) outcome!: FeedbackOutcome;
  @Field() @IsString() @MaxLength(MAX_TEXT) resolution!: string;
  @Field(() => Int, { nullable: true, description: 'the new version of the standard: required with STANDARD_REVISED, refused otherwise' })
  @IsOptional()
  @IsInt()
  standardVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'the deviation granted: required with DEVIATION_GRANTED, refused otherwise' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  deviationId?: string | null;
}
