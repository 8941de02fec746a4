import type { StoredRecordedEvent } from '@throughline/event-store';
import { MigrationError } from './migration-error';
import type { MigrationTarget } from './migration-target';
import type { SqliteSource } from './sqlite-source';

/** Where a migration stands: the source position of the last event the target already holds. */
export interface ResumePoint {
  /** 0n when the target holds none of the source's events. */
  readonly after: bigint;
  /** Source events at or before `after`. */
  readonly copied: number;
}

/**
 * Finds how far an earlier run got, in a number of reads that grows with the logarithm of the
 * source's size, never by reading the target through.
 *
 * A migration writes the source's events in global order, one stream's consecutive events per
 * atomic append, waiting for each append before the next. So whatever an interrupted run left in
 * the target is a prefix of the source's order: "the target holds this source event" (same stream,
 * revision and id) is true up to some event and false after it, and a binary search over source
 * positions finds that event. The search then checks that the target holds nothing else: its feed
 * must begin with the source's first event and end with the event found; otherwise the target
 * already held events of its own and the migration refuses, naming one of them.
 */
export async function findResumePoint(source: SqliteSource, target: MigrationTarget): Promise<ResumePoint> {
  const targetHead = await target.headPosition();
  if (targetHead === null) return { after: 0n, copied: 0 };

  const sourceHead = await source.store.headPosition();
  // Invariant: the last source event the target holds lies in [lo, hi); lo is 0n (none) or such an event's position.
  let lo = 0n;
  let hi = (sourceHead ?? 0n) + 1n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    const event = await source.eventAtOrAfter(mid);
    if (event !== null && event.position < hi && (await holds(target, event))) lo = event.position;
    else hi = mid;
  }

  const [firstInTarget] = await target.readAllStored({ maxCount: 1 });
  const [firstInSource] = await source.store.readAllStored({ maxCount: 1 });
  if (lo === 0n || firstInTarget.id !== firstInSource?.id) throw foreign(firstInTarget);

  const last = (await source.eventAtOrAfter(lo)) as StoredRecordedEvent;
  const [copy] = await target.readStreamStored(last.streamId, { fromRevision: last.revision, maxCount: 1 });
  if (copy.position !== targetHead) {
    const [after] = await target.readAllStored({ after: copy.position, maxCount: 1 });
    throw foreign(after);
  }
  return { after: lo, copied: source.eventsUpTo(lo) };
}

/** Whether the target holds this source event; a different event at its revision is a conflict. */
async function holds(target: MigrationTarget, event: StoredRecordedEvent): Promise<boolean> {
  const [there] = await target.readStreamStored(event.streamId, { fromRevision: event.revision, maxCount: 1 });
  if (there === undefined || there.revision !== event.revision) return false;
  if (there.id !== event.id) {
    throw new MigrationError(
      `the target already holds a different event in stream ${event.streamId} at revision ${event.revision} ` +
        `(event ${there.id}, where the source has ${event.id}): it was not written by a migration of this source. ` +
        'Migrate into an empty EventStoreDB; this run wrote nothing.',
    );
  }
  return true;
}

function foreign(event: StoredRecordedEvent): MigrationError {
  return new MigrationError(
    `the target already holds events this source did not write, e.g. stream ${event.streamId} at revision ${event.revision} ` +
      `(event ${event.id}). Migrate into an empty EventStoreDB; this run wrote nothing.`,
  );
}
