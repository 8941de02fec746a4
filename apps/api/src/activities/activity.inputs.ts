import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { ActivityMode } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

const finite = { allowNaN: false, allowInfinity: false };
/** More objectives than a PMO could meaningfully serve with one activity. */
const MAX_CONTRIBUTIONS = 100;

@InputType()
export class ContributionInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) objectiveId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) rationale!: string;
  @Field(() => Float, { nullable: true, description: 'share of the activity\'s hours relative to its other links; default 1' })
  @IsOptional()
  @IsNumber(finite)
  weight?: number | null;
}

@InputType()
export class PlanActivityInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) planId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) description?: string | null;
  @Field() @IsString() @MaxLength(MAX_NAME) responsible!: string;
  @Field(() => ActivityMode) @IsEnum(ActivityMode) mode!: ActivityMode;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) effortEstimateHours?: number | null;
  @Field(() => [ContributionInput], { nullable: true, description: 'each takes effect on startsOn' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTRIBUTIONS)
  @ValidateNested({ each: true })
  @Type(() => ContributionInput)
  contributions?: ContributionInput[] | null;
}

@InputType()
export class LinkActivityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) activityId!: string;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) objectiveId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) rationale!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) weight?: number | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'defaults to the day the link is recorded; an earlier day credits work already done',
  })
  effectiveFrom?: string | null;
}

@InputType()
export class UnlinkActivityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) activityId!: string;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) objectiveId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class RescheduleActivityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) activityId!: string;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class ReassignActivityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) activityId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) responsible!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) reason?: string | null;
}

@InputType()
export class CompleteActivityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) activityId!: string;
}

@InputType()
export class CancelActivityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) activityId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
