import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { MandatePurpose, PmoKind } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

@InputType()
export class EstablishPmoInput extends MutationInput {
  @Field() @IsString() @MaxLength(MAX_NAME) name!: string;
  @Field(() => PmoKind) @IsEnum(PmoKind) kind!: PmoKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) parentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) head?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'the day the PMO came into being, for PMOs older than their record here; defaults to the day it is recorded',
  })
  establishedOn?: string | null;
}

@InputType()
export class IssueMandateInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => MandatePurpose) @IsEnum(MandatePurpose) purpose!: MandatePurpose;
  @Field() @IsString() @MaxLength(MAX_TEXT) statement!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) sponsor!: string;
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => String, { nullable: true, description: 'required when it replaces an existing mandate' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  reason?: string | null;
}

@InputType()
export class RenamePmoInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) name!: string;
}

@InputType()
export class AssignPmoHeadInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => String, { nullable: true, description: 'null leaves the post vacant' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  head?: string | null;
}
