import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, RevisionedMutationInput } from '../common/base-inputs';
import { LocalDateScalar } from '../graphql/scalars';

@InputType()
export class PmoCatalogueInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) name!: string;
  @Field(() => String, { nullable: true, description: 'declarations only' }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) description?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'defaults to today' }) on?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) reason?: string | null;
}

@InputType()
export class MergePmoInput extends RevisionedMutationInput {
  @Field(() => ID, { description: 'the PMO that ends' }) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => ID, { description: 'the PMO that carries on' }) @IsString() @MaxLength(MAX_NAME) intoPmoId!: string;
  @Field(() => LocalDateScalar) effectiveOn!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
