/**
 * The in-memory transaction log of the EventStoreDB test double (see eventstoredb-test-double.ts).
 * It reproduces what a client can observe of the server's storage: byte-like log positions that
 * grow with each record (commit = prepare for every event, as for the server's self-committed
 * writes), expected-revision checks, event-id idempotency of retried writes, and $all order.
 */
import { randomUUID } from 'node:crypto';

export interface LoggedEvent {
  readonly streamName: string;
  readonly revision: bigint;
  /** Lower-case UUID, as the server prints a Guid. */
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends "created". */
  readonly created: bigint;
  /** Commit and prepare position: the event's own log position. */
  readonly position: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type ExpectedState =
  | { readonly kind: 'any' | 'no_stream' | 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type WriteOutcome =
  | {
      readonly ok: true;
      /** Revision of the stream's last event after the write; -1n for an empty write to no stream. */
      readonly currentRevision: bigint;
      /**
       * Position of the last event written; absent for an empty write. The server answers it as
       * both the commit and the prepare position of the write.
       */
      readonly commitPosition?: bigint;
    }
  | { readonly ok: false; readonly currentRevision: bigint };

export interface EventFilter {
  readonly on: 'stream' | 'type';
  /** Used when non-empty, as the server does; otherwise the prefixes. */
  readonly regex: string;
  readonly prefixes: readonly string[];
}

/** Where a read of $all starts; positions address an event (or the gap before it). */
export type AllFrom = 'start' | 'end' | bigint;

const TICKS_PER_MILLISECOND = 10_000n;
/** The revision of a tombstone (EventNumber.DeletedStream, long.MaxValue). */
export const DELETED_STREAM_REVISION = 0x7fff_ffff_ffff_ffffn;
/** The type of a tombstone record (SystemEventTypes.StreamDeleted). */
export const STREAM_DELETED_TYPE = '$streamDeleted';

export type TombstoneOutcome =
  | { readonly ok: true; readonly position: bigint }
  | { readonly ok: false; readonly currentRevision: bigint }
  /** Tombstoned before: the server answers StreamDeleted. */
  | { readonly ok: false; readonly deleted: true };
/** A fresh server's log holds epoch and settings records before the first event. */
const FIRST_POSITION = 1_232n;
const RECORD_OVERHEAD = 137n;

export function matchesFilter(filter: EventFilter | null, event: LoggedEvent): boolean {
  if (filter === null) return true;
  const subject = filter.on === 'stream' ? event.streamName : event.type;
  // The server uses .NET Regex.IsMatch: a search, not an anchored match.
  if (filter.regex.length > 0) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((prefix) => subject.startsWith(prefix));
}

export class DoubleLog {
  private readonly all: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly tombstoned = new Set<string>();
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  private nextPosition = FIRST_POSITION;

  constructor(private readonly clock: () => number = Date.now) {}

  get length(): number {
    return this.all.length;
  }

  /** Where the next record will be written: the post-position of the last one. */
  get end(): bigint {
    return this.nextPosition;
  }

  /** Position of the last event, -1n when there is none (the server's last indexed position). */
  get lastPosition(): bigint {
    return this.all.length === 0 ? -1n : this.all[this.all.length - 1].position;
  }

  /**
   * Whether a read may start at `position`: the start of the log, the start of a record, or at or
   * past the end. Anything else points into the middle of a record, which the server refuses.
   */
  isReadablePosition(position: bigint): boolean {
    if (position === 0n || position >= this.nextPosition) return true;
    const index = this.indexAtOrAfter(position);
    return index < this.all.length && this.all[index].position === position;
  }

  at(index: number): LoggedEvent {
    return this.all[index];
  }

  /** Index of the first event at or after `position` in $all (the length when there is none). */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  streamNames(): string[] {
    return [...this.streams.keys()];
  }

  /** Appends atomically, or reports the stream's current revision when `expected` does not hold. */
  write(streamName: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): WriteOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = BigInt(stream.length) - 1n;

    const idempotent = this.idempotentReplay(stream, expected, proposed);
    if (idempotent) return idempotent;

    const holds =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === -1n) ||
      (expected.kind === 'stream_exists' && current !== -1n) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!holds) return { ok: false, currentRevision: current };
    if (proposed.length === 0) return { ok: true, currentRevision: current };

