import type { AuditLogFilter, AuditRow } from '@throughline/read-models';

/** Whatever follows the batches the projector applies (see LiveFeed). */
export interface BatchSink {
  /** Called in the turn the batch was committed; must not throw or wait. */
  accept(rows: readonly AuditRow[]): void;
  /** The feed could not hand over a batch: the follower ends with this error. */
  fail(error: Error): void;
}

/** The audit log as live subscriptions read it: what it holds now, and each batch as it is applied. */
export interface LiveLog {
  /** The last position the read models hold, read in the same turn as anything read with it. */
  checkpoint(): bigint | null;
  /** What the log holds after `after`, as auditLog pages it. */
  page(filter: AuditLogFilter, after: bigint | null, limit: number): AuditRow[];
  /** Hands `sink` every batch applied from now on; returns the way to stop. */
  follow(sink: BatchSink): () => void;
}

/**
 * One subscription's events as an async iterator that Mercurius pulls from one at a time, each
 * pull waiting until the client has taken the previous message: what waits for a slow client is
 * only this stream's own backlog, which its subclass bounds. return() (the client completed, the
 * socket closed) ends it at once, even while it waits, so nothing it holds outlives the client.
 */
export abstract class LiveStream<T> implements AsyncIterableIterator<T>, BatchSink {
  private wake: (() => void) | null = null;
  /** Something arrived since the pull last looked: it looks again rather than wait. */
  private signalled = false;
  private failure: Error | null = null;
  private ended = false;
  private readonly onEnd: (() => void)[] = [];

  /** `toClient` turns whatever the stream fails with into the error its client is sent (and logs it). */
  constructor(private readonly toClient: (error: unknown) => Error = (error) => error as Error) {}

  abstract accept(rows: readonly AuditRow[]): void;

  /** The next value to deliver; undefined when there is none yet (the stream then waits for accept). */
  protected abstract take(): Promise<T | undefined>;

  /** Ended or failed: nothing more is taken in. */
  get isClosed(): boolean {
    return this.ended || this.failure !== null;
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.failure) {
        const failure = this.failure;
        this.failure = null;
        this.end();
        throw this.toClient(failure);
      }
      if (this.ended) return { value: undefined, done: true };
      this.signalled = false;
      let value: T | undefined;
      try {
        value = await this.take();
      } catch (error) {
        this.end();
        throw this.toClient(error);
      }
      if (this.ended && !this.failure) return { value: undefined, done: true };
      if (value !== undefined) return { value, done: false };
      if (this.signalled) continue;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Ends the stream with an error the client is sent; nothing more is delivered. */
  fail(error: Error): void {
    if (this.ended || this.failure) return;
    this.failure = error;
    this.notify();
  }

  /** Ends the stream quietly (the client completed it, or its connection closed). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.notify();
    for (const listener of this.onEnd.splice(0)) listener();
  }

  /** Calls `listener` once, when the stream ends for whatever reason. */
  whenEnded(listener: () => void): void {
    if (this.ended) listener();
    else this.onEnd.push(listener);
  }

  async return(): Promise<IteratorResult<T>> {
    this.end();
    return { value: undefined, done: true };
  }

  async throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  /** Something arrived: a waiting pull looks again. */
  protected notify(): void {
    this.signalled = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
