import { InputError, ResultTooLargeError } from './app-errors';
import {
  cappedList,
  connectionOf,
  decodeCursor,
  encodeCursor,
  filteredCount,
  filteredRead,
  type Bounds,
  type Direction,
  type Keyset,
  type KeyShape,
  type PageArgs,
} from './connections';

type Key = readonly [day: string, n: number];
const SHAPE: KeyShape = { kind: 'days', parts: ['string', 'integer'] };

const compare = (a: Key, b: Key): number => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] - b[1]);

/** Rows between the bounds in key order, as a query with ORDER BY and LIMIT reads them; `reads` counts the rows read. */
const rowsOf = (keys: readonly Key[], reads = { rows: 0 }) => {
  const sorted = [...keys].sort(compare);
  return (bounds: Bounds<Key>, direction: Direction, limit: number): Key[] => {
    const inside = sorted.filter((k) => (bounds.after === null || compare(k, bounds.after) > 0) && (bounds.before === null || compare(k, bounds.before) < 0));
    const page = (direction === 'forward' ? inside : inside.reverse()).slice(0, limit);
    reads.rows += page.length;
    return page;
  };
};

const keysetOf = (keys: readonly Key[]): Keyset<Key, string> => {
  const rows = rowsOf(keys);
  return {
    shape: SHAPE,
    read: async (bounds, direction, limit) => rows(bounds, direction, limit).map((key) => ({ key, node: `${key[0]}#${key[1]}` })),
    count: async () => keys.length,
  };
};

const KEYS: Key[] = Array.from({ length: 23 }, (_, n) => [`2026-03-${String(10 + (n % 5)).padStart(2, '0')}`, n] as const);
const ALL = [...KEYS].sort(compare).map((key) => `${key[0]}#${key[1]}`);

const page = (args: PageArgs) => connectionOf(keysetOf(KEYS), args);

