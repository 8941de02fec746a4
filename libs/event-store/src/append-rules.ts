import { WrongExpectedRevisionError } from './errors';
import type {
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
} from './event-store.port';

/** Checks shared by every adapter before an append is queued or sent. */
export function assertAppendable(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError('streamId must be a non-empty string');
  }
  // A command record needs the revisions it produced; an empty append has none.
  if (events.length === 0) throw new RangeError('an append needs at least one event');
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < -1)) {
    throw new RangeError(`expected revision ${expected} is not a revision`);
  }
  for (const event of events) {
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError('every event needs a type');
    }
    if (typeof event.metadata?.actor !== 'string' || typeof event.metadata.correlationId !== 'string') {
      throw new TypeError(`${event.type} needs metadata with an actor and a correlationId`);
    }
    const version = event.schemaVersion ?? 1;
    if (!Number.isInteger(version) || version < 1) {
      throw new RangeError(`schemaVersion ${version} of ${event.type} must be a positive integer`);
    }
  }
}

/**
 * Throws unless `expected` holds for a stream at `current` (-1: no stream).
 * A numeric -1 is read as 'no_stream', which is what a fold over an empty stream reports.
 */
export function checkExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  current: number,
): void {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === -1) ||
    (expected === 'stream_exists' && current !== -1) ||
    expected === current;
  if (!holds) throw new WrongExpectedRevisionError(streamId, expected, current);
}

/**
 * The ISO-8601 UTC form stores compare recordedAt against (milliseconds, `Z`), so that a caller's
 * `2026-03-01T10:00:00+01:00` and the stored `2026-03-01T09:00:00.000Z` compare correctly.
 */
export function normaliseInstant(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw new RangeError(`${instant} is not an ISO-8601 instant`);
  return new Date(time).toISOString();
}

export interface ResolvedReadStream {
  readonly fromRevision: number;
  readonly recordedAtOrBefore: string | undefined;
  readonly maxCount: number | undefined;
}

export function resolveReadStream(options: ReadStreamOptions = {}): ResolvedReadStream {
  const fromRevision = options.fromRevision ?? 0;
  if (!Number.isInteger(fromRevision) || fromRevision < 0) {
    throw new RangeError(`fromRevision ${fromRevision} is not a revision`);
  }
  if (options.maxCount !== undefined) assertCount(options.maxCount);
  return {
    fromRevision,
    recordedAtOrBefore:
      options.recordedAtOrBefore === undefined ? undefined : normaliseInstant(options.recordedAtOrBefore),
    maxCount: options.maxCount,
  };
}

export const DEFAULT_READ_ALL_BATCH = 1000;

export function resolveReadAll(options: ReadAllOptions = {}): { after: bigint; maxCount: number } {
  const maxCount = options.maxCount ?? DEFAULT_READ_ALL_BATCH;
  assertCount(maxCount);
  return { after: options.after ?? 0n, maxCount };
}

function assertCount(maxCount: number): void {
  if (!Number.isInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount ${maxCount} must be a non-negative integer`);
  }
}
