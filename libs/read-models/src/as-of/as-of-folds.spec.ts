import { MemoryEventStore, type EventStore, type ReadStreamOptions } from '@throughline/event-store';
import { AsOfFolds, type StreamView } from './as-of-folds';

/** A view that records every event it saw and who recorded it, so a wrong or missing event shows in the answer. */
const seen: StreamView<readonly string[]> = {
  initialState: [],
  evolve: (view, event, facts) => [...view, `${event.data.n as number}@${facts.revision} by ${facts.actor}`],
};

const minute = (n: number) => new Date(Date.UTC(2026, 2, 1, 9, n)).toISOString();

/** A store whose clock moves one minute per append, and which counts the events it hands out. */
function steppedStore() {
  let tick = 0;
  const store = new MemoryEventStore({ clock: () => new Date(minute(tick++)) });
  let eventsRead = 0;
  const counting: Pick<EventStore, 'readStream'> = {
    readStream: async (streamId: string, options?: ReadStreamOptions) => {
      const events = await store.readStream(streamId, options);
      eventsRead += events.length;
      return events;
    },
  };
  const append = async (streamId: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const n = await store.streamRevision(streamId);
      await store.append(streamId, [{ type: 'Counted', data: { n: n + 1 }, metadata: { actor: `actor-${(n + 1) % 3}`, correlationId: 'c' } }], 'any');
    }
  };
  return { counting, append, eventsRead: () => eventsRead, resetReads: () => (eventsRead = 0) };
}

const upTo = (revision: number) => Array.from({ length: revision + 1 }, (_, n) => `${n}@${n} by actor-${n % 3}`);

describe('AsOfFolds', () => {
  it('given a stream recorded a minute apart, when folded as of any instant, then it holds exactly the events recorded by then, with their facts', async () => {
    const { counting, append } = steppedStore();
    await append('s', 300);
    const folds = new AsOfFolds(counting, { pageSize: 16 });

    for (const n of [299, 0, 150, 17, 16, 15, 280, 31, 32, 1, 298]) {
      const folded = await folds.fold('s', seen, minute(n));
      expect(folded).toEqual({ view: upTo(n), revision: n, createdAt: minute(0), updatedAt: minute(n) });
    }
    const between = await folds.fold('s', seen, new Date(Date.parse(minute(40)) + 30_000).toISOString());
    expect(between?.view).toEqual(upTo(40));
  });

  it('given no event recorded by the instant, when folded, then the answer is null', async () => {
    const { counting, append } = steppedStore();
    await append('s', 3);
    const folds = new AsOfFolds(counting);

    expect(await folds.fold('s', seen, '2026-03-01T08:59:59.999Z')).toBeNull();
    expect(await folds.fold('unknown', seen, minute(10))).toBeNull();
  });

  it('given a long stream, when folded as of an early instant, then it reads at most one page past the instant', async () => {
    const { counting, append, eventsRead, resetReads } = steppedStore();
    await append('s', 1000);
    const folds = new AsOfFolds(counting, { pageSize: 50 });

    for (const n of [10, 499, 999]) {
      resetReads();
      const folded = await folds.fold('s', seen, minute(n));
      expect(folded?.revision).toBe(n);
      expect(eventsRead()).toBeLessThanOrEqual(Math.min(1000, n + 1 + 50));
    }
  });

  it('given events appended after a fold, when folded as of now, then they are included', async () => {
    const { counting, append } = steppedStore();
    await append('s', 100);
    const folds = new AsOfFolds(counting, { pageSize: 10 });
    await folds.fold('s', seen, minute(10_000));

    await append('s', 50);
    const folded = await folds.fold('s', seen, minute(10_000));

    expect(folded?.view).toEqual(upTo(149));
  });
});
