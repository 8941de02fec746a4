import { Inject, Injectable, type Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { AppConfig } from '@throughline/runtime';
import { InputError, ResultTooLargeError } from './app-errors';
import { APP_CONFIG } from './tokens';

/**
 * Relay-style connections over keyset pages. Every list that can grow without bound is ordered by
 * a key of immutable values that no two items share (a day and an id, a global position...), and a
 * cursor names one such key. A page is "the next n items after this key", so items recorded while a
 * client pages land before or after the keys already seen and never shift a page boundary: nothing
 * already in the list is skipped or shown twice.
 */

/** Items on a page when neither `first` nor `last` is given. */
export const DEFAULT_PAGE = 50;
/** The most items one page may hold. */
export const MAX_PAGE = 500;

/** A key: the values one item is ordered by, most significant first. */
export type Key = readonly (string | number | bigint)[];

export type KeyPart = 'string' | 'integer' | 'bigint';

/** What a list's cursors hold: a tag naming the list, so that another list's cursor is refused, and the key's parts. */
export interface KeyShape {
  readonly kind: string;
  readonly parts: readonly KeyPart[];
}

const MAX_POSITION = 2n ** 63n - 1n;

/** Key parts longer than this are no key any list holds (ids and days are far shorter). */
const MAX_KEY_TEXT = 400;

const jsonPart = (value: string | number | bigint): string | number => (typeof value === 'bigint' ? value.toString() : value);

/** Opaque to clients: base64url of the JSON [kind, ...key]. */
export const encodeCursor = (shape: KeyShape, key: Key): string =>
  Buffer.from(JSON.stringify([shape.kind, ...key.map(jsonPart)]), 'utf8').toString('base64url');

const partOf = (part: KeyPart, value: unknown): string | number | bigint | undefined => {
  if (part === 'string') return typeof value === 'string' && value.length <= MAX_KEY_TEXT ? value : undefined;
  if (part === 'integer') return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
  // A position is a signed 64-bit integer in the store; anything larger names nothing and could not be bound.
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_POSITION ? BigInt(value) : undefined;
};

/** The key a cursor of this list names; anything else is the client's mistake on `field`. */
export const decodeCursor = <K extends Key>(cursor: string, shape: KeyShape, field: 'after' | 'before'): K => {
  const refused = () => new InputError(field, `${field} "${cursor.slice(0, 60)}" is not a cursor of this list`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.parts.length + 1 || parsed[0] !== shape.kind) throw refused();
  const key = shape.parts.map((part, i) => partOf(part, parsed[i + 1]));
  if (key.some((value) => value === undefined)) throw refused();
  return key as unknown as K;
};

/** The paging arguments as a client sends them. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

export type Direction = 'forward' | 'backward';

/** Exclusive bounds on the key; null: open on that side. */
export interface Bounds<K> {
  readonly after: K | null;
  readonly before: K | null;
}

export interface PageRequest<K> extends Bounds<K> {
  readonly direction: Direction;
  readonly size: number;
}

const sizeOf = (value: number, field: 'first' | 'last'): number => {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE) throw new InputError(field, `${field} must be between 1 and ${MAX_PAGE}`);
  return value;
};

/** Checks the arguments and reads the cursors: `last` pages backwards from the end (or from `before`). */
export const pageRequest = <K extends Key>(args: PageArgs, shape: KeyShape): PageRequest<K> => {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) throw new InputError('last', 'ask for first or last, not both');
  const bounds = {
    after: args.after === null || args.after === undefined ? null : decodeCursor<K>(args.after, shape, 'after'),
    before: args.before === null || args.before === undefined ? null : decodeCursor<K>(args.before, shape, 'before'),
  };
  if (last !== null) return { direction: 'backward', size: sizeOf(last, 'last'), ...bounds };
  return { direction: 'forward', size: first === null ? DEFAULT_PAGE : sizeOf(first, 'first'), ...bounds };
};

export interface Keyed<K, N> {
  readonly key: K;
  readonly node: N;
}

/** One list in its key order. */
export interface Keyset<K extends Key, N> {
  readonly shape: KeyShape;
  /**
   * Up to `limit` items with keys strictly between the bounds, nearest the start of the direction
   * first (backward: the greatest key first). Push the limit into the query: a page should cost a page.
   */
  read(bounds: Bounds<K>, direction: Direction, limit: number): Promise<readonly Keyed<K, N>[]>;
  /** How many items the whole list holds, whatever the bounds. */
  count(): Promise<number>;
}

export interface Edge<N> {
  readonly cursor: string;
  readonly node: N;
}

