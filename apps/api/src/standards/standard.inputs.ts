import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { DeviationSignificance, PmoKind, StandardKind } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

@InputType()
export class PublishStandardInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) publisherPmoId!: string;
  @Field(() => StandardKind) @IsEnum(StandardKind) kind!: StandardKind;
  @Field() @IsString() @MaxLength(MAX_NAME) title!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) summary!: string;
  @Field(() => [PmoKind]) @IsArray() @ArrayMaxSize(3) @IsEnum(PmoKind, { each: true }) appliesTo!: PmoKind[];
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => LocalDateScalar) adoptionDueOn!: string;
  @Field(() => Int, { nullable: true, description: 'the longest deviation allowed, in days (both ends counted); none when omitted' })
  @IsOptional()
  @IsInt()
  maxDeviationDays?: number | null;
}

@InputType()
export class ReviseStandardInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) standardId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) summary!: string;
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => LocalDateScalar) adoptionDueOn!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
  @Field(() => Int, { nullable: true, description: "omitted keeps the previous version's cap; null lifts it" })
  @IsOptional()
  @IsInt()
  maxDeviationDays?: number | null;
}

@InputType()
export class RetireStandardInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) standardId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class AdoptStandardInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) standardId!: string;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => LocalDateScalar) adoptedOn!: string;
}

@InputType()
export class KeepStandardVersionInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) standardId!: string;
  @Field(() => ID, { description: 'a PMO whose parent grants the leeway' }) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => LocalDateScalar) until!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class RequestDeviationInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) standardId!: string;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) description!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
  @Field(() => DeviationSignificance) @IsEnum(DeviationSignificance) significance!: DeviationSignificance;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) compensatingMeasures?: string | null;
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) until!: string;
}

@InputType()
export class DecideDeviationInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) deviationId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
