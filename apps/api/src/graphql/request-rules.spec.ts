import { buildSchema, GraphQLBoolean, GraphQLObjectType, GraphQLSchema, parse, validate, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { operationCost, queryCostRule, requestCostCheck } from './query-cost.rule';
import { beforeExecution } from './request-hooks';
import { RequestRefusedError } from './request-refusal';
import { literalSizeRule, oversizedVariable } from './value-size';

const schema = buildSchema(`
  type Query { pmos: [Pmo!]!  pmo(id: ID!): Pmo  search(names: [String!]): [Pmo!]! }
  type Pmo { id: ID!  name: String!  parent: Pmo  children: [Pmo!]!  tags: [String!]! }
`);

const problems = (rule: ValidationRule, query: string): string[] => validate(schema, parse(query), [rule]).map((e) => e.message);

/** What `act` threw; fails when it threw nothing. */
const thrownBy = (act: () => void): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
};

describe('the query cost rule', () => {
  const cost = (max: number) => queryCostRule(max, 10);

  it('counts each field once and what sits under a list ten times', () => {
    // pmos (1) + 10 × (id + name) = 21
    expect(problems(cost(21), '{ pmos { id name } }')).toEqual([]);
    expect(problems(cost(20), '{ pmos { id name } }')).toEqual([
      'the estimated cost of the operation is 21; at most 20 is allowed',
    ]);
  });

  it('multiplies lists inside lists', () => {
    // pmos (1) + 10 × (children (1) + 10 × id (1)) = 111
    expect(problems(cost(110), '{ pmos { children { id } } }')).toHaveLength(1);
    expect(problems(cost(111), '{ pmos { children { id } } }')).toEqual([]);
  });

  it('counts a fragment wherever it is spread, and a list of scalars as one field', () => {
    const query = 'query { pmo(id: "1") { ...F parent { ...F } } } fragment F on Pmo { id tags }';
    // pmo (1) + F (2) + parent (1) + F (2) = 6
    expect(problems(cost(6), query)).toEqual([]);
    expect(problems(cost(5), query)).toHaveLength(1);
  });

  it('counts what a field declares it costs by itself, as a whole-store check does', () => {
    const declared = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          verify: { type: GraphQLBoolean, extensions: { complexity: 1000 } },
          cheap: { type: GraphQLBoolean },
        },
      }),
    });
    const check = (max: number, query: string) => validate(declared, parse(query), [cost(max)]).map((e) => e.message);
    // 5 × 1000 + cheap (1) = 5001
    const six = '{ a: verify b: verify c: verify d: verify e: verify cheap }';
    expect(check(5001, six)).toEqual([]);
    expect(check(5000, six)).toEqual(['the estimated cost of the operation is 5001; at most 5000 is allowed']);
  });

  it('costs a fragment that spreads itself as unbounded instead of looping', () => {
    expect(problems(cost(1000), '{ pmos { ...F } } fragment F on Pmo { children { ...F } }')).toEqual([
      'the estimated cost of the operation is unbounded; at most 1000 is allowed',
    ]);
  });

  it('leaves introspection out of the count', () => {
    expect(problems(cost(1), '{ __schema { types { name fields { name } } } }')).toEqual([]);
  });
});

