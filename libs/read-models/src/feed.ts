import type { GlobalPosition, RecordedEvent } from '@throughline/event-store';

/**
 * What a feed delivers to: the read models, through the projector that owns their checkpoint and
 * the callers waiting for a position.
 */
export interface FeedTarget {
  /** Where the read models stand: a feed delivers the events strictly after it. */
  position(): GlobalPosition | null;
  /**
   * Applies one batch, in position order and directly after position(), and commits it with its
   * checkpoint in one transaction. Throws ProjectionFailedError when a projection refuses an
   * event: the feed then stops following, since skipping the event would leave the read models
   * silently wrong.
   */
  apply(events: readonly RecordedEvent[]): void;
  /**
   * The feed could not deliver: every waiter is rejected with `error`, and `report` (by default the
   * error itself) goes to the operator's log.
   */
  fail(error: Error, report?: Error): void;
  /**
   * Resolves once the read models include `position`; rejects when the feed fails first. Never
   * asks the feed for more, so a feed may wait on it while delivering.
   */
  reached(position: GlobalPosition): Promise<void>;
}

/**
 * Delivers a store's global feed to a target, in ordered batches after the target's position.
 * How it learns of new events is its own business: a polling feed reads when the store announces
 * an append (and on a fallback timer); a subscription feed holds a subscription the store pushes
 * every instance's appends through.
 */
export interface Feed {
  /**
   * Follows the store until stop(): delivers what is stored after the target's position, then
   * what comes later. Safe to call again while following. Rejects when following cannot start
   * (the target has heard why); a later call tries again.
   */
  follow(): Promise<void>;
  /** Resolves once every event the store held when called has been delivered to the target. */
  catchUp(): Promise<void>;
  /** Why the feed cannot deliver right now (its subscription is down), or null. */
  readonly unavailable: Error | null;
  /**
   * Stops following. Delivers nothing more from the moment it is called; resolves once no batch
   * is being applied. follow() starts again from the target's position.
   */
  stop(): Promise<void>;
}
