import { randomUUID } from 'node:crypto';
import { eventually, newEvent, newEvents, newStreamId } from '../conformance/conformance-fixtures';
import { CommandAlreadyRecordedError, StoreUnavailableError } from '../errors';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
import { EventStoreDbRefusedError } from './eventstoredb-connection';
import { EventStoreDbTestDouble } from './test-double/eventstoredb-test-double';

/**
 * The adapter against what the v24.10 server does that a friendlier server would not: each test
 * names the server code (src/EventStore.Core/...) whose behaviour the double reproduces.
 */
describe('EventStoreDbEventStore against the server behaviour it must survive', () => {
  const doubles: EventStoreDbTestDouble[] = [];
  const stores: EventStoreDbEventStore[] = [];
  const fresh = async (options: Parameters<typeof EventStoreDbTestDouble.start>[0] = {}) => {
    const double = await EventStoreDbTestDouble.start(options);
    doubles.push(double);
    return double;
  };
  const open = (connectionString: string, options: Partial<EventStoreDbEventStoreOptions> = {}) => {
    const store = new EventStoreDbEventStore({ connectionString, deadlineMs: 2_000, ...options });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(doubles.splice(0).map((double) => double.stop()));
  });
  const command = () => ({ id: randomUUID(), hash: 'payload-hash' });
  const failureOf = (attempt: Promise<unknown>) => attempt.then(() => new Error('expected a failure'), (error: unknown) => error);

  describe('checkpoints (Transport/Enumerators/Enumerator.AllSubscriptionFiltered.cs)', () => {
    it('never takes the checkpoint 2^64 - 1, sent from the start when nothing matched, as a position: resuming after what it reports misses nothing', async () => {
      const double = await fresh();
      const store = open(double.connectionString);
      const checkpoints: GlobalPosition[] = [];
      let caughtUp = false;
      const first = store.subscribeToAll(null, () => undefined, () => undefined, {
        onCheckpoint: (position) => void checkpoints.push(position),
        onCaughtUp: () => {
          caughtUp = true;
        },
      });
      await eventually(() => caughtUp);
      const resumeAfter = first.position;
      await first.close();
      const written = await store.append(newStreamId(), [newEvent()], 'no_stream');

      const seen: RecordedEvent[] = [];
      const again = store.subscribeToAll(resumeAfter, (event) => void seen.push(event), () => undefined);
      await eventually(() => seen.length === 1);
      await again.close();

      expect(checkpoints).toEqual([]);
      expect(resumeAfter).toBeNull();
      expect(seen[0].position).toBe(written.position);
    });

    it('refuses to subscribe after a position beyond the end of $all, where the server would skip every event up to it', async () => {
      const double = await fresh();
      const store = open(double.connectionString);
      const { position } = await store.append(newStreamId(), [newEvent()], 'no_stream');
      const errors: Error[] = [];

      const subscription = store.subscribeToAll(position + 1_000_000n, () => undefined, (error) => errors.push(error));

      await expect(subscription.started).rejects.toThrow(/beyond the end of \$all/);
      expect(errors).toHaveLength(1);
    });

    it('delivers every event once, in order, when the server lets it fall behind and catch up again (CaughtUp twice)', async () => {
      const double = await fresh();
      const store = open(double.connectionString);
      const streamId = newStreamId();
      await store.append(streamId, [newEvent()], 'no_stream');
      const seen: number[] = [];
      const errors: Error[] = [];
      let caughtUp = 0;
      const subscription = store.subscribeToAll(null, (event) => void seen.push(event.revision), (error) => errors.push(error), {
        onCaughtUp: () => {
          caughtUp += 1;
        },
      });
      await eventually(() => caughtUp === 1);

      double.pauseSubscriptions();
      for (let n = 1; n <= 40; n += 1) await store.append(streamId, [newEvent()], n - 1);
      double.resumeSubscriptions();
      await eventually(() => caughtUp === 2 && seen.length === 41);
      await subscription.close();

      expect(seen).toEqual(Array.from({ length: 41 }, (_, n) => n));
      expect(errors).toEqual([]);
    });
  });

  describe('clock skew (Transport/Grpc/Streams.BatchAppend.cs compares the deadline with its own clock)', () => {
    it('appends, with and without a command, to a server whose clock runs 5 s ahead of the service', async () => {
      const double = await fresh({ clockSkewMs: 5_000 });
      const store = open(double.connectionString, { deadlineMs: 5_000 });
      const streamId = newStreamId();

      await expect(store.append(streamId, [newEvent()], 'no_stream')).resolves.toMatchObject({ nextRevision: 0 });
      await expect(store.append(streamId, [newEvent()], 0, { command: command() })).resolves.toMatchObject({ nextRevision: 1 });
    });
  });

  describe('a leader change (Services/VNode/ClusterVNodeController.cs: NotLeader for requests that require the leader)', () => {
    it('follows the new leader instead of reading a stale stream from the old one, retrying within the deadline', async () => {
      const [first, second] = await EventStoreDbTestDouble.startCluster(2);
      doubles.push(first, second);
      const store = open(first.clusterConnectionString);
      const streamId = newStreamId();
      await store.append(streamId, [newEvent()], 'no_stream');

      second.becomeLeader();
      first.holdReplication();
      await open(second.connectionString).append(streamId, [newEvent()], 0);
      const third = await store.append(streamId, [newEvent()], 1, { command: command() });

      expect(third.nextRevision).toBe(2);
      expect(await store.streamRevision(streamId)).toBe(2);
    });
  });

  describe('refusals and timeouts (Transport/Grpc/Streams.Append.cs, RpcExceptions.cs)', () => {
    it('refuses an append the server denies access to, or to a deleted stream, clearly and without leaving a pending claim', async () => {
      const double = await fresh();
      const store = open(double.connectionString);
      const [denied, deleted] = [newStreamId(), newStreamId()];
      double.setAppendFault((name) => (name === denied ? 'access-denied' : name === deleted ? 'stream-deleted' : undefined));
      const cmd = command();

      const refusedAccess = await failureOf(store.append(denied, [newEvent()], 'no_stream', { command: cmd }));
      const refusedDeleted = await failureOf(store.append(deleted, [newEvent()], 'any'));

      expect(refusedAccess).toBeInstanceOf(EventStoreDbRefusedError);
      expect(refusedAccess).toMatchObject({ reason: 'access-denied', message: expect.stringMatching(/access denied/) });
      expect(refusedDeleted).toBeInstanceOf(EventStoreDbRefusedError);
      expect(refusedDeleted).toMatchObject({ reason: 'stream-deleted', message: expect.stringContaining(`${deleted} is deleted`) });
      double.setAppendFault(null);
      await expect(store.append(newStreamId(), [newEvent()], 'no_stream', { command: cmd })).resolves.toMatchObject({ nextRevision: 0 });
    });

    it('refuses reads of a deleted stream or without access clearly', async () => {
      const double = await fresh();
      const store = open(double.connectionString);
      const [denied, deleted] = [newStreamId(), newStreamId()];
      double.setReadFault((name) => (name === denied ? 'access-denied' : name === deleted ? 'stream-deleted' : undefined));

      expect(await failureOf(store.readStream(denied))).toMatchObject({ reason: 'access-denied' });
      expect(await failureOf(store.readStream(deleted))).toMatchObject({ reason: 'stream-deleted' });
      expect(await failureOf(store.append(deleted, [newEvent()], 'any'))).toMatchObject({ reason: 'stream-deleted' });
    });

    it('reports a commit timeout as unavailable and, the events having landed, never appends them twice on a retry', async () => {
      const double = await fresh();
      const store = open(double.connectionString);
      const [plain, commanded] = [newStreamId(), newStreamId()];
      double.setAppendFault((name) => (name === plain || name === commanded ? 'commit-timeout' : undefined));
      const cmd = command();

      expect(await failureOf(store.append(plain, newEvents(2), 'no_stream'))).toBeInstanceOf(StoreUnavailableError);
      expect(await failureOf(store.append(commanded, newEvents(2), 'no_stream', { command: cmd }))).toBeInstanceOf(StoreUnavailableError);
      double.setAppendFault(null);

      expect(await failureOf(store.append(commanded, newEvents(2), 'no_stream', { command: cmd }))).toBeInstanceOf(CommandAlreadyRecordedError);
      expect(await store.findCommand(cmd.id)).toMatchObject({ streamId: commanded, fromRevision: 0, toRevision: 1 });
      expect(await store.streamRevision(plain)).toBe(1);
      expect(await store.streamRevision(commanded)).toBe(1);
    });
  });
});
