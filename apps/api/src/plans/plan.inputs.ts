import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { LocalDateScalar } from '../graphql/scalars';

@InputType()
export class DraftBusinessPlanInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) title!: string;
  @Field(() => LocalDateScalar) periodStart!: string;
  @Field(() => LocalDateScalar) periodEnd!: string;
}

/** Submit, approve, return or revise: the plan, and why. */
@InputType()
export class PlanTransitionInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) planId!: string;
  @Field(() => String, { nullable: true, description: 'required to return a plan' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  reason?: string | null;
}
