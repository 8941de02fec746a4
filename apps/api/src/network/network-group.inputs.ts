import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { TOUCHPOINT_VEHICLES } from '@throughline/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput, RevisionedMutationInput } from '../common/base-inputs';
import { ConnectionKind, NetworkGroupKind, TouchpointVehicle } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

// The cadence's range (1..366 days) and the vehicles named once each are the domain's rules,
// refused there on their fields.

@InputType()
export class FormNetworkGroupInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => NetworkGroupKind) @IsEnum(NetworkGroupKind) kind!: NetworkGroupKind;
  @Field() @IsString() @MaxLength(MAX_NAME) name!: string;
  @Field(() => ConnectionKind) @IsEnum(ConnectionKind) connection!: ConnectionKind;
  @Field(() => Int) @IsInt() cadenceDays!: number;
  @Field(() => [TouchpointVehicle])
  @IsArray()
  @ArrayMaxSize(TOUCHPOINT_VEHICLES.length)
  @IsEnum(TouchpointVehicle, { each: true })
  vehicles!: TouchpointVehicle[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'defaults to today' }) formedOn?: string | null;
}

/** Omitted (or null) fields are kept. */
@InputType()
export class ReviseNetworkGroupInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) groupId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) name?: string | null;
  @Field(() => ConnectionKind, { nullable: true }) @IsOptional() @IsEnum(ConnectionKind) connection?: ConnectionKind | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() cadenceDays?: number | null;
  @Field(() => [TouchpointVehicle], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOUCHPOINT_VEHICLES.length)
  @IsEnum(TouchpointVehicle, { each: true })
  vehicles?: TouchpointVehicle[] | null;
  @Field() @IsString() @MaxLength(MAX_TEXT) reason!: string;
}

@InputType()
export class GroupMembershipInput extends RevisionedMutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) groupId!: string;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) contactId!: string;
}
