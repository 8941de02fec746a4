import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** How long a test waits for something live to happen before it fails; only a hung test meets it. */
const WAIT_MS = 20_000;

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** A condition met by callbacks, awaited with a cap that only ends a hung test. */
const signal = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

export const within = <T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, cap]).finally(() => clearTimeout(timer));
};

/** One subscription as a test watches it: what it delivered, and how it ended. */
export class Followed<T> {
  readonly values: T[] = [];
  private readonly endedSignal = signal<{ readonly errors?: unknown; readonly complete?: true }>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  constructor(readonly stop: () => void) {}

  /** Every value once `count` have arrived. */
  async atLeast(count: number): Promise<T[]> {
    if (this.values.length < count) {
      const arrived = signal<void>();
      this.waiters.push({ count, resolve: arrived.resolve });
      await within(Promise.race([arrived.promise, this.ended.then((end) => Promise.reject(new Error(`ended after ${this.values.length} values: ${JSON.stringify(end)}`)))]), `${count} deliveries`);
    }
    return this.values;
  }

  /** How the subscription ended: GraphQL errors, the close that ended it, or complete. */
  get ended(): Promise<{ readonly errors?: unknown; readonly complete?: true }> {
    return this.endedSignal.promise;
  }

  delivered(value: T): void {
    this.values.push(value);
    for (const waiter of this.waiters.filter((w) => this.values.length >= w.count)) waiter.resolve();
  }

  end(how: { readonly errors?: unknown; readonly complete?: true }): void {
    this.endedSignal.resolve(how);
  }
}

/** A graphql-ws client over ws, as a Node program would use one, that never retries. */
export class LiveClient {
  readonly client: Client;
  private readonly closedSignal = signal<Closed>();

  constructor(url: string, connectionParams: Record<string, unknown> | null, options: { lazy?: boolean } = {}) {
    this.client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      ...(connectionParams ? { connectionParams } : {}),
      lazy: options.lazy ?? true,
      retryAttempts: 0,
      on: { closed: (event) => this.closedSignal.resolve({ code: (event as Closed).code, reason: (event as Closed).reason }) },
    });
  }

  static bearer(url: string, token: string): LiveClient {
    return new LiveClient(url, { authorization: `Bearer ${token}` });
  }

  /** The first close of the socket, with its code and reason. */
  closed(): Promise<Closed> {
    return within(this.closedSignal.promise, 'the socket to close');
  }

  follow<T>(query: string, variables: Record<string, unknown> = {}): Followed<T> {
    let followed: Followed<T> | null = null;
    const stop = this.client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) followed!.end({ errors: result.errors });
          else followed!.delivered(Object.values(result.data ?? {})[0] as T);
        },
        error: (errors) => followed!.end({ errors }),
        complete: () => followed!.end({ complete: true }),
      },
    );
    followed = new Followed<T>(stop);
    return followed;
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

/**
 * Subscriptions of a field running on the instance, from its metrics: a subscription that starts
 * from now on misses what happens before the service has set it up, and the protocol says
 * nothing when that is, so a test waits for the gauge before acting.
 */
export const openSubscriptions = async (url: string, field: string): Promise<number> => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`throughline_graphql_subscriptions_open{field="${field}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
};