    const created = BigInt(this.clock()) * TICKS_PER_MILLISECOND;
    const written: LoggedEvent[] = proposed.map((event, index) => {
      const position = this.nextPosition;
      this.nextPosition += RECORD_OVERHEAD + BigInt(
        streamName.length + event.type.length + event.data.length + event.customMetadata.length,
      );
      return {
        streamName,
        revision: current + 1n + BigInt(index),
        id: event.id,
        type: event.type,
        contentType: event.contentType,
        data: event.data,
        customMetadata: event.customMetadata,
        created,
        position,
      };
    });
    stream.push(...written);
    this.streams.set(streamName, stream);
    this.all.push(...written);
    for (const event of written) {
      for (const listener of [...this.listeners]) listener(event);
    }
    const last = written[written.length - 1];
    return { ok: true, currentRevision: last.revision, commitPosition: last.position };
  }

  /**
   * Events of one stream, or null when the stream does not exist. `seen` is how many events of
   * $all the reading node holds (a follower behind the leader); all of them by default.
   */
  readStream(streamName: string, from: 'start' | 'end' | bigint, backwards: boolean, count: number, seen = Infinity): LoggedEvent[] | null {
    const held = this.streams.get(streamName);
    const stream = held && seen < this.all.length ? held.filter((event) => event.position < this.all[seen].position) : held;
    if (!stream || stream.length === 0) return null;
    if (backwards) {
      const start = from === 'end' ? stream.length - 1 : from === 'start' ? 0 : Math.min(Number(from), stream.length - 1);
      return stream.slice(Math.max(0, start + 1 - count), start + 1).reverse();
    }
    const start = from === 'start' ? 0 : from === 'end' ? stream.length : Number(from);
    return stream.slice(start, start + count);
  }

  /**
   * $all in one direction with an optional filter, `count` counting matching events. Forwards
   * includes an event at `from`; backwards starts strictly before it, as the server does. `seen`
   * as for readStream.
   */
  readAll(from: AllFrom, backwards: boolean, count: number, filter: EventFilter | null, seen = Infinity): LoggedEvent[] {
    const length = Math.min(seen, this.all.length);
    const events: LoggedEvent[] = [];
    if (backwards) {
      const start = from === 'end' ? length - 1 : from === 'start' ? -1 : Math.min(length, this.indexAtOrAfter(from)) - 1;
      for (let index = start; index >= 0 && events.length < count; index -= 1) {
        if (matchesFilter(filter, this.all[index])) events.push(this.all[index]);
      }
      return events;
    }
    const start = from === 'start' ? 0 : from === 'end' ? length : this.indexAtOrAfter(from);
    for (let index = start; index < length && events.length < count; index += 1) {
      if (matchesFilter(filter, this.all[index])) events.push(this.all[index]);
    }
    return events;
  }

  /** Whether the stream was deleted for good: reads and writes of it are answered StreamDeleted. */
  isTombstoned(streamName: string): boolean {
    return this.tombstoned.has(streamName);
  }

  /**
   * A hard delete (ClientMessage.DeleteStream with hardDelete): checks the expected revision like
   * a write, then writes the tombstone, a `$streamDeleted` record at revision long.MaxValue that
   * $all shows. The stream's events stay in the log, and in $all, until a scavenge.
   */
  tombstone(streamName: string, expected: ExpectedState): TombstoneOutcome {
    if (this.tombstoned.has(streamName)) return { ok: false, deleted: true };
    const current = BigInt(this.streams.get(streamName)?.length ?? 0) - 1n;
    const holds =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === -1n) ||
      (expected.kind === 'stream_exists' && current !== -1n) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!holds) return { ok: false, currentRevision: current };
    const position = this.nextPosition;
    this.nextPosition += RECORD_OVERHEAD + BigInt(streamName.length + STREAM_DELETED_TYPE.length);
    const record: LoggedEvent = {
      streamName,
      revision: DELETED_STREAM_REVISION,
      id: randomUUID(),
      type: STREAM_DELETED_TYPE,
      contentType: 'application/octet-stream',
      data: new Uint8Array(),
      customMetadata: new Uint8Array(),
      created: BigInt(this.clock()) * TICKS_PER_MILLISECOND,
      position,
    };
    this.tombstoned.add(streamName);
    this.all.push(record);
    for (const listener of [...this.listeners]) listener(record);
    return { ok: true, position };
  }

  /**
   * What a scavenge of completed chunks does to deleted streams: their events leave the log (and
   * $all) for good, their tombstones stay. Unlike the server, the double treats every chunk as
   * completed; a real server keeps the active chunk's records until it is completed and scavenged.
   */
  scavenge(): number {
    const before = this.all.length;
    const kept = this.all.filter((event) => !this.tombstoned.has(event.streamName) || event.type === STREAM_DELETED_TYPE);
    this.all.splice(0, this.all.length, ...kept);
    for (const streamName of this.tombstoned) this.streams.delete(streamName);
    return before - kept.length;
  }

  /** Calls `listener` for every event written from now on, in $all order; returns an unsubscribe. */
  follow(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Writes an event to a system stream, as the server does for users, settings and statistics. */
  writeSystemEvent(streamName: string, type: string): void {
    this.writeBareEvent(streamName, type);
  }

  /** Another client's event, with JSON data and no custom metadata. */
  writeForeignEvent(streamName: string): void {
    this.writeBareEvent(streamName, 'WrittenByAnotherClient');
  }

  private writeBareEvent(streamName: string, type: string): void {
    const data = new TextEncoder().encode('{}');
    this.write(streamName, { kind: 'any' }, [
      { id: randomUUID(), type, contentType: 'application/json', data, customMetadata: new Uint8Array() },
    ]);
  }

  /**
   * A retried write whose event ids already sit where the write would put them succeeds without
   * writing again (the server's idempotent write); ids that only partly match are a conflict.
   */
  private idempotentReplay(
    stream: readonly LoggedEvent[],
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): WriteOutcome | null {
    if (proposed.length === 0 || stream.length === 0) return null;
    let start: number;
    if (expected.kind === 'revision') start = Number(expected.revision) + 1;
    else if (expected.kind === 'no_stream') start = 0;
    else if (expected.kind === 'any') start = stream.findIndex((event) => event.id === proposed[0].id);
    else return null;
    if (start < 0 || start >= stream.length) return null;
    const replayed = stream.slice(start, start + proposed.length);
    if (replayed.length !== proposed.length || replayed.some((event, n) => event.id !== proposed[n].id)) {
      return expected.kind === 'any' ? null : { ok: false, currentRevision: BigInt(stream.length) - 1n };
    }
    const last = replayed[replayed.length - 1];
    return { ok: true, currentRevision: last.revision, commitPosition: last.position };
  }
}
