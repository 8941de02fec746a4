import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { selectsAny } from '../graphql/selection';

/** The activity fields that need the hours logged against it (status: IN_PROGRESS is derived from them). */
const HOURS_FIELDS = ['hoursLogged', 'status'] as const;

/** The nodes of the field `name` directly under the field being resolved, through fragments. */
const childFields = (info: GraphQLResolveInfo, name: string): FieldNode[] => {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
};

/**
 * Whether the client reads, of the activities listed under the report's field `name`, a field
 * that needs their hours logged: summing them runs over every entry of each activity, which
 * costs more than the rest of a report that lists the activities by id and title.
 */
export const activityHoursAsked = (info: GraphQLResolveInfo, name: string): boolean => {
  const fieldNodes = childFields(info, name);
  return fieldNodes.length > 0 && selectsAny({ ...info, fieldNodes }, HOURS_FIELDS);
};
