/**
 * The service as Apollo Client 4 meets it, over real HTTP: automatic persisted queries, batches,
 * and a normalising cache that past answers must not overwrite. node(id) and the README's client:
 * apollo-nodes.e2e-spec.ts.
 */
import { gql, InMemoryCache } from '@apollo/client';
import { batchLink, clientWith, httpLink, persistedLink, sha256, type Endpoint, type Sent } from './support/apollo-clients';
import { fan, OBJECTIVE, PLAN, PMO, typed } from './support/apollo-documents';
import { recordWorld, type NodeIds, type World } from './support/apollo-world';
import { idAsOf, idAtVersion } from './support/snapshot-ids';
import { startTestApp, type TestApp } from './support/test-app';

const codeOf = (sent: Sent) => sent.answer?.errors?.[0]?.extensions?.code ?? null;
/** What a request carried: the method, whether the query text went with it, and the hash. */
const carried = (sent: Sent) => {
  const extensions = sent.body?.extensions ?? JSON.parse(sent.url.searchParams.get('extensions') ?? '{}');
  return {
    method: sent.method,
    text: typeof (sent.body?.query ?? sent.url.searchParams.get('query')) === 'string',
    hash: extensions.persistedQuery?.sha256Hash ?? null,
    code: codeOf(sent),
  };
};
const hashOnly = (t: TestApp, hash: string) =>
  fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}` },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  }).then((r) => r.json() as Promise<any>);

describe('Apollo Client against the service', () => {
  let t: TestApp;
  let w: World;
  let ids: NodeIds;
  let endpoint: Endpoint;

  beforeAll(async () => {
    t = await startTestApp();
    w = await recordWorld(t);
    ids = w.ids;
    endpoint = { url: t.url, token: t.admin.token! };
  });
  afterAll(() => t.close());

  describe('automatic persisted queries', () => {
    it('sends the hash alone, sends the text once when asked, and is then served by the hash', async () => {
      const log: Sent[] = [];
      const client = clientWith(persistedLink(endpoint, log));

      const first = await client.query({ query: OBJECTIVE, variables: { id: ids.Objective } });
      const hash = log[1]!.body.extensions.persistedQuery.sha256Hash;
      const again = await client.query({ query: OBJECTIVE, variables: { id: ids.Objective }, fetchPolicy: 'network-only' });
      const elsewhereLog: Sent[] = [];
      const elsewhere = await clientWith(persistedLink(endpoint, elsewhereLog)).query({ query: OBJECTIVE, variables: { id: ids.Objective } });

      expect(first.data?.objective).toMatchObject({ currentValue: 52, health: 'ON_TRACK' });
      expect(hash).toBe(sha256(log[1]!.body.query));
      expect(log.map(carried)).toEqual([
        { method: 'POST', text: false, hash, code: 'PERSISTED_QUERY_NOT_FOUND' },
        { method: 'POST', text: true, hash, code: null },
        { method: 'POST', text: false, hash, code: null },
      ]);
      expect(log[0]).toMatchObject({ status: 200, answer: { data: null, errors: [{ message: 'PersistedQueryNotFound' }] } });
      expect(log[0]!.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');
      expect(again.data).toEqual(first.data);
      // Kept by the service, not the client: another client is served by the hash at once.
      expect(elsewhereLog.map(carried)).toEqual([{ method: 'POST', text: false, hash, code: null }]);
      expect(elsewhere.data).toEqual(first.data);
    });

    it('keeps the text without its variables: the same hash answers each request with its own', async () => {
      const log: Sent[] = [];
      const client = clientWith(persistedLink(endpoint, log));

      const portfolio = await client.query({ query: PMO, variables: { id: ids.Pmo } });
      const programme = await client.query({ query: PMO, variables: { id: w.programme } });

      expect([portfolio.data?.pmo.name, programme.data?.pmo.name]).toEqual(['Group PMO', 'Digital programme']);
      expect(log.map((s) => carried(s).text)).toEqual([false, true, false]);
      expect(log[2]!.body.variables).toEqual({ id: w.programme });
    });

    it('serves a hashed query by GET, once its text has come by POST', async () => {
      const log: Sent[] = [];
      const client = clientWith(persistedLink(endpoint, log, { useGETForHashedQueries: true }));
      const query = typed(gql`
        query Programme($id: ID!) {
          pmo(id: $id) {
            id
            kind
          }
        }
      `);

      await client.query({ query, variables: { id: w.programme } });
      const served = await client.query({ query, variables: { id: w.programme }, fetchPolicy: 'network-only' });

      const hash = carried(log[0]!).hash;
      expect(log.map(carried)).toEqual([
        { method: 'GET', text: false, hash, code: 'PERSISTED_QUERY_NOT_FOUND' },
        { method: 'POST', text: true, hash, code: null },
        { method: 'GET', text: false, hash, code: null },
      ]);
      expect(served.data?.pmo).toEqual({ __typename: 'Pmo', id: w.programme, kind: 'PROGRAMME' });
    });

    it('holds a persisted query to every limit a query sent as text meets, and keeps none refused', async () => {
      const log: Sent[] = [];
      const client = clientWith(persistedLink(endpoint, log));

      const refused = await client.query({ query: fan('TooCostly', 3) }).then(
        () => null,
        (error: { errors?: { message: string; extensions?: { code?: string } }[] }) => error.errors?.[0],
      );
      const text = log[1]!.body.query as string;

      expect(refused).toMatchObject({ message: 'the estimated cost of the operation is 6333; at most 5000 is allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(log.map((s) => [carried(s).text, codeOf(s)])).toEqual([
        [false, 'PERSISTED_QUERY_NOT_FOUND'],
        [true, 'GRAPHQL_VALIDATION_FAILED'],
      ]);
      expect((await hashOnly(t, sha256(text))).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  describe('batches', () => {
    it('sends three queries in one request and answers each in its place', async () => {
      const log: Sent[] = [];
      const client = clientWith(batchLink(endpoint, log, 3));

      const [objective, portfolio, programme] = await Promise.all([
        client.query({ query: OBJECTIVE, variables: { id: ids.Objective } }),
        client.query({ query: PMO, variables: { id: ids.Pmo } }),
        client.query({ query: PMO, variables: { id: w.programme } }),
      ]);

      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ method: 'POST', status: 200 });
      expect(log[0]!.body.map((op: { operationName: string }) => op.operationName)).toEqual(['Objective', 'Pmo', 'Pmo']);
      expect(log[0]!.answer).toHaveLength(3);
      expect(objective.data?.objective).toMatchObject({ id: ids.Objective, currentValue: 52 });
      expect([portfolio.data?.pmo.name, programme.data?.pmo.name]).toEqual(['Group PMO', 'Digital programme']);
    });

    it('refuses a batch of more than ten operations as a whole, saying so', async () => {
      const log: Sent[] = [];
      const client = clientWith(batchLink(endpoint, log, 11));
      const someone = () => crypto.randomUUID();

      const outcomes = await Promise.allSettled(Array.from({ length: 11 }, () => client.query({ query: PMO, variables: { id: someone() } })));

      expect(log).toHaveLength(1);
      expect(log[0]!.body).toHaveLength(11);
      expect(log[0]).toMatchObject({ status: 400, answer: { data: null, errors: [{ extensions: { code: 'BATCH_TOO_LARGE' } }] } });
      expect(log[0]!.answer.errors[0].message).toBe('a batch may hold at most 10 operations and this one holds 11: send the rest in another request');
      expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { statusCode?: number }).statusCode : 'answered'))).toEqual(Array(11).fill(400));
    });

    it('judges each operation alone against the cost limit: their sum may pass it, one over it is refused alone', async () => {
      const log: Sent[] = [];
      const client = clientWith(batchLink(endpoint, log, 3));

      const outcomes = await Promise.allSettled([client.query({ query: fan('FanA', 2) }), client.query({ query: fan('FanB', 2) }), client.query({ query: fan('FanC', 3) })]);

      expect(log).toHaveLength(1);
      expect(log[0]!.status).toBe(200);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect(log[0]!.answer[2].errors[0]).toMatchObject({
        message: 'the estimated cost of the operation is 6333; at most 5000 is allowed',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
  });

  describe('a normalising cache', () => {
    it('keeps the live objective when the same objective is read as of an earlier instant', async () => {
      const log: Sent[] = [];
      const cache = new InMemoryCache();
      const client = clientWith(httpLink(endpoint, log), cache);

      const live = await client.query({ query: OBJECTIVE, variables: { id: ids.Objective } });
      const past = await client.query({ query: OBJECTIVE, variables: { id: ids.Objective, asOf: w.before } });
      const fromCache = await client.query({ query: OBJECTIVE, variables: { id: ids.Objective }, fetchPolicy: 'cache-only' });

      expect(live.data?.objective).toMatchObject({ id: ids.Objective, entityId: ids.Objective, currentValue: 52, health: 'ON_TRACK', pmo: { id: ids.Pmo } });
      expect(past.data?.objective).toMatchObject({
        id: idAsOf(ids.Objective, w.before),
        entityId: ids.Objective,
        currentValue: null,
        health: 'NO_DATA',
        pmo: { id: idAsOf(ids.Pmo, w.before), name: 'Group PMO' },
      });
      expect(fromCache.data?.objective).toMatchObject({ currentValue: 52, health: 'ON_TRACK', pmo: { id: ids.Pmo } });
      expect(log).toHaveLength(2);
      expect(Object.keys(cache.extract())).toEqual(
        expect.arrayContaining([`Objective:${ids.Objective}`, `Objective:${idAsOf(ids.Objective, w.before)}`, `Pmo:${ids.Pmo}`, `Pmo:${idAsOf(ids.Pmo, w.before)}`]),
      );
    });

    it('answers the snapshot an id names when the client passes that id back', async () => {
      const client = clientWith(httpLink(endpoint, []));
      const past = await client.query({ query: OBJECTIVE, variables: { id: ids.Objective, asOf: w.before } });

      const again = await client.query({ query: OBJECTIVE, variables: { id: past.data!.objective.id }, fetchPolicy: 'network-only' });

      expect(again.data).toEqual(past.data);
    });

    it('keeps the live plan when one of its versions is read', async () => {
      const cache = new InMemoryCache();
      const client = clientWith(httpLink(endpoint, []), cache);

      const live = await client.query({ query: PLAN, variables: { id: ids.BusinessPlan } });
      const approved = await client.query({ query: PLAN, variables: { id: ids.BusinessPlan, version: 1 } });
      const fromCache = await client.query({ query: PLAN, variables: { id: ids.BusinessPlan }, fetchPolicy: 'cache-only' });

      expect(live.data?.businessPlan).toMatchObject({ id: ids.BusinessPlan, version: 2, status: 'DRAFT', activities: [{ id: ids.Activity }] });
      expect(approved.data?.businessPlan).toMatchObject({ id: idAtVersion(ids.BusinessPlan, 1), entityId: ids.BusinessPlan, version: 1, status: 'APPROVED' });
      // Its activities are as they stood at the approval: a snapshot of their own.
      expect(approved.data?.businessPlan.activities).toEqual([{ __typename: 'Activity', id: expect.stringMatching(new RegExp(`^${ids.Activity}@\\d{4}-`)), title: 'Stage-gate reviews' }]);
      expect(fromCache.data?.businessPlan).toMatchObject({ id: ids.BusinessPlan, version: 2, status: 'DRAFT', activities: [{ id: ids.Activity }] });
      expect(Object.keys(cache.extract())).toEqual(expect.arrayContaining([`BusinessPlan:${ids.BusinessPlan}`, `BusinessPlan:${idAtVersion(ids.BusinessPlan, 1)}`]));
    });
  });

});

describe('Apollo batches against the mutation rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_MUTATION_RATE_LIMIT: '2' } });
  });
  afterAll(() => t.close());

  it('counts each mutation of a batch: past the limit, the rest are refused one by one and record nothing', async () => {
    const log: Sent[] = [];
    const client = clientWith(batchLink({ url: t.url, token: t.admin.token! }, log, 3));
    const establish = gql`
      mutation Establish($input: EstablishPmoInput!) {
        establishPmo(input: $input) {
          id
        }
      }
    `;

    const outcomes = await Promise.allSettled(['A', 'B', 'C'].map((name) => client.mutate({ mutation: establish, variables: { input: { name: `PMO ${name}`, kind: 'PROJECT' } } })));

    expect(log).toHaveLength(1);
    expect(log[0]!.status).toBe(200);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect(log[0]!.answer.map((answer: Sent['answer']) => answer.errors?.[0]?.extensions?.code ?? 'answered').sort()).toEqual(['RATE_LIMITED', 'answered', 'answered']);
    expect(log[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await t.admin.ok('{ pmos { id } }')).pmos).toHaveLength(2);
  });
});
