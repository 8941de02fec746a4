import type { EventStore } from '@throughline/event-store';
import type { Feed, FeedTarget } from './feed';
import { ProjectionFailedError } from './projector-errors';

export interface PollingFeedOptions {
  /** Most events read and applied per batch. */
  readonly batchSize: number;
  /**
   * How often to read while following even though no append was announced: the store announces
   * only this process's appends, so this bounds how late another process's append is seen.
   */
  readonly pollIntervalMs: number;
}

/**
 * Follows a store by reading its feed from the target's position: whenever the store announces an
 * append in this process (the embedded stores, where the service's own appends all pass through
 * it) and, as a fallback, every pollIntervalMs. One catch-up runs at a time; requests arriving
 * meanwhile are folded into one more pass after it.
 */
export class PollingFeed implements Feed {
  /** Reading never fails for want of a connection: a failed read is reported to the waiters at once. */
  readonly unavailable = null;
  /** The catch-up in flight, which every caller meanwhile shares. */
  private running: Promise<void> | null = null;
  /** A catch-up was asked for during the pass in flight: run one more. */
  private again = false;
  private stopped = false;
  /** Ends the append listener and the fallback poll; null while not following. */
  private unfollow: (() => void) | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly target: FeedTarget,
    private readonly options: PollingFeedOptions,
  ) {}

  follow(): Promise<void> {
    this.stopped = false;
    if (!this.unfollow) {
      // Listen first, so nothing appended between the catch-up and the listener is missed.
      const unlisten = this.store.onAppended((position) => {
        const at = this.target.position();
        if (at === null || position > at) this.wake();
      });
      const poll = setInterval(() => this.wake(), this.options.pollIntervalMs);
      // The poll is a fallback: it must not keep a process alive that has nothing else to do.
      poll.unref();
      this.unfollow = () => {
        unlisten();
        clearInterval(poll);
      };
    }
    this.wake();
    return Promise.resolve();
  }

  /** Applies everything after the target's position; resolves when a read returns nothing new. */
  catchUp(): Promise<void> {
    this.again = true;
    return (this.running ??= this.drain());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopFollowing();
    await this.running?.catch(() => undefined);
  }

  /** A catch-up nobody awaits: its failure reaches the target's waiters and log. */
  private wake(): void {
    this.catchUp().catch(() => undefined);
  }

  private stopFollowing(): void {
    this.unfollow?.();
    this.unfollow = null;
  }

  private async drain(): Promise<void> {
    // Let catchUp() store this promise before the loop can end and clear it.
    await Promise.resolve();
    try {
      while (this.again && !this.stopped) {
        this.again = false;
        await this.pass();
      }
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      // Skipping the event would leave the read models silently wrong: stop until followed again.
      if (error instanceof ProjectionFailedError) this.stopFollowing();
      this.target.fail(error);
      throw error;
    } finally {
      this.running = null;
    }
  }

  private async pass(): Promise<void> {
    const maxCount = this.options.batchSize;
    for (;;) {
      const after = this.target.position();
      const events = await this.store.readAll(after === null ? { maxCount } : { after, maxCount });
      // stop() may have been followed by closing the database while the read was in flight.
      if (this.stopped) return;
      // The read models were reset (rebuilt) meanwhile: what was read does not follow them.
      if (this.target.position() !== after) continue;
      if (events.length === 0) return;
      this.target.apply(events);
    }
  }
}
