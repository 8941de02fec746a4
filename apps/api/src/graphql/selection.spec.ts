import { parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { selectsAny } from './selection';

/** The resolve info of the `activity` field in `query`, as far as selectsAny reads it. */
const infoFor = (query: string): GraphQLResolveInfo => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const contributions = operation.selectionSet.selections[0] as FieldNode;
  const activity = contributions.selectionSet!.selections.find((s): s is FieldNode => s.kind === 'Field' && s.name.value === 'activity')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [activity], fragments } as unknown as GraphQLResolveInfo;
};

describe('selectsAny', () => {
  it('finds a field asked for directly, through an inline fragment, or through a named fragment', () => {
    expect(selectsAny(infoFor('{ contributions { activity { id status } } }'), ['status'])).toBe(true);
    expect(selectsAny(infoFor('{ contributions { activity { id ... on Activity { hoursLogged } } } }'), ['hoursLogged'])).toBe(true);
    expect(selectsAny(infoFor('{ contributions { activity { ...A } } } fragment A on Activity { title ...B } fragment B on Activity { status }'), ['status'])).toBe(true);
  });

  it('ignores fields not asked for, and the same names deeper down', () => {
    expect(selectsAny(infoFor('{ contributions { activity { id title } } }'), ['status', 'hoursLogged'])).toBe(false);
    expect(selectsAny(infoFor('{ contributions { activity { plan { status } } } }'), ['status'])).toBe(false);
  });
});
