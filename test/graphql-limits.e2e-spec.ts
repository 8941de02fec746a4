import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { BODY_LIMIT_BYTES } from '../apps/api/src/app.factory';
import { MAX_ALIASES, MAX_QUERY_DEPTH } from '../apps/api/src/graphql/query-limits';
import { ESTABLISH_PMO, HISTORY } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

const headOf = (t: TestApp) => (t.app.get(EVENT_STORE) as EventStore).headPosition();

/** `{ pmos { parent { … { id } } } }` nested to exactly `depth` levels. */
const parentChain = (depth: number): string => {
  const parents = depth - 2;
  return `{ pmos { ${'parent { '.repeat(parents)}id${' }'.repeat(parents)} } }`;
};

const aliased = (count: number): string => `{ ${Array.from({ length: count }, (_, i) => `a${i}: pmos { id }`).join(' ')} }`;

const postRaw = (t: TestApp, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}`, ...headers },
    body,
  });

describe('the limits on what one GraphQL request may ask', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Group portfolio office', kind: 'PORTFOLIO' } });
  });
  afterAll(() => t.close());

  it(`answers a query ${MAX_QUERY_DEPTH} levels deep and refuses one level more`, async () => {
    const atLimit = await t.admin.request(parentChain(MAX_QUERY_DEPTH));
    const beyond = await t.admin.fails(parentChain(MAX_QUERY_DEPTH + 1));

    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.pmos).toHaveLength(1);
    expect(beyond.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(beyond.message).toContain(`exceeds the query depth limit of ${MAX_QUERY_DEPTH}`);
  });

  it('refuses a query whose nested lists would fan out past the cost limit', async () => {
    // pmos → children → children: 1 + 10 × (1 + 10 × (1 + 10 × 2)) = 2111
    const affordable = await t.admin.request('{ pmos { children { children { id name } } } }');
    // One list more: 1 + 10 × (1 + 10 × (1 + 10 × (1 + 10))) = 11111
    const tooCostly = await t.admin.fails('{ pmos { children { children { children { id } } } } }');

    expect(affordable.errors).toBeUndefined();
    expect(tooCostly.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooCostly.message).toBe('the estimated cost of the operation is 11111; at most 5000 is allowed');
  });

  it(`answers ${MAX_ALIASES} aliases and refuses ${MAX_ALIASES + 1}`, async () => {
    const atLimit = await t.admin.request(aliased(MAX_ALIASES));
    const beyond = await t.admin.fails(aliased(MAX_ALIASES + 1));

    expect(atLimit.errors).toBeUndefined();
    expect(Object.keys(atLimit.data ?? {})).toHaveLength(MAX_ALIASES);
    expect(beyond).toMatchObject({
      message: `the document has ${MAX_ALIASES + 1} aliases; at most ${MAX_ALIASES} are allowed`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('stops parsing a document of more than 5000 tokens', async () => {
    const huge = await t.admin.fails(`{ pmos { ${'id '.repeat(5000)}} }`);

    expect(huge.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(huge.message).toContain('more that 5000 tokens');
  });

  it('answers 413 to a body over 1 MB, and reads one just under it', async () => {
    const before = await headOf(t);
    const envelope = (text: string) => JSON.stringify({ query: '{ pmos { id } }', variables: { padding: text } });
    const overhead = envelope('').length;
    const over = await postRaw(t, envelope('x'.repeat(BODY_LIMIT_BYTES - overhead + 1)));
    const under = await postRaw(t, envelope('x'.repeat(BODY_LIMIT_BYTES - overhead)));
    const overBody = (await over.json()) as { errors: { extensions: { code: string } }[] };
    const underBody = (await under.json()) as { errors: { message: string; extensions: { code: string } }[] };

    expect(over.status).toBe(413);
    expect(overBody.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // Read, then refused for the oversized string it carries, not for its size on the wire.
    expect(under.status).toBe(200);
    expect(underBody.errors[0]).toMatchObject({
      message: 'variable $padding holds a string longer than 4000 characters; shorten it',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await headOf(t)).toBe(before);
  });

  it('answers introspection outside production', async () => {
    const introspection = await t.admin.ok('{ __schema { queryType { name } } }');

    expect(introspection.__schema.queryType.name).toBe('Query');
  });

  it('masks an internal failure as INTERNAL_SERVER_ERROR with a correlation id, without its message', async () => {
    const store = t.app.get(EVENT_STORE) as EventStore;
    const { pmos } = await t.admin.ok('{ pmos { id } }');
    const failure = jest.spyOn(store, 'readStream').mockRejectedValueOnce(new Error('disk /srv/secret-volume is on fire'));
    try {
      const response = await postRaw(t, JSON.stringify({ query: HISTORY, variables: { type: 'PMO', id: pmos[0].id } }));
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      const error = body.errors[0]!;

      expect(response.status).toBe(500);
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.extensions.correlationId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      expect(error.message).toContain(String(error.extensions.correlationId));
      expect(JSON.stringify(body)).not.toContain('on fire');
      expect(JSON.stringify(body)).not.toContain('secret-volume');
    } finally {
      failure.mockRestore();
    }
  });
});

describe('introspection switched off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_GRAPHQL_INTROSPECTION: 'false' } });
  });
  afterAll(() => t.close());

  it('refuses __schema and __type but still answers __typename', async () => {
    const schema = await t.admin.fails('{ __schema { types { name } } }');
    const type = await t.admin.fails('{ __type(name: "Pmo") { name } }');
    const typename = await t.admin.ok('{ __typename pmos { __typename } }');

    expect(schema.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(schema.message).toContain('introspection has been disabled');
    expect(type.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typename.__typename).toBe('Query');
  });
});

describe('the rate limit on mutations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_MUTATION_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it("answers 429 with Retry-After once a subject has spent the minute's mutations, and records nothing", async () => {
    const establish = (name: string) => JSON.stringify({ query: ESTABLISH_PMO, variables: { input: { name, kind: 'PROJECT' } } });
    for (const name of ['One', 'Two', 'Three']) await t.admin.ok(ESTABLISH_PMO, { input: { name, kind: 'PROJECT' } });
    const before = await headOf(t);

    const limited = await postRaw(t, establish('Four'));
    const body = (await limited.json()) as { data: unknown; errors: { extensions: Record<string, unknown> }[] };

    expect(limited.status).toBe(429);
    // 3 a minute: the next token comes back within 20 s.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(body.data).toBeNull();
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: Number(limited.headers.get('retry-after')) });
    expect(await headOf(t)).toBe(before);
  });

  it('still answers queries from that subject, and mutations from another', async () => {
    const grace = await t.client('grace@pmo.example', ['ADMIN']);

    const pmos = await t.admin.ok('{ pmos { name } }');
    const other = await grace.ok(ESTABLISH_PMO, { input: { name: 'Five', kind: 'PROJECT' } });

    expect(pmos.pmos).toHaveLength(3);
    expect(other.establishPmo.name).toBe('Five');
  });

  it('counts a mutation chosen by operationName among several operations', async () => {
    const document = `query Read { pmos { id } } ${ESTABLISH_PMO.replace('mutation(', 'mutation Write(')}`;
    const read = await postRaw(t, JSON.stringify({ query: document, operationName: 'Read' }));
    const write = await postRaw(t, JSON.stringify({ query: document, operationName: 'Write', variables: { input: { name: 'Six', kind: 'PROJECT' } } }));

    expect(read.status).toBe(200);
    expect(write.status).toBe(429);
  });
});
