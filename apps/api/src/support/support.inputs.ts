import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { GOALS_MAX } from '@throughline/domain';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { AssistanceMode, QualificationKind, SupportOutcome } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

/** The domain counts characters as code points; MaxLength counts UTF-16 units, at most two each. */
const MAX_TEXT_UNITS = 2 * MAX_TEXT;

@InputType()
export class RecordQualificationInput extends MutationInput {
  @Field() @IsString() @MaxLength(MAX_NAME) person!: string;
  @Field(() => QualificationKind) @IsEnum(QualificationKind) kind!: QualificationKind;
  @Field() @IsString() @MaxLength(MAX_NAME) issuer!: string;
  @Field(() => LocalDateScalar) validFrom!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() validUntil?: string | null;
}

@InputType()
export class OpenSupportEngagementInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) supporter!: string;
  @Field(() => String, { nullable: true, description: 'a person supported; give this or supportedPmoId' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  supportedPerson?: string | null;
  @Field(() => ID, { nullable: true, description: 'another PMO supported; give this or supportedPerson' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  supportedPmoId?: string | null;
  @Field() @IsString() @MaxLength(MAX_NAME) topic!: string;
  @Field(() => AssistanceMode) @IsEnum(AssistanceMode) requestedAs!: AssistanceMode;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(GOALS_MAX) @IsString({ each: true }) @MaxLength(MAX_NAME, { each: true }) goals!: string[];
  @Field() @IsBoolean() willingToChange!: boolean;
  @Field(() => LocalDateScalar) startedOn!: string;
  @Field(() => LocalDateScalar) agreedUntil!: string;
}

@InputType()
export class RecordSupportSessionInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) engagementId!: string;
  @Field(() => LocalDateScalar) heldOn!: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) hours!: number;
  @Field(() => AssistanceMode) @IsEnum(AssistanceMode) mode!: AssistanceMode;
  @Field(() => String, { nullable: true, description: 'COUNSELLOR notes are readable by the supporter alone' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT_UNITS)
  notes?: string | null;
  @Field(() => ID, { nullable: true, description: 'also logs the hours as the supporter’s work on this activity' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  activityId?: string | null;
}

@InputType()
export class RenegotiateEngagementInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) engagementId!: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GOALS_MAX)
  @IsString({ each: true })
  @MaxLength(MAX_NAME, { each: true })
  goals?: string[] | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() agreedUntil?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() willingToChange?: boolean | null;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class CloseSupportEngagementInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) engagementId!: string;
  @Field(() => SupportOutcome) @IsEnum(SupportOutcome) outcome!: SupportOutcome;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class EraseSupportedPersonDataInput extends MutationInput {
  @Field({ description: 'the supported person, as engagements name them' }) @IsString() @MaxLength(MAX_NAME) person!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
