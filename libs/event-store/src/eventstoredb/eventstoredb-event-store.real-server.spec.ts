import { randomUUID } from 'node:crypto';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { eventually, newEvent, newEvents, newStreamId, readFeed } from '../conformance/conformance-fixtures';
import type { RecordedEvent } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The same conformance suite as against the test double, plus the feed and subscription behaviour
 * that needs no injected faults, against the real EventStoreDB at EVENTSTORE_CONNECTION_STRING
 * (`npm run test:eventstoredb`). Without the variable these tests are skipped.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING ?? '';
const describeWithServer = connectionString ? describe : describe.skip;

describeWithServer('EventStoreDbEventStore against the server at EVENTSTORE_CONNECTION_STRING', () => {
  describeEventStoreConformance('eventstoredb (real server)', async () => ({
    store: await EventStoreDbEventStore.open({ connectionString }),
  }));

  describe('feed and subscription', () => {
    let store: EventStoreDbEventStore;
    beforeEach(async () => {
      store = await EventStoreDbEventStore.open({ connectionString });
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps system and internal streams out of the feed', async () => {
      const before = await store.headPosition();
      const streamId = newStreamId();
      await store.append(streamId, newEvents(2), 'no_stream', { command: { id: randomUUID(), hash: 'h' } });

      const feed = (await readFeed(store, before)).events;

      expect(feed.some((event) => event.streamId.startsWith('$') || event.streamId.startsWith('_throughline.'))).toBe(false);
      expect(feed.filter((event) => event.streamId === streamId).map((event) => event.revision)).toEqual([0, 1]);
    });

    it('delivers stored events, reports it caught up, then follows live appends in order', async () => {
      const before = await store.headPosition();
      const streamId = newStreamId();
      await store.append(streamId, newEvents(2), 'no_stream');
      const seen: RecordedEvent[] = [];
      const errors: Error[] = [];
      let caughtUp = false;
      const subscription = store.subscribeToAll(before, (event) => void seen.push(event), (error) => errors.push(error), {
        onCaughtUp: () => {
          caughtUp = true;
        },
      });
      await subscription.started;
      await eventually(() => caughtUp, 5_000);
      await store.append(streamId, [newEvent()], 1);
      await eventually(() => seen.filter((event) => event.streamId === streamId).length === 3, 5_000);

      expect(seen.filter((event) => event.streamId === streamId).map((event) => event.revision)).toEqual([0, 1, 2]);
      await subscription.close();
      expect(errors).toEqual([]);
    });
  });
});