describe('the price of a connection', () => {
  const paged = buildSchema(`
    type Query { pmos(first: Int, last: Int, after: String): PmoConnection!  list: [Pmo!]! }
    type PmoConnection { edges: [PmoEdge!]!  totalCount: Int! }
    type PmoEdge { cursor: String!  node: Pmo! }
    type Pmo { id: ID!  tags: [String!]!  objectives(first: Int): PmoConnection! }
  `);
  const pricing = { defaultPage: 50, maxPage: 500 };
  const costOf = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return operationCost(paged, operation, () => null, 10, variables ? { ...pricing, variables } : pricing);
  };

  it('counts the edges as many times as the page it asks for, 50 when it asks for none', () => {
    // pmos (1) + edges (1 + n × (cursor + node (1 + id))) = 2 + 3n
    expect(costOf('{ pmos(first: 7) { edges { cursor node { id } } } }')).toBe(2 + 3 * 7);
    expect(costOf('{ pmos(last: 20) { edges { cursor node { id } } } }')).toBe(2 + 3 * 20);
    expect(costOf('{ pmos { edges { cursor node { id } } } }')).toBe(2 + 3 * 50);
  });

  it('prices a page beyond the maximum at the maximum, which the field itself then refuses by name', () => {
    expect(costOf('{ pmos(first: 100000) { edges { node { id } } } }')).toBe(2 + 2 * 500);
  });

  it('multiplies nested pages, and lists under a node by the list estimate again', () => {
    // pmos (1) + edges (1 + 4 × (node (1 + objectives (1 + edges (1 + 3 × (node (1 + id)))) + tags)))
    expect(costOf('{ pmos(first: 4) { edges { node { objectives(first: 3) { edges { node { id } } } tags } } } }')).toBe(2 + 4 * (1 + 1 + 1 + 3 * 2 + 1));
    expect(costOf('{ list { objectives(first: 3) { edges { node { id } } } } }')).toBe(1 + 10 * (1 + 1 + 3 * 2));
  });

  it('counts a page sent in a variable as 1 before the variables are known, and as sent once they are', () => {
    const query = 'query($n: Int, $m: Int = 9) { a: pmos(first: $n) { edges { node { id } } } b: pmos(first: $m) { edges { node { id } } } }';

    expect(costOf(query)).toBe(2 + 2 * 1 + (2 + 2 * 1));
    expect(costOf(query, { n: 300 })).toBe(2 + 2 * 300 + (2 + 2 * 9));
    expect(costOf(query, { n: null, m: 4 })).toBe(2 + 2 * 50 + (2 + 2 * 4));
  });

  it('refuses at execution what the variables make too costly, though the document passed validation', () => {
    const query = 'query($n: Int) { pmos(first: $n) { edges { node { id } } } }';
    const check = requestCostCheck(100, 10, pricing);

    expect(validate(paged, parse(query), [queryCostRule(100, 10, pricing)])).toEqual([]);
    expect(() => check(paged, parse(query), {}, { n: 49 })).not.toThrow();
    expect(thrownBy(() => check(paged, parse(query), {}, { n: 50 }))).toMatchObject({
      message: 'the estimated cost of the operation is 102; at most 100 is allowed',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('prices again a page sent in a variable inside a fragment, and the same document each time it runs', () => {
    const query = 'query($n: Int, $after: String) { ...Page } fragment Page on Query { pmos(first: $n, after: $after) { edges { node { id } } } }';
    const document = parse(query);
    const check = requestCostCheck(100, 10, pricing);

    expect(() => check(paged, document, {}, { n: 49 })).not.toThrow();
    expect(thrownBy(() => check(paged, document, {}, { n: 50 }))).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(thrownBy(() => check(paged, document, {}, { n: 50 }))).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});

describe('the alias rule', () => {
  it('allows up to the limit of aliased fields and refuses one more', () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: pmo(id: "${i}") { id }`).join(' ')} }`;

    expect(problems(aliasLimitRule(3), aliased(3))).toEqual([]);
    expect(problems(aliasLimitRule(3), aliased(4))).toEqual(['the document has 4 aliases; at most 3 are allowed']);
  });
});

describe('the size limits on argument values', () => {
  const rule = literalSizeRule(5, 2);

  it('refuses a string or list literal over the limit, anywhere in the document', () => {
    expect(problems(rule, '{ pmo(id: "12345") { id } }')).toEqual([]);
    expect(problems(rule, '{ pmo(id: "123456") { id } }')).toEqual(['an argument holds a string longer than 5 characters; shorten it']);
    expect(problems(rule, '{ search(names: ["a", "b", "c"]) { id } }')).toEqual([
      'an argument holds a list of more than 2 items; shorten it',
    ]);
  });

  it('refuses variables holding an oversized string or list, however deep', () => {
    const deep = { input: { contributions: [{ objective: { rationale: 'x'.repeat(6) } }] } };
    let nested: unknown = 'ok';
    for (let i = 0; i < 100_000; i++) nested = [nested];

    expect(oversizedVariable({ id: '12345', names: ['a', 'b'] }, 5, 2)).toBeNull();
    expect(oversizedVariable(deep, 5, 2)?.message).toBe('variable $input holds a string longer than 5 characters; shorten it');
    expect(oversizedVariable({ names: ['a', 'b', 'c'] }, 5, 2)?.extensions.code).toBe('BAD_USER_INPUT');
    expect(oversizedVariable({ nested }, 5, 2)).toBeNull();
  });
});

describe('the checks before an operation runs', () => {
  const document = parse('{ __typename }');
  const context = {} as Parameters<ReturnType<typeof beforeExecution>>[2];

  it('given checks that pass, when the hook runs, then each ran once, in order, with the operation', async () => {
    const seen: string[] = [];
    const hook = beforeExecution([
      (_s, d, _c, v) => seen.push(`first ${d === document} ${JSON.stringify(v)}`),
      (_s, d, _c, v) => seen.push(`second ${d === document} ${JSON.stringify(v)}`),
    ]);

    await expect(hook(schema, document, context, { n: 1 })).resolves.toBeUndefined();

    expect(seen).toEqual(['first true {"n":1}', 'second true {"n":1}']);
  });

  it('given a check that refuses, when the hook runs, then it rejects with that refusal and no later check runs', async () => {
    const later = jest.fn();
    const hook = beforeExecution([
      () => {
        throw new RequestRefusedError('TOO_MANY_REQUESTS', 'slow down', 429);
      },
      later,
    ]);

    await expect(hook(schema, document, context, {})).rejects.toMatchObject({ message: 'slow down' });
    expect(later).not.toHaveBeenCalled();
  });
});