export interface PageInfoValue {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Connection<N> {
  readonly edges: readonly Edge<N>[];
  readonly pageInfo: PageInfoValue;
  /** Counted only when read (a getter): GraphQL reads it only when a client selects it, and counting costs more than a page. */
  readonly totalCount: Promise<number>;
}

/**
 * One page of the list. hasNextPage and hasPreviousPage say whether the list holds anything after
 * the page's last item and before its first, whichever way it was paged: the row read beyond the
 * page answers one of them, a one-row read the other when a cursor says there may be some.
 */
export async function connectionOf<K extends Key, N>(keyset: Keyset<K, N>, args: PageArgs): Promise<Connection<N>> {
  const { direction, size, after, before } = pageRequest<K>(args, keyset.shape);
  const read = await keyset.read({ after, before }, direction, size + 1);
  const more = read.length > size;
  const items = read.slice(0, size);
  if (direction === 'backward') items.reverse();
  const low = items[0]?.key ?? null;
  const high = items[items.length - 1]?.key ?? null;
  const any = async (bounds: Bounds<K>, towards: Direction) => (await keyset.read(bounds, towards, 1)).length > 0;
  // An empty page between two cursors: whatever lies beyond one cursor lies beyond the other too.
  const anyAfter = () => any({ after: high ?? after, before: null }, 'forward');
  const anyBefore = () => any({ after: null, before: low ?? before }, 'backward');
  const forward = direction === 'forward';
  const hasNextPage = forward ? more || (before !== null && (await anyAfter())) : before !== null && (await anyAfter());
  const hasPreviousPage = forward ? after !== null && (await anyBefore()) : more || (after !== null && (await anyBefore()));
  const edges = items.map((item) => ({ cursor: encodeCursor(keyset.shape, item.key), node: item.node }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    get totalCount() {
      return keyset.count();
    },
  };
}

/**
 * What an unbounded list field still answers: the whole list in key order while it holds at most
 * `cap` items, or RESULT_TOO_LARGE naming the connection to page through instead. Never a list cut
 * short without saying so, and never more than cap + 1 items read to find out.
 */
export async function cappedList<K extends Key, N>(keyset: Keyset<K, N>, cap: number, names: { field: string; connection: string }): Promise<N[]> {
  const read = await keyset.read({ after: null, before: null }, 'forward', cap + 1);
  if (read.length > cap) throw new ResultTooLargeError(names.field, names.connection, cap);
  return read.map((item) => item.node);
}

/** The cap the configuration sets (PMO_LIST_CAP) on every unbounded list field. */
@Injectable()
export class ListCap {
  readonly rows: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'listCap'>) {
    this.rows = config.listCap;
  }

  list<K extends Key, N>(keyset: Keyset<K, N>, field: string, connection: string): Promise<N[]> {
    return cappedList(keyset, this.rows, { field, connection });
  }
}

/** Rows read per query when some of them may be left out: enough that a page rarely needs a second read. */
const FILTERED_CHUNK = 100;
/** Rows read per query when counting through a filter. */
const COUNT_CHUNK = 500;

type RowReader<K, R> = (bounds: Bounds<K>, direction: Direction, limit: number) => readonly R[] | Promise<readonly R[]>;
/** Lined up with the rows; null leaves a row out (a derived field did not match, an entity did not exist then). */
type NodesOf<R, N> = (rows: readonly R[]) => readonly (N | null)[] | Promise<readonly (N | null)[]>;

/**
 * A keyset's read where the query cannot tell which rows the list keeps (health is derived, an
 * entity as of an instant is folded): rows are read in key order a chunk at a time, from where the
 * last chunk ended, until the page is full or the rows run out.
 */
export const filteredRead =
  <K extends Key, R, N>(rows: RowReader<K, R>, keyOf: (row: R) => K, nodesOf: NodesOf<R, N>, { rarelyLeavesOut = false } = {}) =>
  async (bounds: Bounds<K>, direction: Direction, limit: number): Promise<Keyed<K, N>[]> => {
    const kept: Keyed<K, N>[] = [];
    let from = bounds;
    // Where rows are seldom left out, reading exactly what is missing spares building nodes never shown.
    const least = rarelyLeavesOut ? 1 : FILTERED_CHUNK;
    for (;;) {
      const chunk = Math.max(limit - kept.length, least);
      const read = await rows(from, direction, chunk);
      const nodes = await nodesOf(read);
      for (let i = 0; i < read.length && kept.length < limit; i += 1) {
        const node = nodes[i];
        if (node !== null && node !== undefined) kept.push({ key: keyOf(read[i] as R), node });
      }
      if (kept.length >= limit || read.length < chunk) return kept;
      const last = keyOf(read[read.length - 1] as R);
      from = direction === 'forward' ? { ...from, after: last } : { ...from, before: last };
    }
  };

/** The count of what filteredRead keeps, over the whole list, a chunk at a time. */
export const filteredCount =
  <K extends Key, R, N>(rows: RowReader<K, R>, keyOf: (row: R) => K, nodesOf: NodesOf<R, N>) =>
  async (): Promise<number> => {
    let count = 0;
    let after: K | null = null;
    for (;;) {
      const read = await rows({ after, before: null }, 'forward', COUNT_CHUNK);
      const nodes = await nodesOf(read);
      count += nodes.filter((node) => node !== null && node !== undefined).length;
      if (read.length < COUNT_CHUNK) return count;
      after = keyOf(read[read.length - 1] as R);
    }
  };

@ObjectType({ description: 'Where a page sits in its list' })
export class PageInfo {
  @Field({ description: 'the list holds items after the last edge of this page' }) hasNextPage!: boolean;
  @Field({ description: 'the list holds items before the first edge of this page' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "the first edge's cursor; null on an empty page" }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "the last edge's cursor; null on an empty page" }) endCursor!: string | null;
}

/** The GraphQL types `<Name>Edge` and `<Name>Connection` of a list of `node`. */
export function connectionType<N>(name: string, node: Type<N>): Type<Connection<N>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'names this place in the list for after and before' }) cursor!: string;
    @Field(() => node) node!: N;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'items in the whole list, whatever the page' }) totalCount!: number;
  }

  return ConnectionType as unknown as Type<Connection<N>>;
}

const PAGE_SIZE = `${DEFAULT_PAGE} when neither first nor last is given; at most ${MAX_PAGE}`;

/** @Args options of the paging arguments, the same on every connection. */
export const FIRST = { type: () => Int, nullable: true, description: `the first items of the list (after \`after\`); ${PAGE_SIZE}` } as const;
export const AFTER = { type: () => String, nullable: true, description: 'the cursor of the edge the page starts after' } as const;
export const LAST = { type: () => Int, nullable: true, description: `the last items of the list (before \`before\`); ${PAGE_SIZE}` } as const;
export const BEFORE = { type: () => String, nullable: true, description: 'the cursor of the edge the page ends before' } as const;
