/** What the EventStoreDB store refuses up front, before anything reaches the server. */
import type { CommandRecord, NewEvent, RecordedEvent } from '../event-store.port';
import type { StreamNameFilter } from './eventstoredb-all-reads';
import { INTERNAL_STREAM_PREFIX } from './eventstoredb-command-claims';
import { isUuid } from './eventstoredb-envelope';

const EXCLUDE_SYSTEM_AND_INTERNAL = `^(?!\\$|${INTERNAL_STREAM_PREFIX.replace(/\./g, '\\.')})`;

/** Refuses before anything is written what EventStoreDB or JSON could not store. */
export function assertStorable(streamId: string, events: readonly NewEvent[]): void {
  if (streamId.startsWith('$') || streamId.startsWith(INTERNAL_STREAM_PREFIX)) {
    throw new RangeError(
      `stream id ${streamId} is reserved: '$' streams belong to EventStoreDB, '${INTERNAL_STREAM_PREFIX}' to this store`,
    );
  }
  for (const event of events) {
    if (event.id !== undefined && !isUuid(event.id)) {
      throw new TypeError(`event id ${event.id} is not a UUID: EventStoreDB identifies events by UUID`);
    }
    const json = JSON.stringify(event.data); // throws for values JSON cannot hold, e.g. a bigint
    if (typeof json !== 'string' || !json.startsWith('{')) throw new TypeError('event data must be a JSON object');
  }
}

/** One stream's events at consecutive revisions, and command records that start among them. */
export function assertStoredBatch(events: readonly RecordedEvent[], commands: readonly CommandRecord[]): void {
  if (events.length === 0) throw new RangeError('appendStored needs at least one event');
  const [first] = events;
  events.forEach((event, index) => {
    if (event.streamId !== first.streamId) throw new RangeError(`appendStored takes one stream: ${event.streamId} is not ${first.streamId}`);
    if (event.revision !== first.revision + index) {
      throw new RangeError(`${first.streamId}: revision ${event.revision} where ${first.revision + index} was expected`);
    }
  });
  const lastRevision = first.revision + events.length - 1;
  for (const record of commands) {
    const starts = record.fromRevision >= first.revision && record.fromRevision <= lastRevision;
    if (record.streamId !== first.streamId || !starts || record.toRevision < record.fromRevision) {
      throw new RangeError(`command ${record.commandId} does not start among the events of ${first.streamId} given`);
    }
  }
}

export function feedFilterOf(prefixes: readonly string[] | undefined): StreamNameFilter {
  if (prefixes === undefined) return { regex: EXCLUDE_SYSTEM_AND_INTERNAL };
  if (prefixes.length === 0) throw new RangeError('streamPrefixes must name at least one prefix');
  for (const prefix of prefixes) {
    if (typeof prefix !== 'string' || prefix === '' || prefix.startsWith('$') || prefix.startsWith(INTERNAL_STREAM_PREFIX)) {
      throw new RangeError(`stream prefix ${JSON.stringify(prefix)} is empty or names system or internal streams`);
    }
  }
  return { prefixes };
}

export function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
