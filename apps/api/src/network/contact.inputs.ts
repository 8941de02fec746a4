import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { EngagementLevel, NetworkSource, RelationshipKind, Stance } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

/** More groups than a PMO would ever put one person in at once: the list only needs a bound. */
export const MAX_GROUPS_NAMED = 50;

@InputType()
export class AddContactInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field() @IsString() @MaxLength(MAX_NAME) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) organisation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) role?: string | null;
  @Field(() => NetworkSource) @IsEnum(NetworkSource) source!: NetworkSource;
  @Field(() => RelationshipKind) @IsEnum(RelationshipKind) relationship!: RelationshipKind;
  @Field(() => LocalDateScalar, { nullable: true, description: 'the day the relationship began, for relationships older than their record here; defaults to today' })
  knownSince?: string | null;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GROUPS_NAMED)
  @IsString({ each: true })
  @MaxLength(MAX_NAME, { each: true })
  groupIds?: string[] | null;
}

/** Omitted fields are kept; organisation and role given as null are cleared. */
@InputType()
export class UpdateContactInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) contactId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) organisation?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) role?: string | null;
  @Field(() => NetworkSource, { nullable: true }) @IsOptional() @IsEnum(NetworkSource) source?: NetworkSource | null;
}

@InputType()
export class AssessContactInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) contactId!: string;
  @Field(() => Stance) @IsEnum(Stance) stance!: Stance;
  @Field(() => EngagementLevel) @IsEnum(EngagementLevel) engagement!: EngagementLevel;
  @Field(() => EngagementLevel) @IsEnum(EngagementLevel) desiredEngagement!: EngagementLevel;
  @Field(() => LocalDateScalar) assessedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT) reason?: string | null;
}

@InputType()
export class EndRelationshipInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) contactId!: string;
  @Field(() => LocalDateScalar) endedOn!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class ErasePersonalDataInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) contactId!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}
