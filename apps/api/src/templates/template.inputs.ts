import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MutationInput } from '../common/base-inputs';
import { LocalDateScalar } from '../graphql/scalars';

@InputType()
export class PublishPlanTemplateInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) planId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) title!: string;
}

@InputType()
export class DraftFromTemplateInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) templateId!: string;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) title!: string;
  @Field(() => LocalDateScalar) periodStart!: string;
  @Field(() => LocalDateScalar) periodEnd!: string;
}
