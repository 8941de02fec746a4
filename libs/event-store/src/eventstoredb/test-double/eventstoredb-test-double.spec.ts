import { randomUUID } from 'node:crypto';
import net from 'node:net';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  START,
  streamNameFilter,
  type AppendExpectedRevision,
  type Position,
} from '@eventstore/db-client';
import { readAllMessages } from '../eventstoredb-all-reads';
import { EventStoreDbTestDouble } from './eventstoredb-test-double';

/**
 * The double's answers as the real client sees them: what the client calls, and the server
 * behaviour the adapter relies on.
 */
describe('EventStoreDB test double, through @eventstore/db-client', () => {
  let double: EventStoreDbTestDouble;
  let client: EventStoreDBClient;
  beforeAll(async () => {
    double = await EventStoreDbTestDouble.start();
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await double.stop();
  });

  const stream = (category = 'double') => `${category}-${randomUUID()}`;
  const events = (count: number) => Array.from({ length: count }, (_, n) => jsonEvent({ type: 'Happened', data: { n } }));
  const readStream = async (name: string, options: Parameters<EventStoreDBClient['readStream']>[1] = {}) => {
    const read = [];
    for await (const resolved of client.readStream(name, options)) read.push(resolved.event);
    return read;
  };
  const failureOf = (attempt: Promise<unknown>) => attempt.then(() => new Error('expected a failure'), (error: unknown) => error);

  // Streams.Append.cs and BatchAppendResp.cs answer the write's commit position, observed as both positions.
  it('answers appends with the revision and the commit position of the last event as both positions, through BatchAppend and Append', async () => {
    for (const options of [{}, { credentials: { username: 'admin', password: 'changeit' } }]) {
      const name = stream();
      const result = await client.appendToStream(name, events(3), { expectedRevision: 'no_stream', ...options });
      const read = await readStream(name);

      expect(read.map((event) => event?.revision)).toEqual([0n, 1n, 2n]);
      expect(result).toEqual({
        success: true,
        nextExpectedRevision: 2n,
        position: { commit: read[2]?.position?.commit, prepare: read[2]?.position?.commit },
      });
      const positions = read.map((event) => (event?.position as Position).commit);
      expect(positions[0] < positions[1] && positions[1] < positions[2]).toBe(true);
    }
  });

  it('refuses a wrong expected revision with the current revision, through BatchAppend and Append', async () => {
    const name = stream();
    await client.appendToStream(name, events(2), { expectedRevision: 'no_stream' });
    const cases: [AppendExpectedRevision, string, unknown, unknown][] = [
      [0n, name, 1n, 0n],
      ['no_stream', name, 1n, 'no_stream'],
      ['stream_exists', stream(), 'no_stream', 'stream_exists'],
      [5n, stream(), 'no_stream', 5n],
    ];
    for (const options of [{}, { credentials: { username: 'admin', password: 'changeit' } }]) {
      for (const [expectedRevision, target, actualVersion, expectedVersion] of cases) {
        const error = await failureOf(client.appendToStream(target, events(1), { expectedRevision, ...options }));
        expect(error).toMatchObject({ type: 'wrong-expected-version', streamName: target, actualVersion, expectedVersion });
      }
    }
    expect(await readStream(name)).toHaveLength(2);
  });

  it('treats a retried write of the same event ids at the same revision as done', async () => {
    const name = stream();
    const batch = events(2);
    const first = await client.appendToStream(name, batch, { expectedRevision: 'no_stream' });
    const retried = await client.appendToStream(name, batch, { expectedRevision: 'no_stream' });

    expect(retried).toEqual(first);
    expect(await readStream(name)).toHaveLength(2);
  });

  it('reads a stream forwards or backwards from a revision with a count, and reports a missing stream', async () => {
    const name = stream();
    await client.appendToStream(name, events(5));

    expect((await readStream(name, { fromRevision: 1n, maxCount: 2 })).map((e) => e?.revision)).toEqual([1n, 2n]);
    expect((await readStream(name, { direction: BACKWARDS, fromRevision: END, maxCount: 2 })).map((e) => e?.revision)).toEqual([4n, 3n]);
    expect(await readStream(name, { fromRevision: 5n })).toEqual([]);
    expect(await failureOf(readStream(stream()))).toMatchObject({ type: 'stream-not-found' });
  });

  it('reads $all with system events in it, and filters it on the server by stream-name regex or prefixes', async () => {
    const [mine, other] = [stream('mine'), stream('other')];
    await client.appendToStream(mine, events(1));
    await client.appendToStream(other, events(1));
    const all = [];
    for await (const resolved of client.readAll({ fromPosition: START })) all.push(resolved.event?.streamId);
    // A fresh server has written its default users (UserManagementService) and no $settings.
    expect(all).toEqual(expect.arrayContaining(['$users', '$user-admin', '$user-ops', mine, other]));
    expect(all).not.toContain('$settings');

    const filtered = async (request: Parameters<typeof readAllMessages>[1]) => {
      const names: string[] = [];
      for await (const message of readAllMessages(client, request)) {
        if (message.kind === 'event') names.push(message.resolved.event?.streamId as string);
      }
      return names;
    };
    const noSystem = { regex: '^[^$]' };
    const forwards = await filtered({ from: 'start', direction: 'forwards', maxCount: 1_000, filter: noSystem });
    expect(forwards.some((name) => name.startsWith('$'))).toBe(false);
    expect(forwards.slice(-2)).toEqual([mine, other]);
    expect(await filtered({ from: 'end', direction: 'backwards', maxCount: 1, filter: { prefixes: ['mine-'] } })).toEqual([mine]);
  });

  it('includes the event at the position reading $all forwards, and starts before it reading backwards', async () => {
    const name = stream();
    await client.appendToStream(name, events(3));
    const [, middle] = await readStream(name);
    const at = (middle?.position as Position).commit;
    const revisionsFrom = async (direction: 'forwards' | 'backwards') => {
      const revisions: bigint[] = [];
      const request = { from: at, direction, maxCount: 10, filter: { prefixes: [name] } } as const;
      for await (const message of readAllMessages(client, request)) {
        if (message.kind === 'event') revisions.push(message.resolved.event?.revision as bigint);
      }
      return revisions;
    };

    expect(await revisionsFrom('forwards')).toEqual([1n, 2n]);
    expect(await revisionsFrom('backwards')).toEqual([0n]);
  });

  // Enumerator.AllSubscriptionFiltered.cs: a checkpoint ends catch-up, before CaughtUp; live ones
  // come at every 32nd event written since subscribing (window 32 × multiplier 1).
  it('subscribes to $all: confirmation, catch-up after the given position, a checkpoint, caught up, then live events and checkpoints', async () => {
    const name = stream();
    await client.appendToStream(name, events(3));
    const [first, , third] = await readStream(name);
    const seen: bigint[] = [];
    const checkpoints: bigint[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: first?.position as Position,
      filter: streamNameFilter({ prefixes: [name], checkpointReached: (_s, position) => void checkpoints.push(position.commit) }),
    });
    let caughtUp: { events: number; checkpoints: number } | null = null;
    subscription.on('caughtUp', () => {
      caughtUp = { events: seen.length, checkpoints: checkpoints.length };
    });
    subscription.on('data', (resolved) => seen.push(resolved.event?.revision as bigint));
    await new Promise((resolve) => subscription.once('confirmation', resolve));
    await waitUntil(() => caughtUp !== null);

    await client.appendToStream(name, events(1));
    for (let n = 0; n < 40; n += 1) double.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    await waitUntil(() => seen.length === 3 && checkpoints.length >= 2);
    await subscription.unsubscribe();

    expect(caughtUp).toEqual({ events: 2, checkpoints: 1 });
    expect(seen).toEqual([1n, 2n, 3n]);
    const stats = double.events().filter((event) => event.streamName.startsWith('$stats')).slice(-40);
    // The appended event and 31 statistics events make 32 written since subscribing.
    expect(checkpoints).toEqual([(third?.position as Position).commit, stats[30].position]);
  });

  it('stores but never answers appends hit by a drop-answer fault, and refuses appends over 1 MiB', async () => {
    const name = stream();
    double.setAppendFault((target) => (target === name ? 'drop-answer' : undefined));
    const answered = client.appendToStream(name, events(1)).then(() => 'answered');
    // Stored first (the signal), then still unanswered a while later: a slow machine delays only
    // the storing, which is waited for, never the absence of an answer.
    await waitUntil(() => double.events().some((event) => event.streamName === name));
    const answer = await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 200, 'no answer'))]);
    double.setAppendFault(null);
    expect(answer).toBe('no answer');
    expect(await readStream(name)).toHaveLength(1);

    const tooLarge = jsonEvent({ type: 'Attached', data: { blob: 'x'.repeat(1_100_000) } });
    expect(await failureOf(client.appendToStream(stream(), tooLarge))).toMatchObject({
      type: 'maximum-append-size-exceeded',
      maxAppendSize: 1_048_576,
    });
  });

  it('answers gossip as the one alive leader, so cluster connection strings find it', async () => {
    for (const connectionString of [
      `esdb://127.0.0.1:${double.port},127.0.0.1:${double.port}?tls=false`,
      `esdb+discover://127.0.0.1:${double.port}?tls=false`,
    ]) {
      const cluster = EventStoreDBClient.connectionString(connectionString);
      const name = stream();
      await cluster.appendToStream(name, events(1));
      const read = [];
      for await (const resolved of cluster.readStream(name)) read.push(resolved.event?.revision);
      expect(read).toEqual([0n]);
      await cluster.dispose();
    }
  });

  it('in silent mode accepts connections and never answers', async () => {
    const silent = await EventStoreDbTestDouble.start({ silent: true });
    const socket = net.connect(silent.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.destroy();

    const silentClient = EventStoreDBClient.connectionString(silent.connectionString);
    const answer = await Promise.race([
      (async () => {
        for await (const resolved of silentClient.readStream('anything')) return resolved;
        return 'answered';
      })().catch(() => 'failed'),
      new Promise((resolve) => setTimeout(resolve, 300, 'no answer')),
    ]);
    expect(answer).toBe('no answer');
    await silentClient.dispose();
    await silent.stop();
  });

  it('restarts on the same port with the events it held, like a server brought back', async () => {
    const own = await EventStoreDbTestDouble.start();
    const port = own.port;
    const name = stream();
    const before = EventStoreDBClient.connectionString(own.connectionString);
    await before.appendToStream(name, events(2));
    await before.dispose();

    await own.restart();
    const after = EventStoreDBClient.connectionString(own.connectionString);
    const read = [];
    for await (const resolved of after.readStream(name)) read.push(resolved.event?.revision);
    await after.dispose();
    await own.stop();

    expect(own.port).toBe(port);
    expect(read).toEqual([0n, 1n]);
  });
});

/** Polls for the condition; the limit only ends a hung test, so it allows for a loaded machine. */
async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
