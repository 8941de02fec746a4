import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client asked for any of `fields` directly under the field being resolved, looking
 * through inline fragments and named fragments. Lets a resolver skip work for fields nobody reads.
 */
export function selectsAny(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return fields.includes(selection.name.value);
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return visit(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

const onlyOf = new WeakMap<readonly unknown[], Map<string, boolean>>();

/**
 * Whether every field the client asked for under the field being resolved is one of `fields`,
 * through inline and named fragments (a directive makes the answer false: it is not looked into).
 * Remembered for the field's nodes, which a parsed document keeps: every item of a list, and every
 * request with the same cached document, asks once.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const key = fields.join(',');
  let answers = onlyOf.get(info.fieldNodes);
  const known = answers?.get(key);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).every((selection) => {
      if ((selection.directives?.length ?? 0) > 0) return false;
      if (selection.kind === 'Field') return fields.includes(selection.name.value);
      if (selection.kind === 'InlineFragment') return within(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return true;
      seen.add(name);
      const fragment = info.fragments[name];
      return fragment !== undefined && within(fragment.selectionSet);
    });
  const answer = info.fieldNodes.every((node) => within(node.selectionSet));
  if (!answers) onlyOf.set(info.fieldNodes, (answers = new Map()));
  answers.set(key, answer);
  return answer;
}
