import type { EventMetadata, NewEvent, RecordedEvent, StoredMetadata } from './event-store.port';
import { timeOrderedEventId } from './event-id';
import { type HashableEvent, hashEvent } from './integrity/event-hash';

/** An event in its final stored form, before the store has given it a global position. */
export type SealedEvent = Omit<RecordedEvent, 'position'>;

/** The last event of a stream, which the next appended event chains to. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

export const EMPTY_STREAM_HEAD: StreamHead = { revision: -1, hash: '' };

/**
 * recordedAt for the next append: the clock, but never earlier than the last recorded instant,
 * so recordedAt is non-decreasing along the global order even when the wall clock steps back.
 */
export function stampRecordedAt(clock: () => Date, lastRecordedAt: string | null): string {
  const now = clock();
  if (Number.isNaN(now.getTime())) throw new RangeError('the clock returned an invalid date');
  const stamp = now.toISOString();
  return lastRecordedAt !== null && lastRecordedAt > stamp ? lastRecordedAt : stamp;
}

/** A sealed event with its data as the JSON text it was sealed from, for a store that keeps text. */
export interface SealedRow {
  readonly event: SealedEvent;
  readonly dataJson: string;
}

/** Gives each new event its id, revision, stored data and metadata, and chains their hashes. */
export function sealEvents(
  streamId: string,
  events: readonly NewEvent[],
  head: StreamHead,
  recordedAt: string,
): SealedEvent[] {
  return sealRows(streamId, events, head, recordedAt).map((row) => row.event);
}

/** `sealEvents`, keeping each event's data JSON: serialised once, for the hash and the row. */
export function sealRows(
  streamId: string,
  events: readonly NewEvent[],
  head: StreamHead,
  recordedAt: string,
): SealedRow[] {
  let { revision, hash: prevHash } = head;
  const recordedMs = Date.parse(recordedAt);
  const rows: SealedRow[] = [];
  for (const event of events) {
    revision += 1;
    const dataJson = JSON.stringify(event.data);
    const content: HashableEvent = {
      streamId,
      revision,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: storedData(dataJson),
      metadata: toStoredMetadata(event.metadata, recordedAt),
    };
    const hash = hashEvent(prevHash, content);
    const sealed: SealedEvent = {
      id: event.id ?? timeOrderedEventId(recordedMs),
      streamId,
      revision,
      type: content.type,
      schemaVersion: content.schemaVersion,
      data: content.data,
      metadata: content.metadata,
      hash,
      prevHash,
    };
    prevHash = hash;
    rows.push({ event: sealed, dataJson });
  }
  return rows;
}

/**
 * The data exactly as a JSON round-trip returns it, so the hash taken now equals the one
 * recomputed from storage, and later changes to the caller's object cannot reach the store.
 */
function storedData(json: string | undefined): Record<string, unknown> {
  const stored: unknown = json === undefined ? undefined : JSON.parse(json);
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    throw new TypeError('event data must be a JSON object');
  }
  return stored as Record<string, unknown>;
}

/**
 * Only the documented fields, and only those present: the persisted metadata shape is fixed. Its
 * keys go in their canonical (sorted) order, so the hash writes it without reordering a copy.
 */
function toStoredMetadata(metadata: EventMetadata, recordedAt: string): StoredMetadata {
  const stored: { -readonly [K in keyof StoredMetadata]: StoredMetadata[K] } = { actor: metadata.actor } as StoredMetadata;
  if (metadata.causationId !== undefined) stored.causationId = metadata.causationId;
  if (metadata.commandId !== undefined) stored.commandId = metadata.commandId;
  stored.correlationId = metadata.correlationId;
  if (metadata.reason !== undefined) stored.reason = metadata.reason;
  stored.recordedAt = recordedAt;
  return stored;
}
