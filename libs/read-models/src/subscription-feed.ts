import { StoreUnavailableError, type EventStore, type GlobalPosition, type RecordedEvent } from '@throughline/event-store';
import type { Feed, FeedTarget } from './feed';
import { ProjectionFailedError } from './projector-errors';

/** A subscription as a store hands it out. */
export interface FeedSubscription {
  /** Resolves once the store confirmed the subscription; rejects when it ended before that. */
  readonly started: Promise<void>;
  close(): Promise<void>;
}

/**
 * A store that pushes its global feed to a subscriber on any instance (EventStoreDB's catch-up
 * subscription to $all), where onAppended only reports this process's own appends. Events arrive
 * in feed order, each after the previous handler settled; a subscription ends with one onError
 * when it drops.
 */
export interface SubscribableStore {
  subscribeToAll(
    after: GlobalPosition | null,
    onEvent: (event: RecordedEvent) => void | Promise<void>,
    onError: (error: Error) => void,
    options?: { readonly onCaughtUp?: () => void },
  ): FeedSubscription;
}

/** Whether the store can feed read models on every instance by subscription. */
export const canSubscribe = (store: EventStore): store is EventStore & SubscribableStore =>
  typeof (store as Partial<SubscribableStore>).subscribeToAll === 'function';

/** Waits between attempts to subscribe again: doubling from `initialMs`, never above `maxMs`. */
export interface RetryBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialMs: 200, maxMs: 5_000 };

/**
 * Follows a store through its subscription, so each instance sees every instance's appends.
 * Events are gathered while they arrive back to back and applied together, at most `batchSize` at
 * a time. A dropped subscription is replaced by one from the committed checkpoint after a capped
 * exponential backoff, so nothing is skipped and nothing is applied twice; events received and not
 * yet applied are simply delivered again. While it is down the feed reports itself `unavailable`,
 * rather than letting callers wait for a feed that cannot deliver.
 */
export class SubscriptionFeed implements Feed {
  /** The subscription being opened or held, shared by every follow() meanwhile; null when closed. */
  private opening: Promise<void> | null = null;
  private subscription: FeedSubscription | null = null;
  /** Bumped whenever a subscription is replaced: handlers of an older one do nothing. */
  private generation = 0;
  private pending: RecordedEvent[] = [];
  private flushTimer: NodeJS.Immediate | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  /** Why the subscription is down, until the store confirms a new one. */
  private down: StoreUnavailableError | null = null;

  constructor(
    private readonly store: EventStore & SubscribableStore,
    private readonly target: FeedTarget,
    private readonly batchSize: number,
    private readonly backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF,
  ) {}

  get unavailable(): StoreUnavailableError | null {
    return this.down;
  }

  follow(): Promise<void> {
    this.opening ??= this.open().catch((caught: unknown) => {
      // Closed, not retrying: the next wait or catch-up tries to open it again.
      this.opening = null;
      const error = caught instanceof Error ? caught : new Error(String(caught));
      this.target.fail(error);
      throw error;
    });
    return this.opening;
  }

  /** Once subscribed, waits until the read models hold what the store held when asked. */
  async catchUp(): Promise<void> {
    await this.follow();
    const head = await this.store.headPosition();
    if (head !== null) await this.target.reached(head);
  }

  /** Ends the subscription and any retry; resolves once no handler runs. Safe to call twice. */
  async stop(): Promise<void> {
    this.opening = null;
    this.running = false;
    this.generation += 1;
    this.clearTimers();
    this.pending = [];
    this.down = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
  }

  /** Subscribes after the target's position; rejects, and stays closed, when the store does not confirm. */
  private async open(): Promise<void> {
    this.running = true;
    try {
      await this.subscribe().started;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private subscribe(): FeedSubscription {
    const generation = ++this.generation;
    const live = () => this.running && generation === this.generation;
    this.pending = [];
    void this.subscription?.close();
    const subscription = this.store.subscribeToAll(
      this.target.position(),
      (event) => {
        if (live()) this.receive(event);
      },
      (error) => {
        if (live()) this.drop(error);
      },
      {
        onCaughtUp: () => {
          if (live()) this.flush();
        },
      },
    );
    this.subscription = subscription;
    subscription.started.then(
      () => {
        if (!live()) return;
        this.failures = 0;
        this.down = null;
      },
      () => undefined, // reported through onError as well
    );
    return subscription;
  }

  private receive(event: RecordedEvent): void {
    const last = this.pending.length > 0 ? this.pending[this.pending.length - 1].position : this.target.position();
    // A subscription delivers each event once and in order; this keeps a repeat from being applied.
    if (last !== null && event.position <= last) return;
    this.pending.push(event);
    if (this.pending.length >= this.batchSize) this.flush();
    else this.flushTimer ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.length === 0 || !this.running) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.target.apply(batch);
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (error instanceof ProjectionFailedError) {
        // Skipping the event would leave the read models silently wrong: stop until followed again.
        void this.stop();
        this.target.fail(error);
        return;
      }
      // Anything else (the read-model database was busy...): subscribe again from the checkpoint.
      this.drop(error);
    }
  }

  private drop(error: Error): void {
    // What arrived before the drop is complete and in order up to its last event: keep it.
    this.flush();
    if (!this.running || this.retryTimer) return;
    this.generation += 1;
    this.pending = [];
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.close();
    const retryInMs = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.failures);
    this.failures += 1;
    this.down =
      error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError(`the read models cannot follow the event store: ${error.message}`, { cause: error });
    this.target.fail(
      this.down,
      new Error(`the read models' subscription dropped (${error.message}); subscribing again in ${retryInMs} ms`, { cause: error }),
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.subscribe();
    }, retryInMs);
  }

  private clearTimers(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.flushTimer = null;
    this.retryTimer = null;
  }
}
