import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import { StoreUnavailableError } from '../errors';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import { readAllMessages, type StreamNameFilter } from './eventstoredb-all-reads';
import { toStoreError } from './eventstoredb-connection';

/** Log positions are signed 64-bit on the server; anything above is not one (2^64 - 1 means "the end"). */
const MAX_LOG_POSITION = 0x7fff_ffff_ffff_ffffn;

export interface AllSubscriptionOptions {
  /** Everything stored when the subscription started has been delivered; live events follow. */
  readonly onCaughtUp?: () => void;
  /**
   * The server looked at $all up to this position, past events the filter left out. Storing it as
   * the checkpoint is safe: a subscription resumed after it misses nothing of the service's streams.
   * Only positions of events $all holds are reported (see EventStoreDbSubscription).
   */
  readonly onCheckpoint?: (position: GlobalPosition) => void | Promise<void>;
}

export interface EventStoreDbSubscriptionParams extends AllSubscriptionOptions {
  readonly client: EventStoreDBClient;
  readonly target: string;
  readonly filter: StreamNameFilter;
  readonly after: GlobalPosition | null;
  /** Position of the last event in $all, system events included; null when it is empty. */
  readonly endOfAll: () => Promise<GlobalPosition | null>;
  /** How long the server may take to confirm the subscription. */
  readonly confirmWithinMs: number;
  readonly decode: (resolved: AllStreamResolvedEvent) => RecordedEvent;
  readonly onEvent: (event: RecordedEvent) => void | Promise<void>;
  readonly onError: (error: Error) => void;
  readonly onClosed: (subscription: EventStoreDbSubscription) => void;
}

/**
 * A catch-up subscription to the service's events in $all (server-side filter), for a projector on
 * any instance. Events arrive in $all order; the next one waits until `onEvent` has settled, and a
 * checkpoint is reported only after every event before it. It ends with exactly one `onError` when
 * the server is unavailable, drops it, or a handler throws; the owner then subscribes again after
 * the last position it stored, so nothing is skipped and nothing applied twice.
 *
 * Positions the server would misread. A subscription "after" a position skips every event up to
 * it, and the server reads ulong.MaxValue as "from the end" — yet it sends exactly that as a
 * checkpoint when a subscription from the start matched nothing before the end (the start, -1,
 * sent unsigned). So a checkpoint is reported only when it is the position of an event $all
 * holds (at most its last event, read when a checkpoint goes past what is known), and a
 * subscription after a position beyond the end of $all is refused instead of silently skipping
 * whatever is written up to there. The server falling behind and catching up again (FellBehind,
 * then CaughtUp once more) needs nothing: it resends nothing already delivered.
 */
export class EventStoreDbSubscription {
  /** Resolves when the server confirmed the subscription; rejects when it ended before that. */
  readonly started: Promise<void>;
  private readonly controller = new AbortController();
  private readonly finished: Promise<void>;
  private lastPosition: GlobalPosition | null;
  /** The highest position known to hold an event of $all. */
  private knownEnd = -1n;
  private closing = false;
  private failed = false;
  private confirm!: () => void;
  private refuse!: (error: Error) => void;

  constructor(private readonly params: EventStoreDbSubscriptionParams) {
    this.lastPosition = params.after;
    this.started = new Promise<void>((resolve, reject) => {
      this.confirm = resolve;
      this.refuse = reject;
    });
    this.started.catch(() => undefined); // reported through onError as well
    this.finished = this.run();
  }

  /** Position of the last event delivered or checkpoint reported; `after` before any. */
  get position(): GlobalPosition | null {
    return this.lastPosition;
  }

  /** Stops the subscription; resolves once no handler runs any more. Safe to call twice. */
  async close(): Promise<void> {
    this.closing = true;
    this.controller.abort();
    await this.finished;
  }

  private async run(): Promise<void> {
    const { client, target, filter, after, confirmWithinMs } = this.params;
    const timer = setTimeout(() => {
      this.fail(new StoreUnavailableError(`EventStoreDB at ${target} did not confirm the $all subscription within ${confirmWithinMs} ms`));
    }, confirmWithinMs);
    try {
      if (after !== null) await this.assertWithinAll(after);
      const messages = readAllMessages(
        client,
        { from: after ?? 'start', subscription: true, filter, checkpointInterval: 1 },
        this.controller.signal,
      );
      for await (const message of messages) {
        if (this.closing || this.failed) break;
        if (message.kind === 'confirmation') {
          clearTimeout(timer);
          this.confirm();
        } else if (message.kind === 'event') {
          const event = this.params.decode(message.resolved);
          await this.params.onEvent(event);
          this.lastPosition = event.position;
          if (event.position > this.knownEnd) this.knownEnd = event.position;
        } else if (message.kind === 'checkpoint') {
          if (this.lastPosition !== null && message.position <= this.lastPosition) continue;
          if (!(await this.isEventPosition(message.position))) continue;
          this.lastPosition = message.position;
          await this.params.onCheckpoint?.(message.position);
        } else if (message.kind === 'caughtUp') {
          this.params.onCaughtUp?.();
        }
      }
      // The server never ends a subscription by itself: an end we did not ask for is a drop.
      if (!this.closing && !this.failed) {
        throw new StoreUnavailableError(`EventStoreDB at ${target} ended the $all subscription`);
      }
    } catch (error) {
      if (!this.closing) this.fail(toStoreError(error, target, 'subscription to $all') as Error);
    } finally {
      clearTimeout(timer);
      this.params.onClosed(this);
    }
  }

  /** Whether $all holds an event at or after `position` (so it is not a position past its end). */
  private async isEventPosition(position: GlobalPosition): Promise<boolean> {
    if (position > MAX_LOG_POSITION) return false;
    if (position <= this.knownEnd) return true;
    this.knownEnd = (await this.params.endOfAll()) ?? -1n;
    return position <= this.knownEnd;
  }

  private async assertWithinAll(after: GlobalPosition): Promise<void> {
    if (await this.isEventPosition(after)) return;
    throw new Error(
      `cannot subscribe to $all after position ${after}: it is beyond the end of $all on EventStoreDB at ${this.params.target} ` +
        '(were the read models kept for another server, or was the store restored from an older backup?)',
    );
  }

  private fail(error: Error): void {
    if (this.failed || this.closing) return;
    this.failed = true;
    this.controller.abort();
    this.refuse(error);
    this.params.onError(error);
  }
}
