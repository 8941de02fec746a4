import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { BACKWARDS, END, EventStoreDBClient, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { newEvent, newEvents, newStreamId, readFeed, sleepPast } from '../conformance/conformance-fixtures';
import { CommandAlreadyRecordedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import { verifyChain, verifyChains } from '../integrity/event-hash';
import { StoreVerifier } from '../integrity/verify-store';
import type { Upcaster } from '../upcasting';
import { openEventStoreDbEventStore } from '../index';
import { MemoryEventStore } from '../memory/memory-event-store';
import { COMMAND_STREAM_PREFIX } from './eventstoredb-command-claims';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EventStoreDbTestDouble } from './test-double/eventstoredb-test-double';
import { useTestDouble } from './test-double/use-test-double';

const { double, open } = useTestDouble();

describeEventStoreConformance('eventstoredb (through the client, against the test double)', async () => ({
  store: new EventStoreDbEventStore({ connectionString: double().connectionString }),
}));

describe('EventStoreDbEventStore', () => {
  const command = (hash = 'payload-hash') => ({ id: randomUUID(), hash });
  const claimStream = (commandId: string) => `${COMMAND_STREAM_PREFIX}${commandId}`;

  describe('deadlines', () => {
    let silent: EventStoreDbTestDouble;
    beforeAll(async () => {
      silent = await EventStoreDbTestDouble.start({ silent: true });
    });
    afterAll(async () => {
      await silent.stop();
    });

    it('refuses every call to a server that accepts the connection and never answers, naming the target but never the credentials', async () => {
      const store = open({ deadlineMs: 250 }, `esdb://admin:changeit@127.0.0.1:${silent.port}?tls=false`);
      const calls: [string, () => Promise<unknown>][] = [
        ['append', () => store.append(newStreamId(), [newEvent()], 'any')],
        ['append with a command', () => store.append(newStreamId(), [newEvent()], 'any', { command: command() })],
        ['readStream', () => store.readStream(newStreamId())],
        ['streamRevision', () => store.streamRevision(newStreamId())],
        ['readAll', () => store.readAll()],
        ['headPosition', () => store.headPosition()],
        ['findCommand', () => store.findCommand(randomUUID())],
      ];
      for (const [, call] of calls) {
        const error = await call().then(
          () => new Error('the call was expected to fail'),
          (failure: unknown) => failure,
        );
        expect(error).toBeInstanceOf(StoreUnavailableError);
        const { message } = error as Error;
        expect(message).toContain(`127.0.0.1:${silent.port}`);
        expect(message).toContain('did not answer within 250 ms');
        expect(message).not.toMatch(/changeit|admin/);
      }
    });

    it('bounds the start-up check at 8 s even when calls may take a minute', async () => {
      await expect(
        openEventStoreDbEventStore({ connectionString: `esdb://127.0.0.1:${silent.port}?tls=false`, deadlineMs: 60_000 }),
      ).rejects.toThrow(`EventStoreDB at 127.0.0.1:${silent.port} did not answer within 8000 ms`);
    }, 30_000);

    it('fails open() against a silent server, and a subscription reports it through onError', async () => {
      await expect(
        openEventStoreDbEventStore({ connectionString: `esdb://127.0.0.1:${silent.port}?tls=false`, deadlineMs: 200 }),
      ).rejects.toThrow(new RegExp(`EventStoreDB at 127\\.0\\.0\\.1:${silent.port} did not answer`));
      const reachable = await openEventStoreDbEventStore({ connectionString: double().connectionString });
      expect(reachable.name).toBe('eventstoredb');
      await reachable.close();

      const store = open({ deadlineMs: 200 }, silent.connectionString);
      const errors: Error[] = [];
      const subscription = store.subscribeToAll(null, () => undefined, (error) => errors.push(error));
      await expect(subscription.started).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain(`127.0.0.1:${silent.port}`);
    });

    it('reports a port where nothing listens as unavailable', async () => {
      const port = await freePort();
      const store = open({ deadlineMs: 2_000 }, `esdb://user:secret@127.0.0.1:${port}?tls=false`);
      const error = await store.append(newStreamId(), [newEvent()], 'any').catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(`EventStoreDB at 127.0.0.1:${port}`);
      expect((error as Error).message).not.toContain('secret');
    });
  });

  describe('expected revision', () => {
    it('reports the current revision the server answered when another writer got in first', async () => {
      const store = open();
      const streamId = newStreamId();
      double().setAppendFault((name) => (name === streamId ? 'concurrent-writer' : undefined));

      const error = await store.append(streamId, newEvents(2), 'no_stream').catch((failure: unknown) => failure);

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId, expected: 'no_stream', currentRevision: 0 });
      expect(await store.streamRevision(streamId)).toBe(0);
    });
  });

  describe('the service feed', () => {
    it('holds only the service streams, although $all holds system events and command claims between them', async () => {
      const store = open();
      const before = await store.headPosition();
      const streamId = newStreamId('objective');
      const cmd = command();
      double().writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
      await store.append(streamId, newEvents(2), 'no_stream', { command: cmd });
      double().writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');

      const feed = (await readFeed(store, before, 1)).events;

      expect(feed.map((event) => [event.streamId, event.revision])).toEqual([
        [streamId, 0],
        [streamId, 1],
      ]);
      const logged = double().events().filter((event) => before === null || event.position > before);
      expect(logged.map((event) => event.streamName)).toEqual([
        '$stats-127.0.0.1:2113',
        claimStream(cmd.id),
        streamId,
        streamId,
        '$stats-127.0.0.1:2113',
      ]);
      expect(await store.headPosition()).toBe(feed[1].position);
      expect(await store.readAll({ after: logged[0].position, maxCount: 1 })).toEqual([feed[0]]);
    });

    it('keeps only the configured stream prefixes when given', async () => {
      const store = open({ streamPrefixes: ['alpha-'] });
      const before = await store.headPosition();
      const [alpha, beta] = [newStreamId('alpha'), newStreamId('beta')];
      await store.append(beta, [newEvent()], 'no_stream');
      await store.append(alpha, [newEvent()], 'no_stream');
      await store.append(beta, [newEvent()], 0);

      const feed = (await readFeed(store, before)).events;

      expect(feed.map((event) => event.streamId)).toEqual([alpha]);
      expect(await store.headPosition()).toBe(feed[0].position);
    });

    it('upcasts what it reads while the stored form keeps verifying', async () => {
      const upcasters: Upcaster[] = [{ type: 'TargetSet', fromVersion: 1, upcast: ({ target }) => ({ value: target }) }];
      const store = open({ upcasters });
      const before = await store.headPosition();
      const streamId = newStreamId();
      await store.append(streamId, [newEvent('TargetSet', { target: 5 }), newEvent('Noted')], 'no_stream');

      const [upcast] = await store.readStream(streamId);
      expect([upcast.schemaVersion, upcast.data]).toEqual([2, { value: 5 }]);
      expect(verifyChain(await store.readStream(streamId))).not.toEqual([]);
      expect(verifyChain(await store.readStreamStored(streamId))).toEqual([]);
      const storedFeed = await store.readAllStored(before === null ? {} : { after: before });
      expect(storedFeed.map((event) => event.data)).toEqual([{ target: 5 }, {}]);
      expect(verifyChains(storedFeed)).toEqual([]);
    });
  });

  describe('integrity', () => {
    it('lets the integrity check read every stored event, reporting altered and foreign events instead of failing', async () => {
      const own = await EventStoreDbTestDouble.start();
      const client = EventStoreDBClient.connectionString(own.connectionString);
      try {
        const store = open({}, own.connectionString);
        const [intact, altered] = [newStreamId(), newStreamId()];
        await store.append(intact, newEvents(3), 'no_stream');
        await store.append(altered, newEvents(2), 'no_stream');
        expect(await new StoreVerifier(store).verifyAll()).toMatchObject({ ok: true, checkedEvents: 5, problemCount: 0 });

        // Another client appends a copy of the last envelope over other data, then an event without one.
        const [last] = await readAllOf(client.readStream(altered, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
        await client.appendToStream(altered, jsonEvent({ type: 'ThingHappened', data: { n: 99 }, metadata: last.metadata as never }), {
          expectedRevision: 1n,
        });
        await client.appendToStream(altered, jsonEvent({ type: 'Foreign', data: {} }), { expectedRevision: 2n });

        const report = await new StoreVerifier(store).verifyAll();
        expect(report).toMatchObject({ ok: false, checkedEvents: 7 });
        expect(report.problems).toEqual(
          expect.arrayContaining([
            { streamId: altered, revision: 2, problem: 'hash does not match the event content' },
            expect.objectContaining({ streamId: altered, revision: 3, problem: expect.stringMatching(/not written by this event store/) }),
          ]),
        );
        expect(report.problems.every((problem) => problem.streamId === altered)).toBe(true);
        await expect(store.readStream(altered)).rejects.toThrow(new RegExp(`${altered}@3 \\(Foreign\\) cannot be read`));
      } finally {
        await client.dispose();
        await own.stop();
      }
    });
  });

  describe('appendStored, for a migration', () => {
    it('keeps ids, metadata, recordedAt and hashes, makes the commands findable, and appends nothing when run again', async () => {
      const source = new MemoryEventStore({ clock: () => new Date('2025-01-02T03:04:05.678Z') });
      const streamId = newStreamId('objective');
      const cmd = { id: randomUUID(), hash: 'payload-hash' };
      await source.append(streamId, newEvents(2), 'no_stream');
      await source.append(streamId, newEvents(2), 1, { command: cmd });
      const stored = await source.readStreamStored(streamId);
      const record = await source.findCommand(cmd.id);
      const target = open();

      const result = await target.appendStored(stored, record ? [record] : []);
      const again = await target.appendStored(stored, record ? [record] : []);

      const copied = await target.readStreamStored(streamId);
      const withoutPosition = ({ position: _position, ...event }: RecordedEvent) => event;
      expect(copied.map(withoutPosition)).toEqual(stored.map(withoutPosition));
      expect(verifyChain(copied)).toEqual([]);
      expect(result).toMatchObject({ streamId, nextRevision: 3, position: copied[3].position, recordedAt: '2025-01-02T03:04:05.678Z' });
      expect(again).toEqual(result);
      expect(double().events().filter((event) => event.streamName === streamId)).toHaveLength(4);
      expect(await target.findCommand(cmd.id)).toEqual(record);
      await expect(target.append(newStreamId(), [newEvent()], 'no_stream', { command: cmd })).rejects.toBeInstanceOf(
        CommandAlreadyRecordedError,
      );

      const next = await target.append(streamId, [newEvent()], 3);
      expect(next.recordedAt >= result.recordedAt).toBe(true);
      expect(verifyChain(await target.readStreamStored(streamId))).toEqual([]);
    });

    it('refuses a batch that is not one stream at consecutive revisions following the stored ones', async () => {
      const source = new MemoryEventStore();
      const [one, two] = [newStreamId(), newStreamId()];
      await source.append(one, newEvents(3), 'no_stream');
      await source.append(two, newEvents(1), 'no_stream');
      const [a, b, c] = await source.readStreamStored(one);
      const [other] = await source.readStreamStored(two);
      const target = open();

      await expect(target.appendStored([a, other])).rejects.toThrow(/one stream/);
      await expect(target.appendStored([a, c])).rejects.toThrow(/revision 2 where 1 was expected/);
      await expect(target.appendStored([b, c])).rejects.toMatchObject({ streamId: one, currentRevision: -1 });
      expect(await target.streamRevision(one)).toBe(-1);
    });
  });

  describe('several instances on one server', () => {
    it('keeps recordedAt non-decreasing along a stream written by instances whose clocks disagree', async () => {
      const ahead = open();
      const behind = open({ clock: () => new Date(Date.now() - 3_600_000) });
      const streamId = newStreamId();

      const first = await ahead.append(streamId, [newEvent()], 'no_stream');
      const second = await behind.append(streamId, [newEvent()], 0);

      expect(second.recordedAt).toBe(first.recordedAt);
      expect(verifyChain(await behind.readStreamStored(streamId))).toEqual([]);
    });

    it('notifies onAppended of its own appends only; another instance sees them in the feed', async () => {
      const [mine, theirs] = [open(), open()];
      const before = await mine.headPosition();
      const notified: GlobalPosition[] = [];
      mine.onAppended((position) => notified.push(position));

      const result = await theirs.append(newStreamId(), [newEvent()], 'no_stream');

      expect(notified).toEqual([]);
      expect((await readFeed(mine, before)).events.map((event) => event.position)).toEqual([result.position]);
    });
  });

  describe('refusals', () => {
    it('refuses before writing anything what EventStoreDB cannot hold', async () => {
      const store = open();
      const streamId = newStreamId();
      await expect(store.append(streamId, [newEvent('A', {}, { id: 'event-1' })], 'any')).rejects.toThrow(/not a UUID/);
      await expect(store.append('$settings', [newEvent()], 'any')).rejects.toThrow(/reserved/);
      await expect(store.append(`${COMMAND_STREAM_PREFIX}x`, [newEvent()], 'any')).rejects.toThrow(/reserved/);
      const cmd = command();
      await expect(store.append(streamId, [newEvent('B', { amount: 1n })], 'any', { command: cmd })).rejects.toThrow(TypeError);
      expect(double().streamNames()).not.toContain(streamId);
      expect(double().streamNames()).not.toContain(claimStream(cmd.id));
    });

    it('refuses an invalid connection string without repeating its password', () => {
      expect(() => new EventStoreDbEventStore({ connectionString: 'esdb://admin:s3cret@' })).toThrow(
        /not a valid EventStoreDB connection string: esdb:\/\/\*\*\*@/,
      );
      expect(() => new EventStoreDbEventStore({ connectionString: 'esdb://admin:s3cret@' })).not.toThrow(/s3cret/);
      expect(() => new EventStoreDbEventStore({ connectionString: double().connectionString, deadlineMs: 0 })).toThrow(RangeError);
      expect(() => new EventStoreDbEventStore({ connectionString: double().connectionString, streamPrefixes: ['$'] })).toThrow(RangeError);
    });

    it('closes after a read that kept only the start of a long stream', async () => {
      const store = new EventStoreDbEventStore({ connectionString: double().connectionString });
      const streamId = newStreamId();
      const first = await store.append(streamId, [newEvent()], 'no_stream');
      await sleepPast(first.recordedAt);
      await store.append(streamId, newEvents(300), 0);

      expect(await store.readStream(streamId, { recordedAtOrBefore: first.recordedAt })).toHaveLength(1);
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('refuses calls once closed, and close may be called twice', async () => {
      const store = open();
      await store.append(newStreamId(), [newEvent()], 'no_stream');
      await store.close();
      await store.close();
      await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.append(newStreamId(), [newEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
});

async function readAllOf(read: AsyncIterable<ResolvedEvent>) {
  const events = [];
  for await (const resolved of read) if (resolved.event) events.push(resolved.event);
  return events;
}

/** A port nobody listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
