import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Whole-store work (an integrity check reads every event) runs in batches. Yielding between
 * batches is not enough on its own: fifty checks started by one request would each run a batch
 * per turn of the event loop, and a health probe would wait behind all fifty. Here every batch of
 * every such job in the process takes a turn from one queue: at most one batch runs per turn,
 * so anything else waits at most one batch, however many jobs are running.
 */
export class WorkTurns {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `batch` when every batch queued before it has run, then lets the event loop turn. */
  take<T>(batch: () => Promise<T>): Promise<T> {
    const result = this.tail.then(batch);
    // The next batch starts on a later turn, after timers and I/O callbacks that are due.
    this.tail = result.then(
      () => nextTurn(),
      () => nextTurn(),
    );
    return result;
  }
}

/** The queue every whole-store job of this process shares unless it is given its own. */
export const WHOLE_STORE_TURNS = new WorkTurns();
