import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import type { RecordedEvent as StoredEvent } from '@throughline/event-store';
import type { AuditRow } from '@throughline/read-models';
import { MAX_NAME } from '../common/base-inputs';
import { EntityType } from '../graphql/enums';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';

@ObjectType('RecordedEvent')
export class RecordedEventNode {
  @Field({ description: 'global position in the store, opaque, increasing' }) position!: string;
  @Field() streamId!: string;
  @Field(() => Int) revision!: number;
  @Field() type!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() actor!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) commandId!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => JSONScalar) data!: unknown;
}

@ObjectType('RecordedEventEdge')
export class RecordedEventEdge {
  @Field() cursor!: string;
  @Field(() => RecordedEventNode) node!: RecordedEventNode;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('RecordedEventConnection')
export class RecordedEventConnection {
  @Field(() => [RecordedEventEdge]) edges!: RecordedEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType()
export class EntityRef {
  @Field(() => EntityType) @IsEnum(EntityType) type!: EntityType;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) id!: string;
}

export const toRecordedEventNode = (event: StoredEvent): RecordedEventNode => ({
  position: event.position.toString(),
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  recordedAt: event.metadata.recordedAt,
  actor: event.metadata.actor,
  reason: event.metadata.reason ?? null,
  commandId: event.metadata.commandId ?? null,
  correlationId: event.metadata.correlationId ?? null,
  data: event.data,
});

export const auditRowNode = (row: AuditRow): RecordedEventNode => ({
  position: row.position.toString(),
  streamId: row.streamId,
  revision: row.revision,
  type: row.type,
  recordedAt: row.recordedAt,
  actor: row.actor,
  reason: row.reason,
  commandId: row.commandId,
  correlationId: row.correlationId,
  data: row.data,
});
