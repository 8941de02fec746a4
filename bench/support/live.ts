import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** How long the benchmark waits for anything live before it gives up: only a hung service meets it. */
export const LIVE_WAIT_MS = 60_000;

/** A delivery and the instant (process.hrtime) this process read it off the socket. */
export interface Arrival<T> {
  readonly value: T;
  readonly at: bigint;
}

const within = <T>(promise: Promise<T>, what: string, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, cap]).finally(() => clearTimeout(timer));
};

/**
 * One subscription's deliveries, stamped as they arrive. A caller waits for the first delivery
 * that passes a test; deliveries before it are passed over, so each is tested once, in order.
 */
export class Followed<T> {
  private readonly buffered: Arrival<T>[] = [];
  private waiter: { test: (value: T) => boolean; resolve: (arrival: Arrival<T>) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(readonly stop: () => void) {}

  /** The first delivery from now on (or already waiting) that passes `test`. */
  until(test: (value: T) => boolean, what: string, ms = LIVE_WAIT_MS): Promise<Arrival<T>> {
    if (this.waiter) throw new Error('one wait at a time');
    if (this.failure) return Promise.reject(this.failure);
    while (this.buffered.length > 0) {
      const arrival = this.buffered.shift()!;
      if (test(arrival.value)) return Promise.resolve(arrival);
    }
    return new Promise<Arrival<T>>((resolve, reject) => {
      const timer = setTimeout(() => this.waiter?.reject(new Error(`${what}: not within ${ms} ms`)), ms);
      // Cleared in the same turn it is met, so a message read right after it waits for the next caller.
      const settle = () => {
        clearTimeout(timer);
        this.waiter = null;
      };
      this.waiter = {
        test,
        resolve: (arrival) => (settle(), resolve(arrival)),
        reject: (error) => (settle(), reject(error)),
      };
    });
  }

  delivered(value: T): void {
    const arrival = { value, at: process.hrtime.bigint() };
    if (!this.waiter) this.buffered.push(arrival);
    else if (this.waiter.test(value)) this.waiter.resolve(arrival);
  }

  failed(error: Error): void {
    this.failure ??= error;
    this.waiter?.reject(error);
  }
}

/** One graphql-ws connection over ws, acknowledged before it is handed out, that never retries. */
export class LiveConnection {
  private constructor(private readonly client: Client) {}

  static async open(httpUrl: string, token: string): Promise<LiveConnection> {
    let acknowledged!: () => void;
    let refused!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((acknowledged = resolve), (refused = reject)));
    const client = createClient({
      url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => acknowledged(),
        closed: (event) => refused(new Error(`the socket closed: ${(event as { code?: number }).code} ${(event as { reason?: string }).reason}`)),
      },
    });
    try {
      await within(ready, 'connection_ack', LIVE_WAIT_MS);
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return new LiveConnection(client);
  }

  follow<T>(query: string, variables: Record<string, unknown> = {}): Followed<T> {
    let followed: Followed<T> | null = null;
    const stop = this.client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) followed!.failed(new Error(`the subscription ended: ${JSON.stringify(result.errors)}`));
          else followed!.delivered(Object.values(result.data ?? {})[0] as T);
        },
        error: (error) => followed!.failed(new Error(`the subscription failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`)),
        complete: () => followed!.failed(new Error('the subscription completed')),
      },
    );
    followed = new Followed<T>(stop);
    return followed;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
