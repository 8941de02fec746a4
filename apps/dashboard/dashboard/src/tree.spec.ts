import { buildTree, treeKey, visibleNodes } from './tree';

interface Office {
  id: string;
  parent: string | null;
}

const offices: Office[] = [
  { id: 'group', parent: null },
  { id: 'digital', parent: 'group' },
  { id: 'app', parent: 'digital' },
  { id: 'retail', parent: 'group' },
  // Its parent is one the caller may not read.
  { id: 'orphan', parent: 'hidden' },
];
const roots = buildTree(offices, (o) => o.id, (o) => o.parent);
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('the PMO tree', () => {
  it('puts children under their parents in the order given, and an office whose parent is not listed at the top', () => {
    expect(ids(roots)).toEqual(['group', 'orphan']);
    expect(ids(roots[0]!.children)).toEqual(['digital', 'retail']);
    expect(roots[0]!.children[0]!.children[0]).toMatchObject({ id: 'app', level: 3, parentId: 'digital' });
  });

  it('does not loop on a cycle in what it is given', () => {
    const cyclic = buildTree(
      [
        { id: 'a', parent: 'b' },
        { id: 'b', parent: 'a' },
      ],
      (o) => o.id,
      (o) => o.parent,
    );
    expect(cyclic).toEqual([]);
  });

  it('shows the children of expanded offices only', () => {
    expect(ids(visibleNodes(roots, new Set()))).toEqual(['group', 'orphan']);
    expect(ids(visibleNodes(roots, new Set(['group'])))).toEqual(['group', 'digital', 'retail', 'orphan']);
    expect(ids(visibleNodes(roots, new Set(['group', 'digital'])))).toEqual(['group', 'digital', 'app', 'retail', 'orphan']);
  });

  it('moves with the arrow keys through what is visible', () => {
    const open = new Set(['group']);

    expect(treeKey('ArrowDown', 'group', roots, open)).toEqual({ focus: 'digital' });
    expect(treeKey('ArrowDown', 'retail', roots, open)).toEqual({ focus: 'orphan' });
    expect(treeKey('ArrowDown', 'orphan', roots, open)).toEqual({ focus: 'orphan' });
    expect(treeKey('ArrowUp', 'digital', roots, open)).toEqual({ focus: 'group' });
    expect(treeKey('Home', 'retail', roots, open)).toEqual({ focus: 'group' });
    expect(treeKey('End', 'group', roots, open)).toEqual({ focus: 'orphan' });
  });

  it('opens and enters with the right arrow, closes and climbs with the left', () => {
    expect(treeKey('ArrowRight', 'digital', roots, new Set(['group']))).toEqual({ expand: 'digital' });
    expect(treeKey('ArrowRight', 'digital', roots, new Set(['group', 'digital']))).toEqual({ focus: 'app' });
    expect(treeKey('ArrowLeft', 'app', roots, new Set(['group', 'digital']))).toEqual({ focus: 'digital' });
    expect(treeKey('ArrowLeft', 'digital', roots, new Set(['group', 'digital']))).toEqual({ collapse: 'digital' });
    expect(treeKey('ArrowLeft', 'group', roots, new Set())).toEqual({ focus: 'group' });
  });

  it('chooses with Enter or Space, and ignores other keys', () => {
    expect(treeKey('Enter', 'retail', roots, new Set(['group']))).toEqual({ select: 'retail' });
    expect(treeKey(' ', 'group', roots, new Set())).toEqual({ select: 'group' });
    expect(treeKey('x', 'group', roots, new Set())).toBeNull();
  });
});
