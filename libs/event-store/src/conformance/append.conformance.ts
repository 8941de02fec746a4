import { randomUUID } from 'node:crypto';
import type { AppendResult, RecordedEvent } from '../event-store.port';
import { verifyChain } from '../integrity/event-hash';
import {
  expectWrongRevision,
  newEvent,
  newEvents,
  newStreamId,
  readFeed,
  type StoreUnderTest,
} from './conformance-fixtures';

export function describeAppendConformance(store: StoreUnderTest): void {
  describe('append', () => {
    it('appends several events at once, with consecutive revisions and increasing positions', async () => {
      const streamId = newStreamId();
      const events = [newEvent('Opened', { a: 1 }, { id: randomUUID() }), newEvent('Edited'), newEvent('Closed')];

      const result = await store().append(streamId, events, 'no_stream');

      const stored = await store().readStream(streamId);
      expect(stored.map((e) => [e.revision, e.type])).toEqual([[0, 'Opened'], [1, 'Edited'], [2, 'Closed']]);
      expect(stored[0].id).toBe(events[0].id);
      expect(new Set(stored.map((e) => e.id)).size).toBe(3);
      expect(stored[0].position < stored[1].position && stored[1].position < stored[2].position).toBe(true);
      expect(result).toEqual({
        streamId,
        nextRevision: 2,
        position: stored[2].position,
        recordedAt: stored[2].metadata.recordedAt,
      });
      expect(stored.every((e) => e.metadata.recordedAt === result.recordedAt)).toBe(true);
    });

    it('appends none of the events when one of them cannot be stored', async () => {
      const streamId = newStreamId();
      const headBefore = await store().headPosition();
      const unstorable = newEvent('Broken', { amount: 10n }); // a bigint has no JSON form

      await expect(store().append(streamId, [newEvent(), newEvent(), unstorable], 'any')).rejects.toThrow();

      expect(await store().readStream(streamId)).toEqual([]);
      expect(await store().streamRevision(streamId)).toBe(-1);
      expect(await store().headPosition()).toBe(headBefore);
    });

    it('defaults schemaVersion to 1 and keeps an explicit one', async () => {
      const streamId = newStreamId();
      await store().append(streamId, [newEvent('V1'), newEvent('V3', {}, { schemaVersion: 3 })], 'no_stream');

      const [first, second] = await store().readStream(streamId);
      expect(first.schemaVersion).toBe(1);
      expect(second.schemaVersion).toBe(3);
    });
  });

  describe('expected revision', () => {
    it('accepts the exact current revision and refuses any other, appending nothing', async () => {
      const streamId = newStreamId();
      await store().append(streamId, newEvents(2), 'no_stream');

      await expect(store().append(streamId, [newEvent()], 1)).resolves.toMatchObject({ nextRevision: 2 });
      await expectWrongRevision(store().append(streamId, [newEvent()], 1), { streamId, currentRevision: 2 });
      await expectWrongRevision(store().append(streamId, [newEvent()], 3), { streamId, currentRevision: 2 });
      expect(await store().streamRevision(streamId)).toBe(2);
    });

    it('reports -1 as the current revision of a stream that does not exist', async () => {
      const streamId = newStreamId();
      await expectWrongRevision(store().append(streamId, [newEvent()], 0), { streamId, currentRevision: -1 });
      await expectWrongRevision(store().append(streamId, [newEvent()], 'stream_exists'), {
        streamId,
        currentRevision: -1,
      });
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it("'no_stream' holds only before the first event", async () => {
      const streamId = newStreamId();
      await store().append(streamId, [newEvent()], 'no_stream');
      await expectWrongRevision(store().append(streamId, newEvents(2), 'no_stream'), {
        streamId,
        currentRevision: 0,
      });
      expect(await store().streamRevision(streamId)).toBe(0);
    });

    it("'stream_exists' holds at any revision of an existing stream", async () => {
      const streamId = newStreamId();
      await store().append(streamId, newEvents(3), 'no_stream');
      await expect(store().append(streamId, [newEvent()], 'stream_exists')).resolves.toMatchObject({
        nextRevision: 3,
      });
    });

    it("'any' appends whether or not the stream exists", async () => {
      const streamId = newStreamId();
      await expect(store().append(streamId, [newEvent()], 'any')).resolves.toMatchObject({ nextRevision: 0 });
      await expect(store().append(streamId, [newEvent()], 'any')).resolves.toMatchObject({ nextRevision: 1 });
    });
  });

  describe('global order under concurrency', () => {
    it('keeps 100 concurrent appends in one total order, without gaps or reordering', async () => {
      const streams = [newStreamId(), newStreamId(), newStreamId(), newStreamId()];
      const shared = newStreamId();
      const headBefore = await store().headPosition();

      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i): Promise<AppendResult> => {
          const streamId = i % 2 === 0 ? shared : streams[i % streams.length];
          const count = i % 5 === 0 ? 3 : 1;
          return store().append(streamId, newEvents(count, `Step${i}`), 'any');
        }),
      );
      const appendedEvents = results.length + 2 * 20;

      const mine = new Set([...streams, shared]);
      const feed = (await readFeed(store(), headBefore)).events.filter((e) => mine.has(e.streamId));
      expect(feed).toHaveLength(appendedEvents);
      expect(new Set(feed.map((e) => e.id)).size).toBe(appendedEvents);
      for (let i = 1; i < feed.length; i += 1) {
        expect(feed[i].position > feed[i - 1].position).toBe(true);
        expect(feed[i].metadata.recordedAt >= feed[i - 1].metadata.recordedAt).toBe(true);
      }

      const byPosition = new Map(feed.map((e) => [e.position, e]));
      for (const result of results) {
        const last = byPosition.get(result.position);
        expect(last).toMatchObject({ streamId: result.streamId, revision: result.nextRevision });
      }

      for (const streamId of mine) {
        const stream = await store().readStream(streamId);
        const inFeed = feed.filter((e) => e.streamId === streamId);
        expect(stream.map((e) => e.revision)).toEqual(stream.map((_, n) => n));
        expect(inFeed.map((e) => e.id)).toEqual(stream.map((e) => e.id));
        expect(verifyChain(stream)).toEqual([]);
      }
      expectAppendsAdjacent(feed);
    });
  });
}

/** The events of one append (same type here) follow each other in the feed with nothing between. */
function expectAppendsAdjacent(feed: readonly RecordedEvent[]): void {
  const indexesByType = new Map<string, number[]>();
  feed.forEach((event, index) => indexesByType.set(event.type, [...(indexesByType.get(event.type) ?? []), index]));
  for (const indexes of indexesByType.values()) {
    expect(indexes).toEqual(indexes.map((_, n) => indexes[0] + n));
  }
}
