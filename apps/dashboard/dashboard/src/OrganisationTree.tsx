import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { healthMixText, hours, percent, words } from './format';
import { HealthMix } from './HealthBadge';
import type { PmoSummary } from './queries';
import { buildTree, treeKey, type TreeNode, visibleNodes } from './tree';

interface Props {
  readonly summaries: readonly PmoSummary[];
  readonly selected: string | null;
  readonly onSelect: (pmoId: string) => void;
}

/**
 * The PMOs as a tree (the WAI-ARIA tree pattern): one tab stop, arrows to move, open and close,
 * Enter or Space (or a click) to open a PMO. Each row shows the PMO's health mix, its progress
 * against the expected, and the share of its last 28 days of work that served an objective.
 */
export function OrganisationTree({ summaries, selected, onSelect }: Props) {
  const roots = useMemo(() => buildTree(summaries, (s) => s.pmo.entityId, (s) => s.pmo.parent?.entityId ?? null), [summaries]);
  // Opened as far as the second level to start with: the organisation at a glance.
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(roots.map((r) => r.id)));
  const [focused, setFocused] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const movedByKey = useRef(false);

  const tabStop = focused ?? selected ?? roots[0]?.id ?? null;

  useEffect(() => {
    if (movedByKey.current && focused) items.current.get(focused)?.focus();
    movedByKey.current = false;
  }, [focused]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!tabStop) return;
    const action = treeKey(event.key, tabStop, roots, expanded);
    if (!action) return;
    event.preventDefault();
    if ('focus' in action) {
      movedByKey.current = true;
      setFocused(action.focus);
    } else if ('expand' in action) setExpanded((open) => new Set([...open, action.expand]));
    else if ('collapse' in action) setExpanded((open) => new Set([...open].filter((id) => id !== action.collapse)));
    else onSelect(action.select);
  };

  const toggle = (id: string) =>
    setExpanded((open) => (open.has(id) ? new Set([...open].filter((other) => other !== id)) : new Set([...open, id])));

  const visible = visibleNodes(roots, expanded);
  const siblingsOf = (node: TreeNode<PmoSummary>) => (node.parentId === null ? roots : (visible.find((n) => n.id === node.parentId)?.children ?? [node]));

  // One flat list, each item's place given by aria-level, aria-setsize and aria-posinset: an item
  // then holds only its own row, so its name is what it shows, not its children's rows too.
  const item = (node: TreeNode<PmoSummary>) => {
    const summary = node.item;
    const { pmo } = summary;
    const open = expanded.has(pmo.entityId);
    const siblings = siblingsOf(node);
    return (
      <li
        key={pmo.entityId}
        ref={(element) => {
          if (element) items.current.set(pmo.entityId, element);
          else items.current.delete(pmo.entityId);
        }}
        role="treeitem"
        aria-level={node.level}
        aria-setsize={siblings.length}
        aria-posinset={siblings.indexOf(node) + 1}
        aria-expanded={node.children.length > 0 ? open : undefined}
        aria-selected={selected === pmo.entityId}
        tabIndex={tabStop === pmo.entityId ? 0 : -1}
        data-pmo-id={pmo.entityId}
        className={`tree-item${selected === pmo.entityId ? ' tree-item-selected' : ''}`}
        style={{ paddingLeft: `${(node.level - 1) * 1.25}rem` }}
        onFocus={() => setFocused(pmo.entityId)}
        onClick={() => {
          setFocused(pmo.entityId);
          onSelect(pmo.entityId);
        }}
      >
        <div className="tree-row">
          <span
            className="tree-toggle"
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              toggle(pmo.entityId);
            }}
          >
            {node.children.length > 0 ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="tree-name">{pmo.name}</span>
          <Pause />
          <span className="tree-kind">
            {words(pmo.kind)}
            {pmo.status !== 'ACTIVE' ? ` · ${words(pmo.status)}` : ''}
          </span>
          <span className="tree-figures">
            <HealthMix counts={summary.byHealth} total={summary.objectives} />
            <Pause />
            <span className="tree-mix-text" data-figure="health-mix">
              {healthMixText(summary.byHealth)}
            </span>
            <Pause />
            <span data-figure="progress">
              progress {percent(summary.meanProgress)} of {percent(summary.meanExpectedProgress)} expected
            </span>
            <Pause />
            <span data-figure="aligned">
              {percent(summary.alignedShareLast28Days)} aligned of {hours(summary.hoursLast28Days)} in 28 days
            </span>
          </span>
        </div>
      </li>
    );
  };

  if (roots.length === 0) return <p>No PMOs are recorded yet, or none that your token may read.</p>;
  return (
    <ul role="tree" aria-label="PMOs" className="tree" onKeyDown={onKeyDown}>
      {visible.map(item)}
    </ul>
  );
}

/** A comma for screen readers between the parts of a row, which sighted people tell apart by layout. */
const Pause = () => <span className="visually-hidden">, </span>;