describe('cursors', () => {
  it('carry the list and the key, and come back as the same key', () => {
    const cursor = encodeCursor(SHAPE, ['2026-03-10', 7]);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, SHAPE, 'after')).toEqual(['2026-03-10', 7]);
    expect(decodeCursor(encodeCursor({ kind: 'log', parts: ['bigint'] }, [2n ** 60n]), { kind: 'log', parts: ['bigint'] }, 'before')).toEqual([2n ** 60n]);
  });

  it('refuse a position past what the store can hold', () => {
    const shape: KeyShape = { kind: 'log', parts: ['bigint'] };
    const cursor = (digits: string) => Buffer.from(JSON.stringify(['log', digits])).toString('base64url');

    expect(decodeCursor(cursor('9223372036854775807'), shape, 'after')).toEqual([2n ** 63n - 1n]);
    expect(() => decodeCursor(cursor('9223372036854775808'), shape, 'after')).toThrow(InputError);
    expect(() => decodeCursor(cursor('1e3'), shape, 'after')).toThrow(InputError);
  });

  it.each([
    ['not base64url', 'a cursor!'],
    ['not JSON', Buffer.from('days:1').toString('base64url')],
    ["another list's", encodeCursor({ kind: 'weeks', parts: ['string', 'integer'] }, ['2026-03-10', 7])],
    ['a key of the wrong shape', Buffer.from(JSON.stringify(['days', 7, '2026-03-10'])).toString('base64url')],
    ['a key too short', Buffer.from(JSON.stringify(['days', '2026-03-10'])).toString('base64url')],
    ['a negative position', Buffer.from(JSON.stringify(['days', '2026-03-10', -1])).toString('base64url')],
    ['a fraction', Buffer.from(JSON.stringify(['days', '2026-03-10', 1.5])).toString('base64url')],
    ['empty', ''],
  ])('refuse %s, naming the argument', (_what, cursor) => {
    const refused = (() => {
      try {
        decodeCursor(cursor, SHAPE, 'before');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({ field: 'before' });
  });
});

describe('a connection over a keyset', () => {
  it('pages forward from the start and on from each end cursor, telling where the ends are', async () => {
    const first = await page({ first: 10 });
    const second = await page({ first: 10, after: first.pageInfo.endCursor! });
    const third = await page({ first: 10, after: second.pageInfo.endCursor! });

    expect([...first.edges, ...second.edges, ...third.edges].map((e) => e.node)).toEqual(ALL);
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: first.edges[0]!.cursor });
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(third.edges).toHaveLength(3);
    expect(third.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false, endCursor: third.edges[2]!.cursor });
  });

  it('pages backward from the end, each page in list order', async () => {
    const last = await page({ last: 10 });
    const before = await page({ last: 10, before: last.pageInfo.startCursor! });
    const start = await page({ last: 10, before: before.pageInfo.startCursor! });

    expect(last.edges.map((e) => e.node)).toEqual(ALL.slice(13));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(before.edges.map((e) => e.node)).toEqual(ALL.slice(3, 13));
    expect(start.edges.map((e) => e.node)).toEqual(ALL.slice(0, 3));
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('answers the items between two cursors, and says what lies beyond each', async () => {
    const all = await page({ first: 23 });
    const between = await page({ first: 20, after: all.edges[4]!.cursor, before: all.edges[9]!.cursor });

    expect(between.edges.map((e) => e.node)).toEqual(ALL.slice(5, 9));
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('answers an empty page past the end with the ends as they are', async () => {
    const all = await page({ first: 23 });
    const past = await page({ first: 5, after: all.pageInfo.endCursor! });
    const none = await connectionOf(keysetOf([]), {});

    expect(past).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
    expect(none.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(await none.totalCount).toBe(0);
  });

  it('pages 50 by default and refuses a page size out of 1..500 or first with last, naming the argument', async () => {
    const many = Array.from({ length: 120 }, (_, n) => ['2026-01-01', n] as const);
    expect((await connectionOf(keysetOf(many), {})).edges).toHaveLength(50);
    expect((await connectionOf(keysetOf(many), { first: null, last: null })).edges).toHaveLength(50);

    await expect(page({ first: 501 })).rejects.toMatchObject({ field: 'first' });
    await expect(page({ first: 0 })).rejects.toMatchObject({ field: 'first' });
    await expect(page({ last: 1.5 })).rejects.toMatchObject({ field: 'last' });
    await expect(page({ first: 2, last: 2 })).rejects.toMatchObject({ field: 'last' });
  });

  it('counts only when the count is read', async () => {
    let counted = 0;
    const keyset = { ...keysetOf(KEYS), count: async () => (counted += 1) };
    const connection = await connectionOf(keyset, { first: 2 });

    expect(counted).toBe(0);
    expect(await connection.totalCount).toBe(1);
  });
});

describe('the cap on an unbounded list', () => {
  it('answers the whole list up to the cap, reading one item past it to tell', async () => {
    const reads = { rows: 0 };
    const rows = rowsOf(KEYS, reads);
    const keyset: Keyset<Key, Key> = { shape: SHAPE, read: async (b, d, l) => rows(b, d, l).map((key) => ({ key, node: key })), count: async () => 0 };

    expect(await cappedList(keyset, 23, { field: 'days', connection: 'daysConnection' })).toHaveLength(23);
    await expect(cappedList(keyset, 5, { field: 'days', connection: 'daysConnection' })).rejects.toEqual(new ResultTooLargeError('days', 'daysConnection', 5));
    expect(reads.rows).toBe(23 + 6);
  });
});

describe('a keyset some of whose rows are left out', () => {
  const odd = (keys: readonly Key[]) => keys.map((key) => (key[1] % 2 === 1 ? `#${key[1]}` : null));

  it('reads on from where the last chunk ended until the page is full, and counts what it keeps', async () => {
    const keys = Array.from({ length: 1000 }, (_, n) => ['2026-01-01', n] as const);
    const reads = { rows: 0 };
    const read = filteredRead(rowsOf(keys, reads), (key) => key, odd);

    const page = await read({ after: ['2026-01-01', 100], before: null }, 'forward', 200);
    const back = await read({ after: null, before: ['2026-01-01', 10] }, 'backward', 3);

    expect(page.map((item) => item.node)).toEqual(Array.from({ length: 200 }, (_, i) => `#${101 + 2 * i}`));
    expect(reads.rows).toBeLessThan(600);
    expect(back.map((item) => item.node)).toEqual(['#9', '#7', '#5']);
    expect(await filteredCount(rowsOf(keys), (key) => key, odd)()).toBe(500);
  });
});
