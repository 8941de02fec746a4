import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { ObjectiveOutcome } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

const finite = { allowNaN: false, allowInfinity: false };

@InputType()
export class MetricInput {
  @Field() @IsString() @MaxLength(MAX_NAME) name!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) unit!: string;
  @Field(() => Float) @IsNumber(finite) baseline!: number;
  @Field(() => Float) @IsNumber(finite) target!: number;
}

@InputType()
export class DefineObjectiveInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) description?: string | null;
  @Field(() => MetricInput) @ValidateNested() @Type(() => MetricInput) metric!: MetricInput;
  @Field(() => LocalDateScalar, { nullable: true, description: 'defaults to the day the objective is defined' })
  startsOn?: string | null;
  @Field(() => LocalDateScalar) dueOn!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) owner!: string;
}

@InputType()
export class ReviseObjectiveInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) objectiveId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) title?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) target?: number | null;
  @Field(() => LocalDateScalar, { nullable: true }) dueOn?: string | null;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class RecordProgressInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) objectiveId!: string;
  @Field(() => Float) @IsNumber(finite) value!: number;
  @Field(() => LocalDateScalar) measuredOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string | null;
}

@InputType()
export class CloseObjectiveInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) objectiveId!: string;
  @Field(() => ObjectiveOutcome) @IsEnum(ObjectiveOutcome) outcome!: ObjectiveOutcome;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
