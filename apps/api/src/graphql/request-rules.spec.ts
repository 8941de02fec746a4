import { buildSchema, GraphQLBoolean, GraphQLObjectType, GraphQLSchema, parse, validate, type ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { queryCostRule } from './query-cost.rule';
import { literalSizeRule, oversizedVariable } from './value-size';

const schema = buildSchema(`
  type Query { pmos: [Pmo!]!  pmo(id: ID!): Pmo  search(names: [String!]): [Pmo!]! }
  type Pmo { id: ID!  name: String!  parent: Pmo  children: [Pmo!]!  tags: [String!]! }
`);

const problems = (rule: ValidationRule, query: string): string[] => validate(schema, parse(query), [rule]).map((e) => e.message);

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
