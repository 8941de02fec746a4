import { StoreUnavailableError, type EventStore, type GlobalPosition, type RecordedEvent } from '@throughline/event-store';
import type { Projection } from './projection';
import { ProjectionFailedError, ProjectorStoppedError, ProjectorTimeoutError } from './projector-errors';
import type { ReadModelDb } from './read-model-db';
import { canSubscribe, type RetryBackoff, SubscriptionFeed } from './subscription-feed';

export interface ProjectorProgress {
  /** The checkpoint just committed. */
  readonly position: GlobalPosition;
  /** Events applied since the current catch-up (or rebuild) began. */
  readonly applied: number;
}

export interface ProjectorOptions {
  /**
   * Most events read and committed per transaction. Default 10,000: each commit has a fixed cost,
   * so a rebuild of 125,000 events ran at 7,900 events/s with 1,000 and 14,300 with 10,000.
   */
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
  /** With a store that feeds by subscription: the waits before subscribing again after a drop. */
  readonly resubscribeBackoff?: RetryBackoff;
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
 * they committed.
 *
 * Two ways to follow the store, chosen by what it can do:
 * - poll: readAll from the checkpoint whenever the store reports an append in this process (the
 *   embedded stores, where every append goes through this process). One catch-up runs at a time;
 *   requests arriving meanwhile are folded into one more pass after it.
 * - subscribe: a store that pushes its feed to every instance (subscribeToAll, EventStoreDB) feeds
 *   the read models from the checkpoint, so each instance follows the others' appends too. A
 *   dropped subscription is resumed from the checkpoint after a backoff; meanwhile waits fail with
 *   StoreUnavailableError and isCaughtUp rejects, rather than waiting for a feed that is down.
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
  /** Subscribe mode only. */
  private readonly feed: SubscriptionFeed | null;
  private following: Promise<void> | null = null;
  /** Why the subscription is down, until the store confirms a new one. */
  private feedDown: StoreUnavailableError | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 10_000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error(`batchSize must be a positive integer, got ${this.batchSize}`);
    }
    this.name = options.name ?? 'projector';
    this.onError = options.onError ?? ((error) => console.error(error));
    this.schemaReset = db.ensureSchema(projections);
    this.checkpoint = db.readCheckpoint(this.name);
    this.feed = canSubscribe(store)
      ? new SubscriptionFeed(
          store,
          {
            position: () => this.checkpoint,
            apply: (events) => this.applyFed(events),
            onUp: () => {
              this.feedDown = null;
            },
            onDown: (error, retryInMs) => this.feedLost(error, retryInMs),
          },
          this.batchSize,
          options.resubscribeBackoff,
        )
      : null;
  }

  /** Position of the last event applied to the read models, or null before the first. */
  get position(): GlobalPosition | null {
    return this.checkpoint;
  }

  /** Catches up, then follows appends until stop() or a projection failure. */
  async start(): Promise<void> {
    this.stopped = false;
    this.failure = null;
    if (!this.feed) {
      // Subscribe first, so nothing appended between the catch-up and the subscription is missed.
      this.unsubscribe ??= this.store.onAppended((position) => {
        if (this.checkpoint !== null && position <= this.checkpoint) return;
        this.catchUp().catch(() => undefined); // reported through onError and the waiters
      });
    }
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

  /**
   * Applies everything after the checkpoint; resolves when a read returns nothing new (subscribe
   * mode: once the read models hold what the store held when asked).
   */
  catchUp(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.stopped) return Promise.reject(new ProjectorStoppedError());
    if (this.feed) return this.reachHead();
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
    if (this.feedDown) return Promise.reject(this.feedDown);
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
      // A failure rejects this waiter.
      (this.feed ? this.follow() : this.catchUp()).catch(() => undefined);
    });
  }

  /** True when every stored event has been applied; rejects while the store or the subscription is down. */
  async isCaughtUp(): Promise<boolean> {
    if (this.feedDown) throw this.feedDown;
    return (await this.store.headPosition()) === this.checkpoint;
  }

  /**
   * Drops every projection table and the checkpoint, recreates the schema and replays the whole
   * feed. Runs after any catch-up in progress, never alongside it.
   */
  rebuild(): Promise<void> {
    if (this.stopped) return Promise.reject(new ProjectorStoppedError());
    this.failure = null;
    if (this.feed) return this.resubscribeFromStart(this.feed);
    this.resetRequested = true;
    return this.catchUp();
  }

  /** Stops following appends, rejects pending waits, and resolves once no batch is in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    const closing = this.feed?.close();
    this.following = null;
    this.feedDown = null;
    this.settle(new ProjectorStoppedError());
    await this.running?.catch(() => undefined);
    await closing;
  }

  /** Subscribe mode: opens the feed once; a failure to open is reported to the waiters and callers. */
  private follow(): Promise<void> {
    const feed = this.feed as SubscriptionFeed;
    this.following ??= (async () => {
      this.applied = 0;
      await feed.open();
    })().catch((caught: unknown) => {
      // Closed, not retrying: the next wait or catch-up tries to open it again.
      this.following = null;
      this.feedDown = null;
      const error = caught instanceof Error ? caught : new Error(String(caught));
      this.onError(error);
      this.settle(error);
      throw error;
    });
    return this.following;
  }

  private async reachHead(): Promise<void> {
    await this.follow();
    const head = await this.store.headPosition();
    if (head !== null) await this.waitFor(head);
  }

  private async resubscribeFromStart(feed: SubscriptionFeed): Promise<void> {
    // close() stops every handler at once: nothing more is applied before the reset.
    const closing = feed.close();
    this.following = null;
    this.db.reset(this.projections);
    this.checkpoint = null;
    await closing;
    await this.reachHead();
  }

  /** Subscribe mode: one batch from the feed; a projection failure stops the feed until start or rebuild. */
  private applyFed(events: readonly RecordedEvent[]): void {
    if (this.stopped || this.failure) return;
    try {
      this.applyBatch(events);
    } catch (error) {
      if (!(error instanceof ProjectionFailedError)) throw error; // the feed resubscribes from the checkpoint
      this.failure = error;
      this.following = null;
      void this.feed?.close();
      this.onError(error);
      this.settle(error);
      return;
    }
    this.applied += events.length;
    this.settle();
    this.options.onProgress?.({ position: this.checkpoint as GlobalPosition, applied: this.applied });
  }

  private feedLost(error: Error, retryInMs: number): void {
    this.feedDown =
      error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError(`the read models cannot follow the event store: ${error.message}`, { cause: error });
    this.onError(new Error(`the read models' subscription dropped (${error.message}); subscribing again in ${retryInMs} ms`, { cause: error }));
    this.settle(this.feedDown);
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
