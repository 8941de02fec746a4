import type { GlobalPosition, RecordedEvent } from '@throughline/event-store';
import { ArrayEventStore, incremented, opened } from './array-event-store.fixture';
import type { FeedTarget } from './feed';
import { PollingFeed } from './polling-feed';
import { ProjectionFailedError } from './projector-errors';

const A = 'counter-0b7c6f0e-0000-4000-8000-00000000000a';

/** The read models as a feed sees them: a position, the batches applied, the failures heard. */
class RecordingTarget implements FeedTarget {
  at: GlobalPosition | null = null;
  batches: GlobalPosition[][] = [];
  failures: Error[] = [];
  failOn: GlobalPosition | null = null;

  position = () => this.at;
  apply = (events: readonly RecordedEvent[]) => {
    const failing = events.find((event) => event.position === this.failOn);
    if (failing) throw new ProjectionFailedError('recording', failing, new Error('boom'));
    this.batches.push(events.map((event) => event.position));
    this.at = events[events.length - 1].position;
  };
  fail = (error: Error) => {
    this.failures.push(error);
  };
  reached = () => Promise.resolve();
}

/** A read the spec lets through when it chooses. */
const heldRead = (store: ArrayEventStore) => {
  let release = () => undefined as void;
  store.beforeRead = () =>
    new Promise<void>((resolve) => {
      release = resolve;
    });
  return {
    release: () => {
      store.beforeRead = async () => undefined;
      release();
    },
  };
};

describe('PollingFeed', () => {
  let store: ArrayEventStore;
  let target: RecordingTarget;
  let feed: PollingFeed;

  beforeEach(() => {
    store = new ArrayEventStore();
    target = new RecordingTarget();
    feed = new PollingFeed(store, target, { batchSize: 2, pollIntervalMs: 1_000 });
  });
  afterEach(async () => {
    await feed.stop();
    jest.useRealTimers();
  });

  it('given a follower, when another process appends unannounced, then the fallback poll delivers it within one interval', async () => {
    jest.useFakeTimers();
    // Appends by another process never reach this process's append listeners.
    jest.spyOn(store, 'onAppended').mockReturnValue(() => undefined);
    await feed.follow();
    await feed.catchUp();

    await store.append(A, [opened('pmo-1'), incremented(2), incremented(3)]);
    await jest.advanceTimersByTimeAsync(999);
    expect(target.batches).toEqual([]);

    await jest.advanceTimersByTimeAsync(1);
    expect(target.batches).toEqual([[1n, 2n], [3n]]);
  });

  it('given a follower, when a projection fails, then it stops following until followed again, and reports the failure', async () => {
    target.failOn = 2n;
    await feed.follow();
    await store.append(A, [opened('pmo-1'), incremented(2)]);

    await expect(feed.catchUp()).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(target.failures).toHaveLength(1);
    store.reads.length = 0;
    await store.append(A, [incremented(3)]);
    expect(store.reads).toEqual([]);

    target.failOn = null;
    await feed.follow();
    await feed.catchUp();
    expect(target.batches.flat()).toEqual([1n, 2n, 3n]);
  });

  it('given a read in flight, when the feed is stopped, then what the read returns is not applied', async () => {
    await store.append(A, [opened('pmo-1')]);
    const read = heldRead(store);
    const catchingUp = feed.catchUp();
    await new Promise((resolve) => setImmediate(resolve));

    const stopping = feed.stop();
    read.release();
    await Promise.all([catchingUp, stopping]);

    expect(target.batches).toEqual([]);
  });

  it('given a read in flight, when the read models are reset and followed again, then the stale read is dropped and the feed reads from the reset position', async () => {
    await store.append(A, [opened('pmo-1'), incremented(2), incremented(3)]);
    await feed.catchUp();
    target.batches = [];
    await store.append(A, [incremented(4)]);
    const read = heldRead(store);
    const catchingUp = feed.catchUp();
    await new Promise((resolve) => setImmediate(resolve));

    // What a rebuild does: stop, reset to nothing, follow again while the old read is still out.
    const stopping = feed.stop();
    target.at = null;
    await feed.follow();
    read.release();
    await Promise.all([catchingUp, stopping]);
    await feed.catchUp();

    expect(target.batches).toEqual([[1n, 2n], [3n, 4n]]);
  });
});
