import type { EventMetadata, NewEvent, RecordedEvent, StoredMetadata } from './event-store.port';
import { timeOrderedId } from './time-ordered-id';
import { canonicalJson, canonicalJsonOfPlainObject } from './integrity/canonical-json';
import { hashWithData } from './integrity/event-hash';

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

/**
 * A sealed event for a store that keeps its data as JSON text: the text, never parsed back. Plain
 * data is kept in its canonical form, the very text its hash covers, so it is written only once.
 */
export type SealedRow = Omit<SealedEvent, 'data'> & { readonly dataJson: string };

/** Gives each new event its id, revision, stored data and metadata, and chains their hashes. */
export function sealEvents(
  streamId: string,
  events: readonly NewEvent[],
  head: StreamHead,
  recordedAt: string,
): SealedEvent[] {
  const sealed: SealedEvent[] = [];
  seal(streamId, events, head, recordedAt, (data) => {
    const stored = storedData(JSON.stringify(data));
    return { stored, canonical: canonicalJson(stored) };
  }, (id, revision, type, schemaVersion, data, metadata, hash, prevHash) =>
    sealed.push({ id, streamId, revision, type, schemaVersion, data, metadata, hash, prevHash }),
  );
  return sealed;
}

/** `sealEvents` for a store that keeps text: each event's data is serialised once, for hash and row. */
export function sealRows(
  streamId: string,
  events: readonly NewEvent[],
  head: StreamHead,
  recordedAt: string,
): SealedRow[] {
  const rows: SealedRow[] = [];
  seal(streamId, events, head, recordedAt, (data) => {
    const canonical = canonicalJsonOfPlainObject(data);
    if (canonical !== undefined) return { stored: canonical, canonical };
    // Data the native writer would write otherwise (a Date, a NaN): hashed as it will be read back.
    const json = JSON.stringify(data);
    return { stored: json, canonical: canonicalJson(storedData(json)) };
  }, (id, revision, type, schemaVersion, dataJson, metadata, hash, prevHash) =>
    rows.push({ id, streamId, revision, type, schemaVersion, dataJson, metadata, hash, prevHash }),
  );
  return rows;
}

function seal<D>(
  streamId: string,
  events: readonly NewEvent[],
  head: StreamHead,
  recordedAt: string,
  storedForm: (data: NewEvent['data']) => { stored: D; canonical: string },
  // The fields one at a time: a row or an event is then built in one object literal.
  add: (id: string, revision: number, type: string, schemaVersion: number, stored: D, metadata: StoredMetadata, hash: string, prevHash: string) => void,
): void {
  let { revision, hash: prevHash } = head;
  const recordedMs = Date.parse(recordedAt);
  for (const event of events) {
    revision += 1;
    const { stored, canonical } = storedForm(event.data);
    const schemaVersion = event.schemaVersion ?? 1;
    const metadata = toStoredMetadata(event.metadata, recordedAt);
    const hash = hashWithData(prevHash, { streamId, revision, type: event.type, schemaVersion, metadata }, canonical);
    add(event.id ?? timeOrderedId(recordedMs), revision, event.type, schemaVersion, stored, metadata, hash, prevHash);
    prevHash = hash;
  }
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
