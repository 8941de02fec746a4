import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_NAME, MAX_TEXT, MutationInput } from '../common/base-inputs';
import { TouchpointVehicle, ValueDirection } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';
import { MAX_GROUPS_NAMED } from './contact.inputs';

/** A steering meeting or a community of practice, not a mailing: a newsletter is one touchpoint per reader group. */
export const MAX_PARTICIPANTS = 1000;
/**
 * The domain counts a summary's characters as code points; one code point takes at most two
 * UTF-16 units, which is what MaxLength counts. This bound only keeps oversized text out.
 */
const MAX_SUMMARY_UNITS = 2 * MAX_TEXT;

@InputType()
export class TouchpointWorkInput {
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) hours!: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_NAME) activityId?: string | null;
}

@InputType()
export class RecordTouchpointInput extends MutationInput {
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) pmoId!: string;
  @Field(() => LocalDateScalar) heldOn!: string;
  @Field(() => TouchpointVehicle) @IsEnum(TouchpointVehicle) vehicle!: TouchpointVehicle;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GROUPS_NAMED)
  @IsString({ each: true })
  @MaxLength(MAX_NAME, { each: true })
  groupIds?: string[] | null;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(MAX_PARTICIPANTS) @IsString({ each: true }) @MaxLength(MAX_NAME, { each: true }) contactIds!: string[];
  @Field() @IsString() @MaxLength(MAX_SUMMARY_UNITS) summary!: string;
  @Field(() => ValueDirection, { nullable: true }) @IsOptional() @IsEnum(ValueDirection) value?: ValueDirection | null;
  @Field(() => TouchpointWorkInput, { nullable: true, description: 'logs the time it took as a work entry of the recording person' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TouchpointWorkInput)
  work?: TouchpointWorkInput | null;
}
