import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import type { RecordedEvent as StoredEvent } from '@throughline/event-store';
import type { AuditRow } from '@throughline/read-models';
import { MAX_NAME } from '../common/base-inputs';
import { connectionType } from '../common/connections';
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
  @Field(() => JSONScalar, { description: "the event's data; a person's data in it is null once they were erased" }) data!: unknown;
  @Field(() => [String], { description: 'fields of data that held personal data of someone since erased, now null' }) erasedFields!: readonly string[];
}

export const RecordedEventConnection = connectionType('RecordedEvent', RecordedEventNode);

@InputType()
export class EntityRef {
  @Field(() => EntityType) @IsEnum(EntityType) type!: EntityType;
  @Field(() => ID) @IsString() @MaxLength(MAX_NAME) id!: string;
}

/** Event data as auditors are shown it: personal fields opened, or null and named once erased (EventDataOpener). */
export interface OpenedData {
  readonly data: Readonly<Record<string, unknown>>;
  readonly erasedFields: readonly string[];
}

export const toRecordedEventNode = (event: StoredEvent, opened: OpenedData): RecordedEventNode => ({
  position: event.position.toString(),
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  recordedAt: event.metadata.recordedAt,
  actor: event.metadata.actor,
  reason: event.metadata.reason ?? null,
  commandId: event.metadata.commandId ?? null,
  correlationId: event.metadata.correlationId ?? null,
  data: opened.data,
  erasedFields: opened.erasedFields,
});

/** An audit row with its data opened (EventDataOpener.all). */
export type OpenedAuditRow = AuditRow & { readonly erasedFields: readonly string[] };

export const auditRowNode = (row: OpenedAuditRow): RecordedEventNode => ({
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
  erasedFields: row.erasedFields,
});
