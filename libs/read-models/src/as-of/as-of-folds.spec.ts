import { MemoryEventStore } from '@throughline/event-store';
import { AsOfFolds, type StreamView } from './as-of-folds';
import { countingReads } from './counting-reads.fixture';

/** A view that records every event it saw, so a wrong or missing event shows in the answer. */
const folder: StreamView<readonly number[]> = {
  initialState: [],
  evolve: (view, event) => [...view, event.data.n as number],
};

const minute = (n: number) => new Date(Date.UTC(2026, 2, 1, 9, n)).toISOString();

/** A store whose clock moves one minute per append, and which counts the events it hands out. */
function steppedStore() {
  let tick = 0;
  const store = new MemoryEventStore({ clock: () => new Date(minute(tick++)) });
  const { counting, eventsRead, resetReads } = countingReads(store);
  const append = async (streamId: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const n = await store.streamRevision(streamId);
      await store.append(streamId, [{ type: 'Counted', data: { n: n + 1 }, metadata: { actor: 'a', correlationId: 'c' } }], 'any');
    }
  };
  return { store, counting, append, eventsRead, resetReads };
}

const upTo = (revision: number) => Array.from({ length: revision + 1 }, (_, n) => n);

describe('AsOfFolds', () => {
  it('given a stream recorded a minute apart, when folded as of any instant, then it holds exactly the events recorded by then', async () => {
    const { counting, append } = steppedStore();
    await append('s', 300);
    const folds = new AsOfFolds(counting, { interval: 16 });

    // Forward, backward and at random: checkpoints left by one question must not bend another.
    const instants = [299, 0, 150, 17, 16, 15, 280, 31, 32, 1, 298];
    for (const n of instants) {
      const folded = await folds.fold('s', folder, minute(n));
      expect(folded).toEqual({ view: upTo(n), revision: n, createdAt: minute(0), updatedAt: minute(n) });
    }
    const between = await folds.fold('s', folder, new Date(Date.parse(minute(40)) + 30_000).toISOString());
    expect(between?.view).toEqual(upTo(40));
  });

  it('given no event recorded by the instant, when folded, then the answer is null', async () => {
    const { counting, append } = steppedStore();
    await append('s', 3);
    const folds = new AsOfFolds(counting);

    expect(await folds.fold('s', folder, '2026-03-01T08:59:59.999Z')).toBeNull();
    expect(await folds.fold('unknown', folder, minute(10))).toBeNull();
  });

  it('given a stream folded once, when asked again at any instant, then it reads at most one interval of events', async () => {
    const { counting, append, eventsRead, resetReads } = steppedStore();
    await append('s', 1000);
    const folds = new AsOfFolds(counting, { interval: 32 });
    await folds.fold('s', folder, minute(999));

    for (const n of [999, 500, 33, 700, 0]) {
      resetReads();
      const folded = await folds.fold('s', folder, minute(n));
      expect(folded?.revision).toBe(n);
      expect(eventsRead()).toBeLessThanOrEqual(32);
    }
  });

  it('given events appended after the last fold, when folded as of now, then they are included and extend the checkpoints', async () => {
    const { counting, append } = steppedStore();
    await append('s', 100);
    const folds = new AsOfFolds(counting, { interval: 10 });
    await folds.fold('s', folder, minute(99));
    const before = folds.size;

    await append('s', 50);
    const folded = await folds.fold('s', folder, minute(10_000));

    expect(folded?.view).toEqual(upTo(149));
    expect(folds.size).toBe(before + 5);
  });

  it('given a small budget, when many streams are folded, then the least recently used are dropped and answers stay exact', async () => {
    const { counting, append } = steppedStore();
    for (const stream of ['a', 'b', 'c']) await append(stream, 40);
    const folds = new AsOfFolds(counting, { interval: 10, maxCheckpoints: 8 });

    await folds.fold('a', folder, minute(10_000));
    await folds.fold('b', folder, minute(10_000));
    await folds.fold('c', folder, minute(10_000));

    expect(folds.size).toBeLessThanOrEqual(8);
    const a = await folds.fold('a', folder, minute(10_000));
    expect(a?.view).toHaveLength(40);
  });

  it('given two folds of one stream at once, when both finish, then checkpoints are not duplicated and both are exact', async () => {
    const { counting, append } = steppedStore();
    await append('s', 100);
    const folds = new AsOfFolds(counting, { interval: 10 });

    const [first, second] = await Promise.all([folds.fold('s', folder, minute(99)), folds.fold('s', folder, minute(99))]);

    expect(first?.view).toEqual(upTo(99));
    expect(second?.view).toEqual(upTo(99));
    expect(folds.size).toBe(10);
  });

  it('given events recorded by several people, when folded, then the view is given each event\'s revision, instant and actor', async () => {
    const store = new MemoryEventStore({ clock: () => new Date(minute(7)) });
    for (const actor of ['ada', 'lin', 'ada']) {
      await store.append('s', [{ type: 'Counted', data: { n: 0 }, metadata: { actor, correlationId: 'c' } }], 'any');
    }
    const facts: StreamView<readonly string[]> = {
      initialState: [],
      evolve: (view, _event, { revision, recordedAt, actor }) => [...view, `${revision} ${recordedAt} ${actor}`],
    };
    const folded = await new AsOfFolds(store).fold('s', facts, minute(7));
    expect(folded?.view).toEqual([`0 ${minute(7)} ada`, `1 ${minute(7)} lin`, `2 ${minute(7)} ada`]);
  });
});
