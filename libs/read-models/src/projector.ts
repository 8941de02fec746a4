import type { EventStore, GlobalPosition, RecordedEvent } from '@throughline/event-store';
import type { Feed, FeedTarget } from './feed';
import { PollingFeed } from './polling-feed';
import { PositionWaiters } from './position-waiters';
import type { Projection } from './projection';
import { ProjectionFailedError, ProjectorStoppedError } from './projector-errors';
import type { ReadModelDb, SchemaOutcome } from './read-model-db';
import { canSubscribe, type RetryBackoff, SubscriptionFeed } from './subscription-feed';

export interface ProjectorProgress {
  /** The checkpoint just committed. */
  readonly position: GlobalPosition;
  /** Events applied since the projector was created, last started or last rebuilt. */
  readonly applied: number;
}

export interface ProjectorOptions {
  /**
   * Most events read and committed per transaction. Default 10,000: each commit has a fixed cost,
   * so a rebuild of 125,000 events ran at 7,900 events/s with 1,000 and 14,300 with 10,000.
   */
  readonly batchSize?: number;
  /**
   * Most events per transaction while a rebuild loads the read models. Default: batchSize. Larger
   * batches commit less often but hold more events in memory at once.
   */
  readonly rebuildBatchSize?: number;
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
  /**
   * With a store that is polled: how often to read while following although no append in this
   * process was announced (another process wrote to the same store). Default 1,000 ms.
   */
  readonly pollIntervalMs?: number;
}

/**
 * Told of every batch right after it is committed, in order and in the same turn of the event
 * loop: the read models already hold the batch and nothing later, so a listener that reads them
 * there sees exactly what the events did.
 */
export type AppliedListener = (events: readonly RecordedEvent[]) => void;

export interface WaitOptions {
  /** Reject with ProjectorTimeoutError after this long. Default: wait as long as it takes. */
  readonly timeoutMs?: number;
}

/**
 * Applies the store's global feed to the projections in order. Each batch is applied to every
 * projection and its checkpoint written in one transaction, so after a crash the read models
 * resume exactly where they committed.
 *
 * How the feed arrives is the Feed's business, chosen by what the store can do: a store that
 * pushes its feed to every instance (subscribeToAll, EventStoreDB) is followed by subscription, so
 * each instance sees the others' appends; the embedded stores are polled when they announce an
 * append. The projector keeps the checkpoint, writes the batches, and answers the callers waiting
 * for a position.
 */
export class Projector {
  /** What opening found: read models that fit, none yet (a first start), or others that were dropped. */
  readonly schema: SchemaOutcome;

