import { DEFAULT_GRAPHQL_BATCH_MAX, DEFAULT_LIST_CAP, DEFAULT_MUTATION_RATE_LIMIT, loadConfig } from './app-config';

describe('the GraphQL limits in the configuration', () => {
  it('answers introspection except in production, unless told otherwise', () => {
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PMO_GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', PMO_GRAPHQL_INTROSPECTION: 'FALSE' }).graphqlIntrospection).toBe(false);
  });

  it('limits mutations per subject by default, and takes 0 to turn the limit off', () => {
    expect(loadConfig({}).mutationRateLimitPerMinute).toBe(DEFAULT_MUTATION_RATE_LIMIT);
    expect(loadConfig({ PMO_MUTATION_RATE_LIMIT: '30' }).mutationRateLimitPerMinute).toBe(30);
    expect(loadConfig({ PMO_MUTATION_RATE_LIMIT: '0' }).mutationRateLimitPerMinute).toBe(0);
  });

  it('takes up to 10 operations per batch by default, and 0 to refuse batches', () => {
    expect(loadConfig({}).graphqlBatchMax).toBe(DEFAULT_GRAPHQL_BATCH_MAX);
    expect(DEFAULT_GRAPHQL_BATCH_MAX).toBe(10);
    expect(loadConfig({ PMO_GRAPHQL_BATCH_MAX: '3' }).graphqlBatchMax).toBe(3);
    expect(loadConfig({ PMO_GRAPHQL_BATCH_MAX: '0' }).graphqlBatchMax).toBe(0);
  });

  it('caps unbounded list fields at 5,000 items unless told otherwise', () => {
    expect(loadConfig({}).listCap).toBe(DEFAULT_LIST_CAP);
    expect(DEFAULT_LIST_CAP).toBe(5000);
    expect(loadConfig({ PMO_LIST_CAP: '999' }).listCap).toBe(999);
  });

  it.each([
    ['PMO_GRAPHQL_BATCH_MAX', 'ten', 'PMO_GRAPHQL_BATCH_MAX: "ten" is not a whole number (0 or more)'],
    ['PMO_LIST_CAP', '0', 'PMO_LIST_CAP: must be at least 1'],
    ['PMO_LIST_CAP', 'all', 'PMO_LIST_CAP: "all" is not a whole number (0 or more)'],
    ['PMO_GRAPHQL_INTROSPECTION', 'yes', 'PMO_GRAPHQL_INTROSPECTION: "yes" is not true or false'],
    ['PMO_MUTATION_RATE_LIMIT', '-5', 'PMO_MUTATION_RATE_LIMIT: "-5" is not a whole number (0 or more)'],
    ['PMO_MUTATION_RATE_LIMIT', '2.5', 'PMO_MUTATION_RATE_LIMIT: "2.5" is not a whole number (0 or more)'],
    ['PMO_MUTATION_RATE_LIMIT', 'lots', 'PMO_MUTATION_RATE_LIMIT: "lots" is not a whole number (0 or more)'],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
