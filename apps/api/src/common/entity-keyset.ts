import type { EntityKey, EntityKind, EntityPageFilter } from '@throughline/read-models';
import { filteredCount, filteredRead, type Bounds, type Direction, type Keyset } from './connections';
import type { EntityReader, EntitySlot, Existing } from './entity-reader';

/** A list of entities as a connection shows it. */
export interface EntityList<V extends { readonly status: string }, N> {
  /** Names the list in its cursors. */
  readonly cursor: string;
  readonly kind: EntityKind<V>;
  readonly filter: EntityPageFilter;
  /** Now (null), or as of a recorded instant. */
  readonly asOf: string | null;
  /** The nodes shown of the views, lined up with them; null leaves one out. */
  readonly nodes: (views: readonly Existing<V>[]) => readonly (N | null)[] | Promise<readonly (N | null)[]>;
  /** Whether `nodes` leaves some out (a filter on a derived field): the count then reads the list through it. */
  readonly narrows: boolean;
}

/**
 * Entities in list order (creation, then id) as a keyset: the filter runs in the query, and what
 * only a view can tell (health, a derived status, an entity as of an instant) while reading on.
 */
export function entityKeyset<V extends { readonly status: string }, N>(reader: EntityReader, list: EntityList<V, N>): Keyset<EntityKey, N> {
  const rows = (bounds: Bounds<EntityKey>, direction: Direction, limit: number) => reader.slice(list.kind, list.filter, { ...bounds, direction, limit }, list.asOf);
  const keyOf = (slot: EntitySlot<V>) => slot.key;
  const nodesOf = async (slots: readonly EntitySlot<V>[]) => {
    const shown = await list.nodes(slots.flatMap((slot) => (slot.view ? [slot.view] : [])));
    let next = 0;
    return slots.map((slot) => (slot.view ? (shown[next++] ?? null) : null));
  };
  const counted = !list.narrows && list.asOf === null;
  return {
    shape: { kind: list.cursor, parts: ['string', 'string'] },
    read: filteredRead(rows, keyOf, nodesOf, { rarelyLeavesOut: !list.narrows }),
    count: counted ? async () => reader.count(list.kind, list.filter) : filteredCount(rows, keyOf, nodesOf),
  };
}
