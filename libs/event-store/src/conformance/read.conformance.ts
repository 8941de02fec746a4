import type { GlobalPosition } from '../event-store.port';
import { verifyChain } from '../integrity/event-hash';
import {
  eventually,
  isIsoUtcMillis,
  metadata,
  newEvent,
  newEvents,
  newStreamId,
  readFeed,
  sleep,
  sleepPast,
  type StoreUnderTest,
} from './conformance-fixtures';

export function describeReadConformance(store: StoreUnderTest): void {
  describe('readStream', () => {
    it('returns [] for a stream that does not exist', async () => {
      expect(await store().readStream(newStreamId())).toEqual([]);
    });

    it('reads from a revision and at most maxCount events', async () => {
      const streamId = newStreamId();
      await store().append(streamId, newEvents(5), 'no_stream');
      const revisions = async (options: { fromRevision?: number; maxCount?: number }) =>
        (await store().readStream(streamId, options)).map((e) => e.revision);

      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ fromRevision: 3, maxCount: 1 })).toEqual([3]);
      expect(await revisions({ fromRevision: 5 })).toEqual([]);
    });

    it('reads only the events recorded at or before an instant', async () => {
      const streamId = newStreamId();
      const first = await store().append(streamId, newEvents(2), 'no_stream');
      await sleepPast(first.recordedAt);
      const second = await store().append(streamId, [newEvent()], 1);
      expect(second.recordedAt > first.recordedAt).toBe(true);
      const upTo = async (instant: string) =>
        (await store().readStream(streamId, { recordedAtOrBefore: instant })).map((e) => e.revision);

      expect(await upTo(first.recordedAt)).toEqual([0, 1]);
      expect(await upTo(second.recordedAt)).toEqual([0, 1, 2]);
      expect(await upTo(new Date(Date.parse(first.recordedAt) - 1).toISOString())).toEqual([]);
      // The same instant written with an offset instead of Z.
      const withOffset = new Date(Date.parse(first.recordedAt) + 3_600_000).toISOString().replace('Z', '+01:00');
      expect(await upTo(withOffset)).toEqual([0, 1]);
    });
  });

  describe('readAll', () => {
    it('reads the feed after a position in batches, every event exactly once', async () => {
      const headBefore = await store().headPosition();
      const streams = [newStreamId(), newStreamId(), newStreamId()];
      const appended: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const streamId = streams[i % streams.length];
        await store().append(streamId, newEvents(1 + (i % 3)), 'any');
        appended.push(...(await store().readStream(streamId)).slice(-(1 + (i % 3))).map((e) => e.id));
      }

      const { events, batches } = await readFeed(store(), headBefore, 7);

      const mine = new Set(streams);
      expect(events.filter((e) => mine.has(e.streamId)).map((e) => e.id)).toEqual(appended);
      expect(batches.every((size) => size <= 7)).toBe(true);
      expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(appended.length / 7));
      expect(await store().readAll({ after: events[events.length - 1].position })).toEqual([]);
    });

    it('returns batches of 1000 by default', async () => {
      const headBefore = await store().headPosition();
      await store().append(newStreamId(), newEvents(1001), 'no_stream');

      const batch = await store().readAll(headBefore === null ? {} : { after: headBefore });
      expect(batch).toHaveLength(1000);
    });
  });

  describe('metadata and integrity', () => {
    it('returns the metadata as written, with recordedAt stamped by the store', async () => {
      const streamId = newStreamId();
      const full = metadata({
        commandId: 'cmd-1',
        causationId: 'cause-1',
        reason: 'quarterly review moved the target',
      });
      const result = await store().append(streamId, [newEvent('Full', {}, { metadata: full })], 'no_stream');
      await sleepPast(result.recordedAt);
      await store().append(streamId, [newEvent('Bare')], 0);

      const [withAll, bare] = await store().readStream(streamId);
      expect(withAll.metadata).toEqual({ ...full, recordedAt: result.recordedAt });
      expect(isIsoUtcMillis(withAll.metadata.recordedAt)).toBe(true);
      expect(Object.keys(bare.metadata).sort()).toEqual(['actor', 'correlationId', 'recordedAt']);
      expect(bare.metadata.recordedAt > withAll.metadata.recordedAt).toBe(true);
    });

    it('chains each event to the previous one of its stream by hash', async () => {
      const streamId = newStreamId();
      await store().append(streamId, newEvents(2), 'no_stream');
      await store().append(newStreamId(), newEvents(2), 'no_stream');
      await store().append(streamId, [newEvent()], 1);
      await store().append(streamId, newEvents(2), 2);

      const stream = await store().readStream(streamId);
      expect(stream[0].prevHash).toBe('');
      for (let i = 1; i < stream.length; i += 1) expect(stream[i].prevHash).toBe(stream[i - 1].hash);
      expect(stream.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
      expect(verifyChain(stream)).toEqual([]);
      expect(verifyChain(stream.slice(3), stream[2])).toEqual([]);
    });
  });

  describe('stream revision, head position and notifications', () => {
    it('reports the current revision of a stream, -1 when it does not exist', async () => {
      const streamId = newStreamId();
      expect(await store().streamRevision(streamId)).toBe(-1);
      await store().append(streamId, [newEvent()], 'no_stream');
      expect(await store().streamRevision(streamId)).toBe(0);
      await store().append(streamId, newEvents(2), 0);
      expect(await store().streamRevision(streamId)).toBe(2);
    });

    it('reports the position of the last stored event as the head', async () => {
      const first = await store().append(newStreamId(), newEvents(2), 'no_stream');
      expect(await store().headPosition()).toBe(first.position);
      const second = await store().append(newStreamId(), [newEvent()], 'no_stream');
      expect(second.position > first.position).toBe(true);
      expect(await store().headPosition()).toBe(second.position);
    });

    it('notifies listeners with the committed position until they unsubscribe', async () => {
      const seen: GlobalPosition[] = [];
      const unsubscribe = store().onAppended((position) => seen.push(position));

      const result = await store().append(newStreamId(), newEvents(2), 'no_stream');
      await eventually(() => seen.includes(result.position));
      expect(seen.every((position) => position <= result.position)).toBe(true);

      unsubscribe();
      const countBefore = seen.length;
      await store().append(newStreamId(), [newEvent()], 'no_stream');
      await sleep(20);
      expect(seen).toHaveLength(countBefore);
    });
  });
}
