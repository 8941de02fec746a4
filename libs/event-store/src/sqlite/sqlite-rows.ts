import type { CommandRecord, RecordedEvent, StoredMetadata } from '../event-store.port';
import type { SealedEvent, SealedRow } from '../sealed-event';
import type { StoredRecordedEvent } from '../upcasting';

/** An events row as read with safe integers on (every INTEGER arrives as a bigint). */
export interface EventRow {
  readonly position: bigint;
  readonly id: string;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schema_version: bigint;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
  readonly hash: string;
  readonly prev_hash: string;
}

export interface CommandRow {
  readonly command_id: string;
  readonly command_hash: string;
  readonly stream_id: string;
  readonly from_revision: number | bigint;
  readonly to_revision: number | bigint;
  readonly recorded_at: string;
}

export const EVENT_COLUMNS =
  'position, id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, prev_hash';

/**
 * recordedAt lives only in its indexed column and is merged back into the metadata on read, so
 * the hash (which covers metadata.recordedAt) also protects the column that as-of queries filter on.
 */
export function toEventParams(event: SealedEvent, dataJson = JSON.stringify(event.data)) {
  const { recordedAt, ...metadata } = event.metadata;
  return {
    id: event.id,
    stream_id: event.streamId,
    revision: event.revision,
    type: event.type,
    schema_version: event.schemaVersion,
    data: dataJson,
    metadata: JSON.stringify(metadata),
    recorded_at: recordedAt,
    hash: event.hash,
    prev_hash: event.prevHash,
  };
}

/**
 * `toEventParams` as the writer binds it, by position, in the column order of its INSERT; the
 * stored metadata is written field by field instead of copied without recordedAt.
 */
export type EventValues = [string, string, number, string, number, string, string, string, string, string];

export function toEventValues(event: SealedRow): EventValues {
  const { actor, commandId, correlationId, causationId, reason } = event.metadata;
  const metadata = JSON.stringify({ actor, commandId, correlationId, causationId, reason });
  return [
    event.id, event.streamId, event.revision, event.type, event.schemaVersion, event.dataJson, metadata,
    event.metadata.recordedAt, event.hash, event.prevHash,
  ];
}

/** The event a row holds, once its JSON columns are parsed. */
const eventOf = (row: EventRow, data: Record<string, unknown>, metadata: Omit<StoredMetadata, 'recordedAt'>): RecordedEvent => ({
  id: row.id,
  streamId: row.stream_id,
  revision: Number(row.revision),
  position: row.position,
  type: row.type,
  schemaVersion: Number(row.schema_version),
  data,
  metadata: { ...metadata, recordedAt: row.recorded_at },
  hash: row.hash,
  prevHash: row.prev_hash,
});

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return eventOf(row, JSON.parse(row.data), JSON.parse(row.metadata));
}

/**
 * The row as stored, for integrity checks: JSON that no longer parses becomes a placeholder and is
 * named in `unreadable`, instead of failing the whole read.
 */
export function toStoredRecordedEvent(row: EventRow): StoredRecordedEvent {
  const unreadable: string[] = [];
  const parse = <T>(column: 'data' | 'metadata', placeholder: T): T => {
    try {
      return JSON.parse(row[column]) as T;
    } catch {
      unreadable.push(`${column} is not valid JSON`);
      return placeholder;
    }
  };
  const event = eventOf(row, parse('data', {}), parse('metadata', { actor: '', correlationId: '' }));
  return unreadable.length === 0 ? event : { ...event, unreadable: unreadable.join('; ') };
}

export function toCommandRecord(row: CommandRow): CommandRecord {
  return {
    commandId: row.command_id,
    commandHash: row.command_hash,
    streamId: row.stream_id,
    fromRevision: Number(row.from_revision),
    toRevision: Number(row.to_revision),
    recordedAt: row.recorded_at,
  };
}
