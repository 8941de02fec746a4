import type { EventStore, GlobalPosition, RecordedEvent } from '@throughline/event-store';
import type { Projection } from './projection';
import { ProjectionFailedError, ProjectorStoppedError, ProjectorTimeoutError } from './projector-errors';
import type { ReadModelDb } from './read-model-db';

export interface ProjectorProgress {
  /** The checkpoint just committed. */
  readonly position: GlobalPosition;
  /** Events applied since the current catch-up (or rebuild) began. */
  readonly applied: number;
}

export interface ProjectorOptions {
  /** Events read and committed per transaction. Default 1000. */
  readonly batchSize?: number;
  /** Called after every committed batch. */
  readonly onProgress?: (progress: ProjectorProgress) => void;
  /**
   * Every failed catch-up is reported here, including those started by appends, which have no
   * caller to reject. Default: console.error.
   */
  readonly onError?: (error: Error) => void;
  /** Row of the checkpoint table this projector owns. Default 'projector'. */
  readonly name?: string;
}

export interface WaitOptions {
  /** Reject with ProjectorTimeoutError after this long. Default: wait as long as it takes. */
  readonly timeoutMs?: number;
}

interface Waiter {
  readonly position: GlobalPosition;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Feeds the global feed to the projections in order. Each batch is applied to every projection and
 * its checkpoint written in one transaction, so after a crash the read models resume exactly where
 * they committed. One catch-up runs at a time; requests arriving meanwhile are folded into one more
 * pass after it.
 */
export class Projector {
  /** True when opening found a different schema fingerprint and dropped the read models. */
  readonly schemaReset: boolean;

  private readonly batchSize: number;
  private readonly name: string;
  private readonly onError: (error: Error) => void;
  private checkpoint: GlobalPosition | null;
  private running: Promise<void> | null = null;
  private again = false;
  private resetRequested = false;
  private stopped = false;
  private failure: ProjectionFailedError | null = null;
  private unsubscribe: (() => void) | null = null;
  private waiters: Waiter[] = [];
  private applied = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error(`batchSize must be a positive integer, got ${this.batchSize}`);
    }
    this.name = options.name ?? 'projector';
    this.onError = options.onError ?? ((error) => console.error(error));
    this.schemaReset = db.ensureSchema(projections);
    this.checkpoint = db.readCheckpoint(this.name);
  }

  /** Position of the last event applied to the read models, or null before the first. */
  get position(): GlobalPosition | null {
    return this.checkpoint;
  }

  /** Catches up, then follows appends until stop() or a projection failure. */
  async start(): Promise<void> {
    this.stopped = false;
    this.failure = null;
    // Subscribe first, so nothing appended between the catch-up and the subscription is missed.
    this.unsubscribe ??= this.store.onAppended((position) => {
      if (this.checkpoint !== null && position <= this.checkpoint) return;
      this.catchUp().catch(() => undefined); // reported through onError and the waiters
    });
    await this.catchUp();
    const head = await this.store.headPosition();
    if (this.checkpoint !== null && (head === null || this.checkpoint > head)) {
      const error = new Error(
        `read models are at position ${this.checkpoint} but the event store ends at ${head ?? 'nothing'}: ` +
          'they were built from another store; rebuild them',
      );
      this.onError(error);
      throw error;
    }
  }

  /** Applies everything after the checkpoint; resolves when a read returns nothing new. */
  catchUp(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.stopped) return Promise.reject(new ProjectorStoppedError());
    this.again = true;
    return (this.running ??= this.drain());
  }

  /**
   * Resolves once the read models include `position` (e.g. the position an append returned), so a
   * mutation can return only when queries see its effect.
   */
  waitFor(position: GlobalPosition, options: WaitOptions = {}): Promise<void> {
    if (this.checkpoint !== null && this.checkpoint >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    if (this.stopped) return Promise.reject(new ProjectorStoppedError());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { position, resolve, reject };
      if (options.timeoutMs !== undefined) {
        const { timeoutMs } = options;
        waiter.timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new ProjectorTimeoutError(position, this.checkpoint, timeoutMs));
        }, timeoutMs);
      }
      this.waiters.push(waiter);
      this.catchUp().catch(() => undefined); // a failure rejects this waiter
    });
  }

  /** True when every stored event has been applied. */
  async isCaughtUp(): Promise<boolean> {
    return (await this.store.headPosition()) === this.checkpoint;
  }

  /**
   * Drops every projection table and the checkpoint, recreates the schema and replays the whole
   * feed. Runs after any catch-up in progress, never alongside it.
   */
  rebuild(): Promise<void> {
    if (this.stopped) return Promise.reject(new ProjectorStoppedError());
    this.failure = null;
    this.resetRequested = true;
    return this.catchUp();
  }

  /** Stops following appends, rejects pending waits, and resolves once no batch is in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.settle(new ProjectorStoppedError());
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    // Let catchUp() store this promise before the loop can end and clear it.
    await Promise.resolve();
    this.applied = 0;
    try {
      while (this.again && !this.stopped) {
        this.again = false;
        await this.pass();
      }
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (error instanceof ProjectionFailedError) {
        // Skipping the event would leave the read models silently wrong: stop until an operator
        // restarts (start) or rebuilds.
        this.failure = error;
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
      this.onError(error);
      this.settle(error);
      throw error;
    } finally {
      this.running = null;
    }
  }

  private async pass(): Promise<void> {
    if (this.resetRequested) {
      this.resetRequested = false;
      this.db.reset(this.projections);
      this.checkpoint = null;
      this.applied = 0;
    }
    for (;;) {
      const after = this.checkpoint;
      const events = await this.store.readAll(
        after === null ? { maxCount: this.batchSize } : { after, maxCount: this.batchSize },
      );
      // stop() may have been followed by closing the database while the read was in flight.
      if (this.stopped || events.length === 0) return;
      this.applyBatch(events);
      this.applied += events.length;
      this.settle();
      this.options.onProgress?.({ position: this.checkpoint as GlobalPosition, applied: this.applied });
    }
  }

  private applyBatch(events: readonly RecordedEvent[]): void {
    const connection = this.db.connection;
    const last = events[events.length - 1].position;
    try {
      this.db.transaction(() => {
        for (const event of events) {
          for (const projection of this.projections) {
            try {
              projection.apply(event, connection);
            } catch (cause) {
              throw new ProjectionFailedError(projection.name, event, cause);
            }
          }
        }
        for (const projection of this.projections) projection.flush?.(connection);
        this.db.writeCheckpoint(this.name, last);
      });
    } finally {
      for (const projection of this.projections) projection.endBatch?.();
    }
    this.checkpoint = last;
  }

  /** Resolves the waiters the checkpoint has reached, or rejects them all with `error`. */
  private settle(error?: Error): void {
    const pending: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (error) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      } else if (this.checkpoint !== null && this.checkpoint >= waiter.position) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else {
        pending.push(waiter);
      }
    }
    this.waiters = pending;
  }
}
