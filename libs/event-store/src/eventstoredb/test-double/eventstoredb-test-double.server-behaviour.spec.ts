import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { type AllReadMessage, readAllMessages, type StreamNameFilter } from '../eventstoredb-all-reads';
import { type AppendFault, EventStoreDbTestDouble } from './eventstoredb-test-double';

/**
 * Behaviour the double copies from the server (EventStoreDB v24.10.0, src/EventStore.Core), each
 * test naming the server file it follows, as seen through @eventstore/db-client 6.2.1.
 */
describe('EventStoreDB test double, behaving as the v24.10 server', () => {
  const doubles: EventStoreDbTestDouble[] = [];
  const clients: EventStoreDBClient[] = [];
  const fresh = async (options: Parameters<typeof EventStoreDbTestDouble.start>[0] = {}) => {
    const double = await EventStoreDbTestDouble.start(options);
    doubles.push(double);
    return double;
  };
  const clientOf = (connectionString: string) => {
    const client = EventStoreDBClient.connectionString(connectionString);
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await Promise.all(doubles.splice(0).map((double) => double.stop()));
  });

  const stream = (category = 'double') => `${category}-${randomUUID()}`;
  const events = (count: number) => Array.from({ length: count }, (_, n) => jsonEvent({ type: 'Happened', data: { n } }));
  const stats = (double: EventStoreDbTestDouble, count: number) => {
    for (let n = 0; n < count; n += 1) double.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
  };
  /** With credentials the client appends through Append, not BatchAppend. */
  const unary = { credentials: { username: 'admin', password: 'changeit' } };
  const failureOf = (attempt: Promise<unknown>) => attempt.then(() => new Error('expected a failure'), (error: unknown) => error);

  /** The subscription's messages in order, each reduced to its kind and position. */
  const subscribe = (client: EventStoreDBClient, filter: StreamNameFilter, from: 'start' | bigint = 'start') => {
    const seen: string[] = [];
    const controller = new AbortController();
    const done = (async () => {
      for await (const message of readAllMessages(client, { from, subscription: true, filter, checkpointInterval: 1 }, controller.signal)) {
        seen.push(label(message));
      }
    })().catch((error: unknown) => seen.push(`error ${(error as Error).message}`));
    return { seen, stop: async () => (controller.abort(), done) };
  };
  const label = (message: AllReadMessage) =>
    message.kind === 'event' ? `event ${message.resolved.event?.position?.commit}` : message.kind === 'checkpoint' ? `checkpoint ${message.position}` : message.kind;

  describe('the filtered $all subscription (Services/Transport/Enumerators/Enumerator.AllSubscriptionFiltered.cs)', () => {
    it('from the start with nothing matching before the end, sends the start position -1 as checkpoint 2^64 - 1, then CaughtUp', async () => {
      const double = await fresh();
      const subscription = subscribe(clientOf(double.connectionString), { prefixes: ['nothing-'] });
      await waitUntil(() => subscription.seen.includes('caughtUp'));
      await subscription.stop();

      expect(subscription.seen).toEqual(['confirmation', 'checkpoint 18446744073709551615', 'caughtUp']);
    });

    it('during catch-up, checkpoints every 32 events looked at, at the later of the last event sent and the page start', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const name = stream();
      await client.appendToStream(name, events(1));
      stats(double, 70);
      const log = double.events();
      const subscription = subscribe(client, { prefixes: [name] });
      await waitUntil(() => subscription.seen.includes('caughtUp'));
      await subscription.stop();

      // Pages of 32: 4 user events, ours, 27 statistics; 32 statistics; the last 11 reach the end.
      // The end-of-catch-up checkpoint repeats the second one and is dropped as not moving forward.
      expect(subscription.seen).toEqual(['confirmation', `event ${log[4].position}`, `checkpoint ${log[4].position}`, `checkpoint ${log[32].position}`, 'caughtUp']);
    });

    it('live, checkpoints at every 32nd event written since subscribing, not counting what catch-up looked at', async () => {
      const double = await fresh();
      stats(double, 40);
      const subscription = subscribe(clientOf(double.connectionString), { prefixes: ['nothing-'] });
      await waitUntil(() => subscription.seen.includes('caughtUp'));
      stats(double, 32);
      const written = double.events().slice(-32);
      await waitUntil(() => subscription.seen.length === 4);
      await subscription.stop();

      // Catch-up looked at 44 events: one checkpoint at the first page's start (0), none at its end.
      expect(subscription.seen).toEqual(['confirmation', 'checkpoint 0', 'caughtUp', `checkpoint ${written[31].position}`]);
    });

    it('when more than 32 live events wait undelivered, falls behind: FellBehind, a checkpoint, catch-up, CaughtUp again, no event twice', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const name = stream();
      await client.appendToStream(name, events(1));
      const subscription = subscribe(client, { prefixes: [name] });
      await waitUntil(() => subscription.seen.includes('caughtUp'));
      const [first] = double.events().filter((event) => event.streamName === name);

      double.pauseSubscriptions();
      await client.appendToStream(name, events(40));
      double.resumeSubscriptions();
      await waitUntil(() => subscription.seen.filter((seen) => seen === 'caughtUp').length === 2);
      await subscription.stop();

      const written = double.events().filter((event) => event.streamName === name);
      const later = written.slice(1).map((event) => `event ${event.position}`);
      expect(subscription.seen).toEqual([
        'confirmation',
        `event ${first.position}`,
        `checkpoint ${first.position}`,
        'caughtUp',
        'fellBehind', // its checkpoint repeats the last one and is dropped
        ...later.slice(0, 31),
        `checkpoint ${written[31].position}`,
        ...later.slice(31),
        `checkpoint ${written[40].position}`,
        'caughtUp',
      ]);
    });
  });

  describe('reads of $all (Services/Storage/StorageReaderWorker.cs, Transport/Grpc/RpcExceptions.cs)', () => {
    it('refuses a position inside a record as an invalid position, and reads from the start of one or past the end', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const name = stream();
      await client.appendToStream(name, events(2));
      const [first, second] = double.events().filter((event) => event.streamName === name);
      const read = async (from: bigint) => {
        const positions: bigint[] = [];
        const request = { from, direction: 'forwards', maxCount: 10, filter: { prefixes: [name] } } as const;
        for await (const message of readAllMessages(client, request)) if (message.kind === 'event') positions.push(message.resolved.event?.position?.commit as bigint);
        return positions;
      };

      expect(await failureOf(read(first.position + 1n))).toMatchObject({ message: expect.stringContaining('Trying to read from an invalid position') });
      expect(await read(second.position)).toEqual([second.position]);
      expect(await read(second.position + 10_000n)).toEqual([]);
    });
  });

  describe('appends (Services/Transport/Grpc/Streams.Append.cs, Streams.BatchAppend.cs)', () => {
    it('counts only the data bytes against the 1 MiB append size, as Event.SizeOnDisk does', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const large = jsonEvent({ type: 'Attached', data: { blob: 'x'.repeat(1_000_000) }, metadata: { note: 'y'.repeat(100_000) } });

      for (const options of [{}, unary]) {
        await expect(client.appendToStream(stream(), large, options)).resolves.toMatchObject({ success: true });
      }
    });

    it("compares BatchAppend's absolute deadline with its own clock, so a server 5 s ahead times out; Append's relative deadline is unaffected", async () => {
      const double = await fresh({ clockSkewMs: 5_000 });
      const client = clientOf(double.connectionString);
      const name = stream();

      expect(await failureOf(client.appendToStream(name, events(1), { deadline: 5_000 }))).toMatchObject({ type: 'deadline-exceeded' });
      await expect(client.appendToStream(name, events(1), { deadline: 5_000, ...unary })).resolves.toMatchObject({ success: true });
      double.setClockSkew(0);
      await expect(client.appendToStream(name, events(1), { deadline: 5_000 })).resolves.toMatchObject({ nextExpectedRevision: 1n });
    });

    it('answers injected access denied, stream deleted and commit timeout as the server does; a commit timeout may still have written', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const [denied, deleted, slow] = [stream(), stream(), stream()];
      const faults = new Map<string, AppendFault>([
        [denied, 'access-denied'],
        [deleted, 'stream-deleted'],
        [slow, 'commit-timeout'],
      ]);
      double.setAppendFault((name) => faults.get(name));

      for (const options of [{}, unary]) {
        expect(await failureOf(client.appendToStream(denied, events(1), options))).toMatchObject({ type: 'access-denied' });
        expect(await failureOf(client.appendToStream(deleted, events(1), options))).toMatchObject({ type: 'stream-deleted' });
      }
      // BatchAppend answers Status.Timeout; Append throws RpcExceptions.Timeout (StatusCode.Aborted).
      expect(await failureOf(client.appendToStream(slow, events(1)))).toMatchObject({ type: 'deadline-exceeded' });
      expect(await failureOf(client.appendToStream(slow, events(1), { ...unary, expectedRevision: 0n }))).toMatchObject({ type: 'timeout' });
      expect(double.events().filter((event) => event.streamName === slow)).toHaveLength(2);
      expect(double.streamNames()).not.toContain(denied);
    });

    it('answers injected read faults on a stream and on $all', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const [denied, deleted] = [stream(), stream()];
      double.setReadFault((name) => (name === denied || name === '$all' ? 'access-denied' : name === deleted ? 'stream-deleted' : undefined));
      const readStream = async (name: string) => {
        for await (const resolved of client.readStream(name)) void resolved;
      };

      expect(await failureOf(readStream(denied))).toMatchObject({ type: 'access-denied' });
      expect(await failureOf(readStream(deleted))).toMatchObject({ type: 'stream-deleted' });
      expect(await failureOf((async () => {
        for await (const resolved of client.readAll({ maxCount: 1 })) void resolved;
      })())).toMatchObject({ type: 'access-denied' });
    });
  });

  describe('hard deletes (Transport/Grpc/Streams.Delete.cs, Storage/ReaderIndex/AllReader.cs)', () => {
    const readStream = async (client: EventStoreDBClient, name: string) => {
      const revisions: bigint[] = [];
      for await (const resolved of client.readStream(name)) revisions.push(resolved.event?.revision as bigint);
      return revisions;
    };

    it('tombstones a stream for good: its reads and appends are answered StreamDeleted, and so is a second tombstone', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const name = stream();
      await client.appendToStream(name, events(2));

      const result = await client.tombstoneStream(name, { expectedRevision: 1n });

      expect(result.position?.commit).toBe(double.events().at(-1)?.position);
      expect(await failureOf(readStream(client, name))).toMatchObject({ type: 'stream-deleted', streamName: name });
      for (const options of [{}, unary]) {
        expect(await failureOf(client.appendToStream(name, events(1), options))).toMatchObject({ type: 'stream-deleted' });
      }
      expect(await failureOf(client.tombstoneStream(name))).toMatchObject({ type: 'stream-deleted' });
    });

    it('tombstones a stream that never existed, and refuses a revision that does not hold', async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const [never, held] = [stream(), stream()];
      await client.appendToStream(held, events(1));

      await expect(client.tombstoneStream(never, { expectedRevision: NO_STREAM })).resolves.toBeDefined();
      expect(await failureOf(client.appendToStream(never, events(1)))).toMatchObject({ type: 'stream-deleted' });
      expect(await failureOf(client.tombstoneStream(held, { expectedRevision: 5n }))).toMatchObject({ type: 'wrong-expected-version' });
      expect(await readStream(client, held)).toEqual([0n]);
    });

    it("keeps a deleted stream's events in $all beside the $streamDeleted record until a scavenge removes them", async () => {
      const double = await fresh();
      const client = clientOf(double.connectionString);
      const name = stream();
      await client.appendToStream(name, events(2));
      await client.tombstoneStream(name);
      const inAll = async () => {
        const found: string[] = [];
        for await (const resolved of client.readAll()) if (resolved.event?.streamId === name) found.push(`${resolved.event.type}@${resolved.event.revision}`);
        return found;
      };

      expect(await inAll()).toEqual(['Happened@0', 'Happened@1', '$streamDeleted@9223372036854775807']);
      expect(double.scavenge()).toBe(2);
      expect(await inAll()).toEqual(['$streamDeleted@9223372036854775807']);
      expect(await failureOf(readStream(client, name))).toMatchObject({ type: 'stream-deleted' });
    });
  });

  describe('a cluster (Services/VNode/ClusterVNodeController.cs, Transport/Grpc/RpcExceptions.cs)', () => {
    it('on a follower serves reads and forwards writes, refuses both with NotLeader naming the leader when the leader is required, and follows a leader change', async () => {
      const [leader, follower] = await EventStoreDbTestDouble.startCluster(2);
      doubles.push(leader, follower);
      const direct = clientOf(follower.connectionString);
      const name = stream();

      await expect(direct.appendToStream(name, events(1))).resolves.toMatchObject({ success: true });
      const read = [];
      for await (const resolved of direct.readStream(name)) read.push(resolved.event?.revision);
      expect(read).toEqual([0n]);
      // Through Append: BatchAppend keeps one call open, with the headers of the append that opened it.
      expect(await failureOf(direct.appendToStream(name, events(1), { requiresLeader: true, ...unary }))).toMatchObject({
        type: 'not-leader',
        leader: { address: leader.host, port: leader.port },
      });

      follower.becomeLeader();
      const cluster = clientOf(leader.clusterConnectionString);
      await expect(cluster.appendToStream(name, events(1), { requiresLeader: true, expectedRevision: 0n, ...unary })).resolves.toMatchObject({ nextExpectedRevision: 1n });
      expect(leader.isLeader).toBe(false);
    });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

