/**
 * A list a view grows one item at a time, for histories that grow with their stream (a contact's
 * assessments). Appending to a plain array copies it, which makes folding a long stream quadratic;
 * this is a 32-way tree whose append copies one path of at most 32 entries per level, so a stream
 * folds in linear time (depth log32 n: 4 levels hold a million items). It is plain arrays and
 * numbers, so it is stored as JSON with the rest of a view and stays shallow. Lists are never
 * changed in place: an older list still reads as it was.
 */
export interface AppendOnlyList<T> {
  readonly size: number;
  /** Levels above the leaves: 0 while the root is itself the one leaf of items. */
  readonly depth: number;
  /** Nested arrays; a leaf holds up to 32 items, any other node up to 32 children. */
  readonly root: readonly unknown[];
  /** Never set: ties the list to its item type. */
  readonly __item?: T;
}

const WIDTH = 32;

export const emptyList = <T>(): AppendOnlyList<T> => ({ size: 0, depth: 0, root: [] });

/** A fresh branch `depth` levels high holding one item. */
const branch = (depth: number, item: unknown): readonly unknown[] => (depth === 0 ? [item] : [branch(depth - 1, item)]);

/** `node` with `item` added as item number `index` of its subtree. */
const pushed = (node: readonly unknown[], depth: number, index: number, item: unknown): readonly unknown[] => {
  if (depth === 0) return [...node, item];
  const slot = Math.floor(index / WIDTH ** depth) % WIDTH;
  if (slot === node.length) return [...node, branch(depth - 1, item)];
  const copy = node.slice();
  copy[slot] = pushed(node[slot] as readonly unknown[], depth - 1, index, item);
  return copy;
};

export const append = <T>(list: AppendOnlyList<T>, item: T): AppendOnlyList<T> => {
  if (list.size === WIDTH ** (list.depth + 1)) {
    return { size: list.size + 1, depth: list.depth + 1, root: [list.root, branch(list.depth, item)] };
  }
  return { size: list.size + 1, depth: list.depth, root: pushed(list.root, list.depth, list.size, item) };
};

const collect = (node: readonly unknown[], depth: number, into: unknown[]): void => {
  if (depth === 0) {
    for (const item of node) into.push(item);
    return;
  }
  for (const child of node) collect(child as readonly unknown[], depth - 1, into);
};

/** The items in the order appended. */
export const listItems = <T>(list: AppendOnlyList<T>): T[] => {
  const items: unknown[] = [];
  collect(list.root, list.depth, items);
  return items as T[];
};

export const listOf = <T>(items: readonly T[]): AppendOnlyList<T> => items.reduce<AppendOnlyList<T>>(append, emptyList());
