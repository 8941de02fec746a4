import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { CommunityKind, ContributionKind, InsightDecision } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

// The domain counts characters as code points; one takes at most two UTF-16 units, which is what
// MaxLength counts. These bounds only keep oversized text out: the deciders judge the rest.
const NAME_UNITS = 2 * MAX_NAME;
const TEXT_UNITS = 2 * MAX_TEXT;

@InputType()
export class JoinCommunityInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(NAME_UNITS) name!: string;
  @Field(() => CommunityKind) @IsEnum(CommunityKind) kind!: CommunityKind;
  @Field(() => LocalDateScalar) joinedOn!: string;
}

@InputType()
export class LeaveCommunityInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) communityId!: string;
  @Field(() => LocalDateScalar) leftOn!: string;
  @Field(() => String, { nullable: true, description: 'why the PMO left, kept with the event' }) @IsOptional() @IsString() @MaxLength(TEXT_UNITS) reason?: string | null;
}

@InputType()
export class CommunityContributionInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) communityId!: string;
  @Field(() => LocalDateScalar) on!: string;
  @Field() @IsString() @MaxLength(NAME_UNITS) title!: string;
  @Field(() => ContributionKind, { nullable: true }) @IsOptional() @IsEnum(ContributionKind) kind?: ContributionKind | null;
}

@InputType()
export class RecordInsightInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => ID, { nullable: true, description: "the PMO's community it was heard in" }) @IsOptional() @IsString() @MaxLength(MAX_NAME) communityId?: string | null;
  @Field() @IsString() @MaxLength(NAME_UNITS) title!: string;
  @Field() @IsString() @MaxLength(TEXT_UNITS) summary!: string;
  @Field(() => LocalDateScalar) heardOn!: string;
}

@InputType()
export class DecideInsightInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) insightId!: string;
  @Field(() => InsightDecision) @IsEnum(InsightDecision) decision!: InsightDecision;
  @Field() @IsString() @MaxLength(TEXT_UNITS) reason!: string;
  @Field(() => LocalDateScalar) decidedOn!: string;
  @Field(() => ID, { nullable: true, description: 'the activity that puts an adopted or adapted insight to work' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  activityId?: string | null;
}
