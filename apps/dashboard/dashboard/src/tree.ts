/** The PMO hierarchy as the tree on screen shows it, and how the keys move through it. */
export interface TreeNode<T> {
  readonly id: string;
  readonly item: T;
  readonly parentId: string | null;
  readonly level: number;
  readonly children: TreeNode<T>[];
}

/**
 * Nodes in the order given (parents before children keeps siblings in that order); an item whose
 * parent is not in the list, because the caller may not read it, is shown as a root.
 */
export function buildTree<T>(items: readonly T[], idOf: (item: T) => string, parentOf: (item: T) => string | null): TreeNode<T>[] {
  const ids = new Set(items.map(idOf));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = parentOf(item);
    const key = parent !== null && ids.has(parent) && parent !== idOf(item) ? parent : null;
    children.set(key, [...(children.get(key) ?? []), item]);
  }
  const grow = (parentId: string | null, level: number, seen: Set<string>): TreeNode<T>[] =>
    (children.get(parentId) ?? [])
      .filter((item) => !seen.has(idOf(item)))
      .map((item) => {
        const id = idOf(item);
        return { id, item, parentId, level, children: grow(id, level + 1, new Set([...seen, id])) };
      });
  return grow(null, 1, new Set());
}

/** The nodes a person can see, top to bottom: the children of expanded nodes only. */
export function visibleNodes<T>(roots: readonly TreeNode<T>[], expanded: ReadonlySet<string>): TreeNode<T>[] {
  return roots.flatMap((node) => [node, ...(expanded.has(node.id) ? visibleNodes(node.children, expanded) : [])]);
}

export type TreeAction = { focus: string } | { expand: string } | { collapse: string } | { select: string };

/**
 * What a key does on the focused node, as the WAI-ARIA tree pattern has it: up and down move
 * through what is visible, right opens a node or enters it, left closes it or goes to its parent,
 * Home and End go to the ends, Enter and Space choose it. Null for any other key.
 */
export function treeKey<T>(key: string, focused: string, roots: readonly TreeNode<T>[], expanded: ReadonlySet<string>): TreeAction | null {
  const visible = visibleNodes(roots, expanded);
  const index = visible.findIndex((node) => node.id === focused);
  const node = visible[index];
  if (!node) return visible[0] ? { focus: visible[0].id } : null;
  switch (key) {
    case 'ArrowDown':
      return { focus: (visible[index + 1] ?? node).id };
    case 'ArrowUp':
      return { focus: (visible[index - 1] ?? node).id };
    case 'Home':
      return { focus: visible[0]!.id };
    case 'End':
      return { focus: visible[visible.length - 1]!.id };
    case 'ArrowRight':
      if (node.children.length === 0) return { focus: node.id };
      return expanded.has(node.id) ? { focus: node.children[0]!.id } : { expand: node.id };
    case 'ArrowLeft':
      if (node.children.length > 0 && expanded.has(node.id)) return { collapse: node.id };
      return { focus: node.parentId ?? node.id };
    case 'Enter':
    case ' ':
      return { select: node.id };
    default:
      return null;
  }
}
