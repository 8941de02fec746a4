import fc from 'fast-check';
import { sortInTurns } from './sort-in-turns';
import { WorkTurns } from './work-turns';

/** Counts the batches that asked for a turn. */
class CountedTurns extends WorkTurns {
  taken = 0;
  override take<T>(batch: () => Promise<T>): Promise<T> {
    this.taken += 1;
    return super.take(batch);
  }
}

const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe('sorting in turns', () => {
  it('orders any list as a stable sort does, whatever the slice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), tag: fc.nat() }), { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), async (items, slice) => {
        const sorted = await sortInTurns(items, byKey, new WorkTurns(), slice);

        expect(sorted).toEqual([...items].sort(byKey));
      }),
    );
  });

  it('given more items than a slice, takes a turn for every slice sorted and merged', async () => {
    const turns = new CountedTurns();
    const items = Array.from({ length: 100 }, (_, i) => ({ key: (i * 37) % 100 }));

    const sorted = await sortInTurns(items, byKey, turns, 25);

    expect(sorted.map((item) => item.key)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // 4 runs of 25 sorted and one found empty, then merges of 2 × 50 items and 1 × 100 items, 25 per turn.
    expect(turns.taken).toBe(4 + 1 + 2 * 2 + 4);
  });

  it('refuses a slice that is not a positive integer', async () => {
    await expect(sortInTurns([1], (a, b) => a - b, new WorkTurns(), 0)).rejects.toThrow('slice must be a positive integer');
  });
});