  private readonly name: string;
  private readonly feed: Feed;
  private readonly waiters: PositionWaiters;
  /** The feed's own waits, which a rebuild releases batch by batch (it waits for them itself). */
  private readonly feedWaiters: PositionWaiters;
  private checkpoint: GlobalPosition | null;
  /** Why the projector follows nothing: stopped, or a projection failed. Null while it may follow. */
  private halted: ProjectorStoppedError | ProjectionFailedError | null = null;
  private applied = 0;
  /** A rebuild is loading the read models: projections hold rows, waiters wait for its end. */
  private bulk = false;
  /** A rebuild failed part way: the read models must be rebuilt before they are followed. */
  private incomplete = false;
  private readonly listeners = new Set<AppliedListener>();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    const batchSize = positiveInteger(options.batchSize ?? 10_000, 'batchSize');
    const rebuildBatchSize = positiveInteger(options.rebuildBatchSize ?? batchSize, 'rebuildBatchSize');
    const pollIntervalMs = positiveInteger(options.pollIntervalMs ?? 1_000, 'pollIntervalMs');
    this.name = options.name ?? 'projector';
    this.schema = db.ensureSchema(projections);
    this.checkpoint = db.readCheckpoint(this.name);
    this.waiters = new PositionWaiters(() => this.checkpoint);
    this.feedWaiters = new PositionWaiters(() => this.checkpoint);
    const inBulk = () => this.bulk;
    const target: FeedTarget = {
      position: () => this.checkpoint,
      apply: (events) => this.applyBatch(events),
      fail: (error, report) => this.fail(error, report),
      reached: (position) => this.settledWait(position, true) ?? this.feedWaiters.add(position),
    };
    this.feed = canSubscribe(store)
      ? new SubscriptionFeed(store, target, batchSize, options.resubscribeBackoff)
      : new PollingFeed(store, target, {
          get batchSize() {
            return inBulk() ? rebuildBatchSize : batchSize;
          },
          pollIntervalMs,
        });
  }

  /** Position of the last event applied to the read models, or null before the first. */
  get position(): GlobalPosition | null {
    return this.checkpoint;
  }

  /** Catches up, then follows the store until stop() or a projection failure. */
  async start(): Promise<void> {
    if (this.incomplete) {
      this.incomplete = false;
      await this.rebuild();
    }
    this.halted = null;
    this.applied = 0;
    await this.feed.follow();
    await this.feed.catchUp();
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

  /** Resolves once the read models hold what the store held when asked. */
  catchUp(): Promise<void> {
    if (this.halted) return Promise.reject(this.halted);
    return this.feed.catchUp();
  }

  /**
   * Resolves once the read models include `position` (e.g. the position an append returned), so a
   * mutation can return only when queries see its effect. Follows the store if it did not yet.
   */
  waitFor(position: GlobalPosition, options: WaitOptions = {}): Promise<void> {
    const settled = this.settledWait(position);
    if (settled) return settled;
    const waiting = this.waiters.add(position, options.timeoutMs);
    this.feed.follow().catch(() => undefined); // a failure rejects the waiter
    return waiting;
  }

  /** True when every stored event has been applied; rejects while the store or the subscription is down. */
  async isCaughtUp(): Promise<boolean> {
    if (this.feed.unavailable) throw this.feed.unavailable;
    return (await this.store.headPosition()) === this.checkpoint;
  }

  /**
   * Drops every projection table and the checkpoint, recreates the schema and replays the whole
   * feed, then follows the store. No batch is applied alongside the reset.
   *
   * The replay is a bulk load: projections may hold rows in memory across batches (written once,
   * at the end, instead of once per batch they change in) and the query indexes are created after
   * the last row. Until then the read models are marked as being rebuilt (a crash leaves them to be
   * rebuilt again, never resumed half-built), callers waiting for a position wait for the end, and
   * onApplied listeners are told of each batch as it commits, when the audit log holds it.
   */
  async rebuild(): Promise<void> {
    if (this.halted instanceof ProjectorStoppedError) throw this.halted;
    this.halted = null;
    // The feed delivers nothing from here on: reset before anything could follow it again.
    const stopping = this.feed.stop();
    this.db.reset(this.projections, [], { bulk: true });
    for (const projection of this.projections) projection.beginBulk?.();
    this.bulk = true;
    this.checkpoint = null;
    this.applied = 0;
    try {
      await stopping;
      await this.feed.follow();
      await this.feed.catchUp();
      // Stopped part way: what was loaded is not the whole feed, so it must not be marked whole.
      if (this.halted) throw this.halted;
      this.finishBulk();
    } catch (error) {
      if (this.bulk) this.abandonBulk();
      throw error;
    }
  }

  /** Writes what the projections held and creates the deferred indexes in one transaction, then marks the read models whole. */
  private finishBulk(): void {
    try {
      this.db.transaction(() => {
        for (const projection of this.projections) {
          try {
            projection.finishBulk?.(this.db.connection);
          } catch (cause) {
            throw new Error(`projection ${projection.name} failed to write what it held at the end of a rebuild`, { cause });
          }
        }
        this.db.createQueryIndexes(this.projections);
      });
    } catch (error) {
      this.abandonBulk();
      throw error;
    }
    // Still bulk while it runs: should marking them whole fail, the rebuild is abandoned like any other failure.
    this.db.endBulk(this.projections);
    this.bulk = false;
    if (this.checkpoint !== null) this.waiters.release(this.checkpoint);
  }

  private abandonBulk(): void {
    this.bulk = false;
    for (const projection of this.projections) projection.abandonBulk?.();
    this.db.endBulk();
    // Not whole: the next start or rebuild drops them (the stored fingerprint says so).
    this.incomplete = true;
  }

  /** Stops following the store, rejects pending waits, and resolves once no batch is in flight. */
  async stop(): Promise<void> {
    this.halted = new ProjectorStoppedError();
    const stopping = this.feed.stop();
    this.waiters.rejectAll(this.halted);
    this.feedWaiters.rejectAll(this.halted);
    await stopping;
  }

  /**
   * Calls `listener` after every batch this projector commits, whoever wrote its events (this
   * instance, another on the same EventStoreDB, a rebuild replaying old ones); returns the way to
   * stop. A listener that throws is reported to onError and the projector carries on.
   */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A wait that needs no waiter: already reached, or refused. */
  private settledWait(position: GlobalPosition, forFeed = false): Promise<void> | null {
    if ((forFeed || !this.bulk) && this.checkpoint !== null && this.checkpoint >= position) return Promise.resolve();
    const refusal = this.halted ?? this.feed.unavailable;
    return refusal ? Promise.reject(refusal) : null;
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
    this.applied += events.length;
    this.feedWaiters.release(last);
    if (!this.bulk) this.waiters.release(last);
    this.options.onProgress?.({ position: last, applied: this.applied });
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.onError(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private fail(error: Error, report: Error = error): void {
    // A failed projection stops the projector until start or rebuild; anything else may pass.
    if (error instanceof ProjectionFailedError) this.halted = error;
    this.onError(report);
    this.waiters.rejectAll(error);
    this.feedWaiters.rejectAll(error);
  }

  private onError(error: Error): void {
    (this.options.onError ?? ((e: Error) => console.error(e)))(error);
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}
