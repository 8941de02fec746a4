import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_ID, MAX_NAME } from '../common/base-inputs';
import { EventType } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';

/** Enough for any real question about event types, small enough to keep one query cheap. */
export const MAX_AUDIT_TYPES = 50;

/** What the audit log is narrowed to; every field given must hold. */
@InputType()
export class AuditFilter {
  @Field(() => ID, {
    nullable: true,
    description: "the PMO's own events and those of its objectives, business plans, activities and work entries",
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID)
  pmoId?: string | null;

  @Field(() => String, { nullable: true, description: 'the authenticated subject that caused the event' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  actor?: string | null;

  @Field(() => [String], { nullable: true, description: 'any of these event types; an empty list matches nothing' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_AUDIT_TYPES)
  @IsString({ each: true })
  @MaxLength(MAX_NAME, { each: true })
  types?: string[] | null;

  @Field(() => [EventType], {
    nullable: true,
    description: 'any of these event types, as the enum lists them; with `types` too, an event must be in both; an empty list matches nothing',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_AUDIT_TYPES)
  eventTypes?: EventType[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'recorded at or after this instant' })
  from?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'recorded at or before this instant' })
  to?: string | null;
}
