import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLInputField } from 'graphql';
import { daysFromToday } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { ESTABLISH_PMO } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

/** A well-formed id that names nothing. */
const MISSING = '7d1e4a2b-9c3f-4e58-8a6b-0f1e2d3c4b5a';
const WINDOW = { from: daysFromToday(-30), to: daysFromToday(0) };

interface Existing {
  readonly pmo: string;
}

/**
 * Every query that takes an id, once per id it takes: the document, its variables with that id
 * naming nothing (every other id naming something real), and the field the answer must name.
 */
const CASES: readonly [query: string, field: string, document: string, variables: (e: Existing) => Record<string, unknown>][] = [
  ['activity', 'id', 'query($id: ID!) { activity(id: $id) { id } }', () => ({ id: MISSING })],
  ['alignment', 'pmoId', 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { alignment(pmoId: $id, from: $from, to: $to) { totalHours } }', () => ({ id: MISSING, ...WINDOW })],
  ['assistanceReport', 'pmoId', 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { assistanceReport(pmoId: $id, from: $from, to: $to) { engagements } }', () => ({ id: MISSING, ...WINDOW })],
  ['auditLog', 'filter.pmoId', 'query($id: ID) { auditLog(filter: { pmoId: $id }) { edges { cursor } } }', () => ({ id: MISSING })],
  ['businessPlan', 'id', 'query($id: ID!) { businessPlan(id: $id) { id } }', () => ({ id: MISSING })],
  ['communities', 'pmoId', 'query($id: ID!) { communities(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['compliance', 'rootPmoId', 'query($id: ID) { compliance(rootPmoId: $id) { adopted } }', () => ({ id: MISSING })],
  ['contact', 'id', 'query($id: ID!) { contact(id: $id) { id } }', () => ({ id: MISSING })],
  ['contacts', 'pmoId', 'query($id: ID!) { contacts(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['contacts', 'groupId', 'query($pmo: ID!, $id: ID) { contacts(pmoId: $pmo, groupId: $id) { id } }', (e) => ({ pmo: e.pmo, id: MISSING })],
  ['deviation', 'id', 'query($id: ID!) { deviation(id: $id) { id } }', () => ({ id: MISSING })],
  ['deviations', 'pmoId', 'query($id: ID) { deviations(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['deviations', 'standardId', 'query($id: ID) { deviations(standardId: $id) { id } }', () => ({ id: MISSING })],
  ['feedback', 'id', 'query($id: ID!) { feedback(id: $id) { id } }', () => ({ id: MISSING })],
  ['feedbackItems', 'fromPmoId', 'query($id: ID) { feedbackItems(fromPmoId: $id) { id } }', () => ({ id: MISSING })],
  ['feedbackItems', 'toPmoId', 'query($id: ID) { feedbackItems(toPmoId: $id) { id } }', () => ({ id: MISSING })],
  ['history', 'entity.id', 'query($id: ID!) { history(entity: { type: OBJECTIVE, id: $id }) { edges { cursor } } }', () => ({ id: MISSING })],
  ['insightFunnel', 'pmoId', 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { insightFunnel(pmoId: $id, from: $from, to: $to) { heard } }', () => ({ id: MISSING, ...WINDOW })],
  ['insights', 'pmoId', 'query($id: ID!) { insights(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['networkGroups', 'pmoId', 'query($id: ID!) { networkGroups(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['networkHealth', 'pmoId', 'query($id: ID!) { networkHealth(pmoId: $id) { contacts } }', () => ({ id: MISSING })],
  ['networkMap', 'pmoId', 'query($id: ID!) { networkMap(pmoId: $id) { edges { from } } }', () => ({ id: MISSING })],
  ['objective', 'id', 'query($id: ID!) { objective(id: $id) { id } }', () => ({ id: MISSING })],
  ['objectiveTrend', 'objectiveId', 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { objectiveTrend(objectiveId: $id, from: $from, to: $to, granularity: WEEK) { on } }', () => ({ id: MISSING, ...WINDOW })],
  ['personalData', 'contactId', 'query($id: ID!) { personalData(contactId: $id) }', () => ({ id: MISSING })],
  ['planComparison', 'planId', 'query($id: ID!) { planComparison(planId: $id, baselineVersion: 1) { baselineVersion } }', () => ({ id: MISSING })],
  ['planTemplate', 'id', 'query($id: ID!) { planTemplate(id: $id) { id } }', () => ({ id: MISSING })],
  ['planTemplates', 'pmoId', 'query($id: ID) { planTemplates(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['pmo', 'id', 'query($id: ID!) { pmo(id: $id) { id } }', () => ({ id: MISSING })],
  ['pmoComparison', 'pmoIds', 'query($ids: [ID!]!) { pmoComparison(pmoIds: $ids) { commonTools } }', (e) => ({ ids: [e.pmo, MISSING] })],
  ['portfolio', 'rootPmoId', 'query($id: ID) { portfolio(rootPmoId: $id) { id } }', () => ({ id: MISSING })],
  ['purposeChain', 'workEntryId', 'query($id: ID!) { purposeChain(workEntryId: $id) { aligned } }', () => ({ id: MISSING })],
  ['standard', 'id', 'query($id: ID!) { standard(id: $id) { id } }', () => ({ id: MISSING })],
  ['standards', 'publisherPmoId', 'query($id: ID) { standards(publisherPmoId: $id) { id } }', () => ({ id: MISSING })],
  ['supportEngagement', 'id', 'query($id: ID!) { supportEngagement(id: $id) { id } }', () => ({ id: MISSING })],
  ['supportEngagements', 'pmoId', 'query($id: ID!) { supportEngagements(pmoId: $id) { id } }', () => ({ id: MISSING })],
  ['touchpoints', 'pmoId', 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { touchpoints(pmoId: $id, from: $from, to: $to) { id } }', () => ({ id: MISSING, ...WINDOW })],
  [
    'touchpoints',
    'groupId',
    'query($pmo: ID!, $id: ID, $from: LocalDate!, $to: LocalDate!) { touchpoints(pmoId: $pmo, groupId: $id, from: $from, to: $to) { id } }',
    (e) => ({ pmo: e.pmo, id: MISSING, ...WINDOW }),
  ],
  ['verifyIntegrity', 'pmoId', 'query($id: ID) { verifyIntegrity(pmoId: $id) { ok } }', () => ({ id: MISSING })],
  ['workEntries', 'pmoId', 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { workEntries(pmoId: $id, from: $from, to: $to) { id } }', () => ({ id: MISSING, ...WINDOW })],
  [
    'workEntries',
    'activityId',
    'query($pmo: ID!, $id: ID, $from: LocalDate!, $to: LocalDate!) { workEntries(pmoId: $pmo, activityId: $id, from: $from, to: $to) { id } }',
    (e) => ({ pmo: e.pmo, id: MISSING, ...WINDOW }),
  ],
  ['workEntry', 'id', 'query($id: ID!) { workEntry(id: $id) { id } }', () => ({ id: MISSING })],
  ['contactsConnection', 'pmoId', 'query($id: ID!) { contactsConnection(pmoId: $id) { totalCount } }', () => ({ id: MISSING })],
  [
    'contactsConnection',
    'groupId',
    'query($pmo: ID!, $id: ID) { contactsConnection(pmoId: $pmo, groupId: $id) { totalCount } }',
    (e) => ({ pmo: e.pmo, id: MISSING }),
  ],
  ['node', 'id', 'query($id: ID!) { node(id: $id) { id } }', () => ({ id: MISSING })],
  ['portfolioConnection', 'rootPmoId', 'query($id: ID) { portfolioConnection(rootPmoId: $id) { totalCount } }', () => ({ id: MISSING })],
  [
    'touchpointsConnection',
    'pmoId',
    'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { touchpointsConnection(pmoId: $id, from: $from, to: $to) { totalCount } }',
    () => ({ id: MISSING, ...WINDOW }),
  ],
  [
    'touchpointsConnection',
    'groupId',
    'query($pmo: ID!, $id: ID, $from: LocalDate!, $to: LocalDate!) { touchpointsConnection(pmoId: $pmo, groupId: $id, from: $from, to: $to) { totalCount } }',
    (e) => ({ pmo: e.pmo, id: MISSING, ...WINDOW }),
  ],
  [
    'workEntriesConnection',
    'pmoId',
    'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { workEntriesConnection(pmoId: $id, from: $from, to: $to) { totalCount } }',
    () => ({ id: MISSING, ...WINDOW }),
  ],
  [
    'workEntriesConnection',
    'activityId',
    'query($pmo: ID!, $id: ID, $from: LocalDate!, $to: LocalDate!) { workEntriesConnection(pmoId: $pmo, activityId: $id, from: $from, to: $to) { totalCount } }',
    (e) => ({ pmo: e.pmo, id: MISSING, ...WINDOW }),
  ],
];

/** The ids each query of the served schema takes: arguments of type ID, and ID fields of its input arguments. */
const idPaths = (args: readonly (GraphQLArgument | GraphQLInputField)[], prefix = ''): string[] =>
  args.flatMap((arg) => {
    const type = getNamedType(arg.type);
    if (type.name === 'ID') return [`${prefix}${arg.name}`];
    return isInputObjectType(type) ? idPaths(Object.values(type.getFields()), `${prefix}${arg.name}.`) : [];
  });

describe('an id that names nothing', () => {
  let t: TestApp;
  let existing: Existing;

  beforeAll(async () => {
    t = await startTestApp();
    const establish = async (name: string, kind: string, parentId?: string) =>
      (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind, ...(parentId ? { parentId } : {}) } })).establishPmo.id as string;
    existing = { pmo: await establish('Delivery PMO', 'PROGRAMME', await establish('Group PMO', 'PORTFOLIO')) };
  });
  afterAll(() => t.close());

  it('is a case below for every id every query takes, and only those', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../apps/api/schema.graphql'), 'utf8'));
    const served = Object.values(schema.getQueryType()!.getFields()).flatMap((query) => idPaths(query.args).map((field) => `${query.name} ${field}`));

    expect(CASES.map(([query, field]) => `${query} ${field}`).sort()).toEqual(served.sort());
  });

  it.each(CASES)('%s: NOT_FOUND on %s, and no answer for the query', async (query, field, document, variables) => {
    const answer = await t.admin.request(document, variables(existing));

    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field });
    expect(answer.errors![0]!.message).toContain(MISSING);
    expect(answer.data === null || answer.data[query] === null).toBe(true);
  });

  it('is told apart from an id that cannot name anything, which is BAD_USER_INPUT on its field', async () => {
    const malformed = await t.admin.fails('query($id: ID!) { objective(id: $id) { id } }', { id: 'not-an-id' });
    const inList = await t.admin.fails('query($ids: [ID!]!) { pmoComparison(pmoIds: $ids) { commonTools } }', { ids: [existing.pmo, 'x'] });

    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(inList.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pmoIds' });
  });

  it('and from an entity that exists but did not yet at the instant asked about, which is null', async () => {
    const { pmo } = await t.admin.ok('query($id: ID!, $asOf: DateTime) { pmo(id: $id, asOf: $asOf) { id } }', { id: existing.pmo, asOf: '2020-01-01T00:00:00Z' });

    expect(pmo).toBeNull();
  });

  describe('for callers whose permission it is not', () => {
    let member: GraphQLClient;
    let auditor: GraphQLClient;
    let head: GraphQLClient;

    beforeAll(async () => {
      member = await t.client('ken@pmo.example', ['MEMBER'], [existing.pmo]);
      auditor = await t.client('audit@pmo.example', ['AUDITOR']);
      head = await t.client('bo@pmo.example', ['PMO_HEAD'], [existing.pmo]);
    });

    it('is FORBIDDEN as before to a role without the permission, which learns nothing about the id', async () => {
      const personal = await auditor.fails('query($id: ID!) { personalData(contactId: $id) }', { id: MISSING });
      const log = await member.fails('query($id: ID) { auditLog(filter: { pmoId: $id }) { edges { cursor } } }', { id: MISSING });

      expect(personal.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'personal-data.read' });
      expect(log.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'audit.read' });
    });

    it('is NOT_FOUND to a role holding the permission in its own PMOs, as to everyone', async () => {
      const health = await head.fails('query($id: ID!) { networkHealth(pmoId: $id) { contacts } }', { id: MISSING });
      const group = await member.fails('query($pmo: ID!, $id: ID) { contacts(pmoId: $pmo, groupId: $id) { id } }', { pmo: existing.pmo, id: MISSING });

      expect(health.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'pmoId' });
      expect(group.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'groupId' });
    });
  });
});
