import fc from 'fast-check';
import { append, emptyList, listItems, listOf, type AppendOnlyList } from './append-only-list';

describe('an append-only list', () => {
  it('given any items appended one by one, then it holds them in order, and each earlier list still holds its own', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 1200 }), (items) => {
        const lists: AppendOnlyList<number>[] = [emptyList()];
        for (const item of items) lists.push(append(lists[lists.length - 1]!, item));
        expect(listItems(lists[lists.length - 1]!)).toEqual(items);
        for (const i of [0, Math.floor(items.length / 2), items.length]) expect(listItems(lists[i]!)).toEqual(items.slice(0, i));
      }),
      { numRuns: 60 },
    );
  });

  it('given a list past the first levels, then it survives a JSON round trip and stays shallow', () => {
    const items = Array.from({ length: 40_000 }, (_, i) => ({ i }));
    const list = listOf(items);
    expect(list.depth).toBe(3);
    const stored = JSON.parse(JSON.stringify(list)) as AppendOnlyList<{ i: number }>;
    expect(listItems(append(stored, { i: 40_000 }))).toEqual([...items, { i: 40_000 }]);
  });
});
