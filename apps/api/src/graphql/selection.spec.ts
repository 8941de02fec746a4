import { parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { selectsAny, selectsOnly } from './selection';

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

describe('selectsOnly', () => {
  const TITLE = ['id', 'title', '__typename'];

  it('holds when every field asked for, directly or through fragments, is one of those named', () => {
    expect(selectsOnly(infoFor('{ contributions { activity { id title } } }'), TITLE)).toBe(true);
    expect(selectsOnly(infoFor('{ contributions { activity { __typename ... on Activity { id } ...A } } } fragment A on Activity { title }'), TITLE)).toBe(true);
  });

  it('fails for any other field, a nested one, a missing fragment or a directive', () => {
    expect(selectsOnly(infoFor('{ contributions { activity { id status } } }'), TITLE)).toBe(false);
    expect(selectsOnly(infoFor('{ contributions { activity { id plan { title } } } }'), TITLE)).toBe(false);
    expect(selectsOnly(infoFor('{ contributions { activity { id ...A } } } fragment A on Activity { title ...B } fragment B on Activity { hoursLogged }'), TITLE)).toBe(false);
    expect(selectsOnly(infoFor('{ contributions { activity { id ...Missing } } }'), TITLE)).toBe(false);
    expect(selectsOnly(infoFor('{ contributions { activity { id title @include(if: true) } } }'), TITLE)).toBe(false);
  });

  it('answers the same for the same field nodes, asked again', () => {
    const info = infoFor('{ contributions { activity { id title } } }');
    expect(selectsOnly(info, TITLE)).toBe(true);
    expect(selectsOnly(info, ['id'])).toBe(false);
    expect(selectsOnly(info, TITLE)).toBe(true);
  });
});
