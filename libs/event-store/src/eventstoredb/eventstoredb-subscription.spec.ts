import { randomUUID } from 'node:crypto';
import { eventually, newEvent, newEvents, newStreamId, readFeed } from '../conformance/conformance-fixtures';
import { StoreUnavailableError } from '../errors';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import { EventStoreDbTestDouble } from './test-double/eventstoredb-test-double';
import { useTestDouble } from './test-double/use-test-double';

describe('EventStoreDbEventStore', () => {
  const { double, open } = useTestDouble();
  const command = () => ({ id: randomUUID(), hash: 'payload-hash' });

  describe('subscribeToAll', () => {
    it('delivers the stored events, reports it caught up, follows live appends in order, and resumes after a position', async () => {
      const store = open();
      const before = await store.headPosition();
      const [first, second] = [newStreamId(), newStreamId()];
      await store.append(first, newEvents(2), 'no_stream');
      await store.append(second, [newEvent()], 'no_stream', { command: command() });
      const seen: RecordedEvent[] = [];
      const errors: Error[] = [];
      let caughtUpAfter = -1;

      const subscription = store.subscribeToAll(before, (event) => void seen.push(event), (error) => errors.push(error), {
        onCaughtUp: () => {
          caughtUpAfter = seen.length;
        },
      });
      await subscription.started;
      await eventually(() => caughtUpAfter >= 0);
      await store.append(first, newEvents(2), 1);
      await eventually(() => seen.length === 5);

      expect(caughtUpAfter).toBe(3);
      expect(seen.map((event) => [event.streamId, event.revision])).toEqual([
        [first, 0],
        [first, 1],
        [second, 0],
        [first, 2],
        [first, 3],
      ]);
      expect(seen).toEqual((await readFeed(store, before)).events);
      expect(subscription.position).toBe(seen[4].position);
      await subscription.close();
      expect(errors).toEqual([]);

      const resumed: RecordedEvent[] = [];
      const again = store.subscribeToAll(seen[2].position, (event) => void resumed.push(event), (error) => errors.push(error));
      await eventually(() => resumed.length === 2);
      expect(resumed).toEqual(seen.slice(3));
      await again.close();
      expect(errors).toEqual([]);
    });

    it('waits for each handler before the next event', async () => {
      const store = open();
      const before = await store.headPosition();
      const streamId = newStreamId();
      await store.append(streamId, newEvents(3), 'no_stream');
      const log: string[] = [];

      const subscription = store.subscribeToAll(before, async (event) => {
        log.push(`start ${event.revision}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`end ${event.revision}`);
      }, () => undefined);
      await eventually(() => log.length === 6);

      expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
      await subscription.close();
    });

    it('reports checkpoints past events the filter leaves out, after the events before them', async () => {
      const store = open();
      const last = await store.append(newStreamId(), [newEvent()], 'no_stream');
      const checkpoints: GlobalPosition[] = [];
      const seen: RecordedEvent[] = [];
      let caughtUp = false;
      const subscription = store.subscribeToAll(last.position, (event) => void seen.push(event), () => undefined, {
        onCaughtUp: () => {
          caughtUp = true;
        },
        onCheckpoint: (position) => void checkpoints.push(position),
      });
      await eventually(() => caughtUp);

      for (let n = 0; n < 70; n += 1) double().writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
      await eventually(() => checkpoints.length >= 2);

      expect(seen).toEqual([]);
      expect(checkpoints[0] > last.position && checkpoints[1] > checkpoints[0]).toBe(true);
      expect(subscription.position).toBe(checkpoints[checkpoints.length - 1]);
      const next = await store.append(newStreamId(), [newEvent()], 'no_stream');
      await eventually(() => seen.length === 1);
      expect(seen[0].position).toBe(next.position);
      await subscription.close();
    });

    it('ends with one onError when a handler throws, delivering nothing after it', async () => {
      const store = open();
      const before = await store.headPosition();
      await store.append(newStreamId(), newEvents(2), 'no_stream');
      const handled: number[] = [];
      const errors: Error[] = [];

      store.subscribeToAll(before, (event) => {
        handled.push(event.revision);
        throw new Error('projection failed');
      }, (error) => errors.push(error));
      await eventually(() => errors.length === 1);
      await store.append(newStreamId(), [newEvent()], 'no_stream');

      expect(errors.map((error) => error.message)).toEqual(['projection failed']);
      expect(handled).toEqual([0]);
    });

    it('ends with StoreUnavailableError when the server goes away', async () => {
      const own = await EventStoreDbTestDouble.start();
      const store = open({}, own.connectionString);
      const errors: Error[] = [];
      const subscription = store.subscribeToAll(null, () => undefined, (error) => errors.push(error));
      await subscription.started;

      await own.stop();
      await eventually(() => errors.length === 1);

      expect(errors[0]).toBeInstanceOf(StoreUnavailableError);
      expect(errors[0].message).toContain(`127.0.0.1:${own.port}`);
    });
  });

});
