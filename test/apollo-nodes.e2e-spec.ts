/** node(id) for every entity type, and the Apollo Client the README sets up, over real HTTP. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gql, type ApolloClient } from '@apollo/client';
import { buildSchema, type GraphQLInterfaceType } from 'graphql';
import { recordingFetch, type Sent } from './support/apollo-clients';
import { PMO, typed, type Answer } from './support/apollo-documents';
import { recordWorld, type NodeIds, type World } from './support/apollo-world';
import { idAsOf, idAtVersion } from './support/snapshot-ids';
import { startTestApp, type TestApp } from './support/test-app';

describe('node(id)', () => {
  let t: TestApp;
  let w: World;
  let ids: NodeIds;

  beforeAll(async () => {
    t = await startTestApp();
    w = await recordWorld(t);
    ids = w.ids;
  });
  afterAll(() => t.close());

  const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

  it.each([
    'Pmo',
    'Objective',
    'BusinessPlan',
    'Activity',
    'WorkEntry',
    'Feedback',
    'Standard',
    'Deviation',
    'PlanTemplate',
    'Contact',
    'NetworkGroup',
    'Touchpoint',
    'SupportEngagement',
    'Community',
    'Insight',
  ] as const)('answers a %s by its id', async (type) => {
    expect((await t.admin.ok(NODE, { id: ids[type] })).node).toEqual({ __typename: type, id: ids[type] });
  });

  it('answers the snapshot a snapshot id names, as the type’s own query does', async () => {
    const query = `query($id: ID!) { node(id: $id) { id ... on Objective { currentValue health } ... on BusinessPlan { version status } } }`;
    const past = idAsOf(ids.Objective, w.before);

    expect((await t.admin.ok(query, { id: past })).node).toEqual({ id: past, currentValue: null, health: 'NO_DATA' });
    expect((await t.admin.ok(query, { id: idAtVersion(ids.BusinessPlan, 1) })).node).toEqual({ id: idAtVersion(ids.BusinessPlan, 1), version: 1, status: 'APPROVED' });
    expect((await t.admin.fails(NODE, { id: `${ids.Objective}@v1` })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await t.admin.fails(NODE, { id: idAsOf(ids.PlanTemplate, w.before) })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('checks the permission the type’s own query declares: a programme head reads the portfolio’s objective, not its network', async () => {
    const objective = await w.programmeHead.ok(NODE, { id: ids.Objective });
    const contact = await w.programmeHead.request(NODE, { id: ids.Contact });
    const ownQuery = await w.programmeHead.fails(`query($id: ID!) { contact(id: $id) { id } }`, { id: ids.Contact });

    expect(objective.node).toEqual({ __typename: 'Objective', id: ids.Objective });
    expect(contact.data).toEqual({ node: null });
    expect(contact.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.read' });
    expect(ownQuery.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.read' });
  });

  it('keeps a member to their own work, as workEntry(id) does, and lets them read their PMO’s network', async () => {
    const work = await w.member.request(NODE, { id: ids.WorkEntry });

    expect(work.data).toEqual({ node: null });
    expect(work.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'work.read' });
    expect((await w.member.ok(NODE, { id: ids.Contact })).node).toEqual({ __typename: 'Contact', id: ids.Contact });
  });

  it('answers an id nothing has with NOT_FOUND on id, and one that is no id with BAD_USER_INPUT', async () => {
    const unknown = await t.admin.request(NODE, { id: crypto.randomUUID() });
    const malformed = await t.admin.request(NODE, { id: 'objective-42' });

    expect(unknown.data).toEqual({ node: null });
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(malformed.data).toEqual({ node: null });
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('the Apollo Client the README sets up', () => {
  let t: TestApp;
  let w: World;

  /** The README's client, built from its block as written, pointed at this service. */
  const readmeClient = (): { client: ApolloClient; NODE_TYPES: string[] } => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const block = /### An Apollo Client[^]*?```js\n([^]*?)```/.exec(readme)?.[1];
    if (!block) throw new Error('README has no "An Apollo Client" block');
    const code = block.replace("'http://localhost:4000/graphql'", JSON.stringify(`${t.url}/graphql`));
    const build = new Function('require', 'process', `${code}\nreturn { client, NODE_TYPES };`) as (r: NodeJS.Require, p: unknown) => ReturnType<typeof readmeClient>;
    return build(require, { env: { TOKEN: t.admin.token } });
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await recordWorld(t);
  });
  afterAll(() => t.close());

  it('names every type that implements Node', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'apps', 'api', 'schema.graphql'), 'utf8'));
    const implementations = schema.getImplementations(schema.getType('Node') as GraphQLInterfaceType).objects.map((type) => type.name);

    expect([...readmeClient().NODE_TYPES].sort()).toEqual([...implementations].sort());
  });

  it('batches persisted queries, and reads fragments on Node back from its cache', async () => {
    const { client } = readmeClient();
    const NODE = typed(gql`
      query Node($id: ID!) {
        node(id: $id) {
          id
          ... on Objective {
            currentValue
          }
        }
      }
    `);

    const both = (fetchPolicy: 'cache-first' | 'network-only') =>
      Promise.all([client.query({ query: PMO, variables: { id: w.ids.Pmo }, fetchPolicy }), client.query({ query: NODE, variables: { id: w.ids.Objective }, fetchPolicy })]);
    const log: Sent[] = [];
    // The block fetches with the global fetch, which records here while the client runs.
    const original = globalThis.fetch;
    globalThis.fetch = recordingFetch(log);
    try {
      const [portfolio, node] = await both('cache-first');
      const first = log.length;
      await both('network-only');
      const cached = await client.query({ query: NODE, variables: { id: w.ids.Objective }, fetchPolicy: 'cache-only' });

      expect(portfolio.data?.pmo.name).toBe('Group PMO');
      expect(node.data?.node).toEqual({ __typename: 'Objective', id: w.ids.Objective, currentValue: 52 });
      expect(cached.data).toEqual(node.data);
      // First a batch of two hashes, both unknown, then their texts; once kept, a batch of two hashes answered.
      expect(log[0]!.body.map((op: Answer) => [typeof op.query, typeof op.extensions.persistedQuery.sha256Hash])).toEqual([
        ['undefined', 'string'],
        ['undefined', 'string'],
      ]);
      expect(log[0]!.answer.map((answer: Answer) => answer.errors[0].extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_FOUND']);
      expect(log.slice(1, first).flatMap((sent) => sent.body.map((op: Answer) => typeof op.query))).toEqual(['string', 'string']);
      expect(log.slice(first)).toHaveLength(1);
      expect(log[first]!.body.map((op: Answer) => op.query)).toEqual([undefined, undefined]);
      expect(log[first]!.answer.map((answer: Answer) => answer.errors)).toEqual([undefined, undefined]);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('an answer as of an instant', () => {
  let t: TestApp;
  let w: World;
  // Two documents, each under the cost limit; node(id) is given a snapshot id, the others asOf.
  const DEEP = [
    `query($pmo: ID!, $objective: ID!, $asOf: DateTime) {
      pmo(id: $pmo, asOf: $asOf) {
        id entityId children { id entityId parent { id entityId } }
        objectives { id entityId pmo { id entityId } contributions { activity { id entityId plan { id entityId pmo { id entityId } } } } }
        plans { id entityId template { id entityId } activities { id entityId contributions { objective { id entityId } } } }
      }
      objective(id: $objective, asOf: $asOf) { id entityId }
    }`,
    `query($pmo: ID!, $work: ID!, $touchpoint: ID!, $feedback: ID!, $engagement: ID!, $asOf: DateTime) {
      workEntry(id: $work, asOf: $asOf) { id entityId pmo { id entityId } activity { id entityId } }
      feedback(id: $feedback, asOf: $asOf) { id entityId from { id entityId } to { id entityId } }
      supportEngagement(id: $engagement, asOf: $asOf) { id entityId pmo { id entityId } supportedPmo { id entityId } }
      networkGroups(pmoId: $pmo, asOf: $asOf) { id entityId pmo { id entityId } members { id entityId groups { id entityId } } }
      node(id: $touchpoint) { id ... on Touchpoint { entityId contacts { id entityId } groups { id entityId } workEntry { id entityId } } }
      deviations(pmoId: null, asOf: $asOf) { id entityId pmo { id entityId } standard { id entityId publisher { id entityId } } }
      communities(pmoId: $pmo, asOf: $asOf) { id entityId pmo { id entityId } }
      insights(pmoId: $pmo, asOf: $asOf) { id entityId community { id entityId } pmo { id entityId } }
    }`,
  ];

  /** Every object in an answer that has an entityId, however deep. */
  const entities = (value: unknown): { id: string; entityId: string }[] => {
    if (Array.isArray(value)) return value.flatMap(entities);
    if (value === null || typeof value !== 'object') return [];
    const own = 'entityId' in value ? [value as { id: string; entityId: string }] : [];
    return [...own, ...Object.values(value).flatMap(entities)];
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await recordWorld(t);
  });
  afterAll(() => t.close());

  it('carries its snapshot id on every object in it, however deep; the live answer carries entity ids', async () => {
    const asOf = new Date().toISOString();
    const { ids } = w;
    const variables = { pmo: ids.Pmo, objective: ids.Objective, work: ids.WorkEntry, feedback: ids.Feedback, engagement: ids.SupportEngagement };
    const answer = async (past: boolean) =>
      (
        await Promise.all(
          DEEP.map((query) => t.admin.ok(query, { ...variables, ...(past ? { asOf, touchpoint: idAsOf(ids.Touchpoint, asOf) } : { touchpoint: ids.Touchpoint }) })),
        )
      ).flatMap(entities);

    const past = await answer(true);
    const live = await answer(false);

    expect(past.length).toBeGreaterThanOrEqual(35);
    expect(past.map((o) => o.entityId)).toEqual(live.map((o) => o.entityId));
    expect(new Set(past.map((o) => o.entityId)).size).toBeGreaterThanOrEqual(14);
    expect(live.filter((o) => o.id !== o.entityId)).toEqual([]);
    expect(past.filter((o) => o.id !== idAsOf(o.entityId, asOf))).toEqual([]);
  });
});
