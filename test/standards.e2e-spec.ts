import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday } from './support/days';
import { eventually } from './support/eventually';
import type { GraphQLClient } from './support/graphql-client';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { startTestApp, type TestApp } from './support/test-app';
import { idAsOf } from './support/snapshot-ids';

jest.setTimeout(60_000);

const ESTABLISH = `mutation($input: EstablishPmoInput!) { establishPmo(input: $input) { id } }`;
const STANDARD_FIELDS = 'id title status revision publisher { id } current { version effectiveFrom adoptionDueOn maxDeviationDays reason } versions { version }';
const PUBLISH = `mutation($input: PublishStandardInput!) { publishStandard(input: $input) { ${STANDARD_FIELDS} } }`;
const REVISE = `mutation($input: ReviseStandardInput!) { reviseStandard(input: $input) { ${STANDARD_FIELDS} } }`;
const RETIRE = `mutation($input: RetireStandardInput!) { retireStandard(input: $input) { ${STANDARD_FIELDS} } }`;
const ROW_FIELDS = 'status version currentVersion dueOn pmo { id } standard { id } deviation { id status }';
const ADOPT = `mutation($input: AdoptStandardInput!) { adoptStandard(input: $input) { ${ROW_FIELDS} } }`;
const KEEP = `mutation($input: KeepStandardVersionInput!) { keepStandardVersion(input: $input) { ${ROW_FIELDS} } }`;
const DEVIATION_FIELDS = 'id status inAdvance requestedBy decidedBy decisionReason revision standard { id } pmo { id }';
const REQUEST = `mutation($input: RequestDeviationInput!) { requestDeviation(input: $input) { ${DEVIATION_FIELDS} } }`;
const decide = (name: string) => `mutation($input: DecideDeviationInput!) { ${name}(input: $input) { ${DEVIATION_FIELDS} } }`;
const COMPLIANCE = `query($root: ID, $on: LocalDate, $asOf: DateTime) {
  compliance(rootPmoId: $root, on: $on, asOf: $asOf) { on adopted nonCompliant transition pending deviationApproved deviationRequested rows { ${ROW_FIELDS} } }
}`;

type Row = { status: string; version: number | null; pmo: { id: string }; standard: { id: string }; deviation: { id: string } | null };

describe('standards, adoption, leeway, deviations and compliance', () => {
  let t: TestApp;
  let store: EventStore;
  let portfolio: string, programmeA: string, programmeB: string, projectA1: string, projectA2: string, projectB1: string;
  let coo: GraphQLClient, portfolioHead: GraphQLClient, headA: GraphQLClient, headA1: GraphQLClient, headA2: GraphQLClient, headB1: GraphQLClient;
  let member: GraphQLClient, auditor: GraphQLClient;

  const establish = async (name: string, kind: string, parentId: string | null) =>
    (await t.admin.ok(ESTABLISH, { input: { name, kind, parentId } })).establishPmo.id as string;
  const publishInput = (overrides: Record<string, unknown> = {}) => ({
    publisherPmoId: portfolio,
    kind: 'METHODOLOGY',
    title: 'Stage gates',
    summary: 'Five gates for every project',
    appliesTo: ['PROGRAMME', 'PROJECT'],
    effectiveFrom: daysFromToday(-60),
    adoptionDueOn: daysFromToday(-30),
    maxDeviationDays: 90,
    ...overrides,
  });
  /** Refused, with the code and field, and nothing recorded. */
  const refused = async (client: GraphQLClient, document: string, variables: Record<string, unknown>) => {
    const before = await store.headPosition();
    const error = await client.fails(document, variables);
    expect(await store.headPosition()).toBe(before);
    return { code: error.extensions?.['code'], field: error.extensions?.['field'] };
  };
  const statuses = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.pmo.id, r.status]));

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    portfolio = await establish('Group PMO', 'PORTFOLIO', null);
    programmeA = await establish('Retail programme', 'PROGRAMME', portfolio);
    programmeB = await establish('Regulated programme', 'PROGRAMME', portfolio);
    projectA1 = await establish('Shop refit', 'PROJECT', programmeA);
    projectA2 = await establish('Loyalty app', 'PROJECT', programmeA);
    projectB1 = await establish('Reporting line', 'PROJECT', programmeB);
    coo = await t.client('coo@org.test', ['LEADERSHIP']);
    portfolioHead = await t.client('grace@org.test', ['PMO_HEAD'], [portfolio]);
    headA = await t.client('linus@org.test', ['PMO_HEAD'], [programmeA]);
    headA1 = await t.client('ada@org.test', ['PMO_HEAD'], [projectA1]);
    headA2 = await t.client('mia@org.test', ['PMO_HEAD'], [projectA2]);
    headB1 = await t.client('bo@org.test', ['PMO_HEAD'], [projectB1]);
    member = await t.client('ken@org.test', ['MEMBER'], [projectA1]);
    auditor = await t.client('audit@org.test', ['AUDITOR']);
  });
  afterAll(() => t.close());

  it('walks a standard through two versions, a leeway, deviations asked in advance and late, and compliance as known then', async () => {
    // Publishing: only the strategic PMO, and with a due day on or after the effective day.
    expect(await refused(headA, PUBLISH, { input: publishInput({ publisherPmoId: programmeA }) })).toEqual({ code: 'PUBLISHER_NOT_PORTFOLIO', field: 'publisherPmoId' });
    expect(await refused(member, PUBLISH, { input: publishInput() })).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await refused(portfolioHead, PUBLISH, { input: publishInput({ adoptionDueOn: daysFromToday(-61) }) })).toEqual({ code: 'BAD_USER_INPUT', field: 'adoptionDueOn' });
    const { publishStandard: gates } = await portfolioHead.ok(PUBLISH, { input: publishInput() });
    expect(gates).toMatchObject({ status: 'IN_FORCE', publisher: { id: portfolio }, current: { version: 1, maxDeviationDays: 90, reason: null } });
    const { publishStandard: tool } = await coo.ok(PUBLISH, { input: publishInput({ title: 'Planning tool', kind: 'TOOL', appliesTo: ['PROJECT'] }) });

    const { reviseStandard: revised } = await portfolioHead.ok(REVISE, {
      input: { standardId: gates.id, summary: 'Four gates', effectiveFrom: daysFromToday(-10), adoptionDueOn: daysFromToday(-5), reason: 'Gate 3 added nothing', expectedRevision: gates.revision },
    });
    expect(revised.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(revised.current).toMatchObject({ version: 2, reason: 'Gate 3 added nothing', maxDeviationDays: 90 });

    // Adoption: in scope, of a version that exists.
    expect(await refused(headA1, ADOPT, { input: { standardId: gates.id, pmoId: projectA1, version: 3, adoptedOn: daysFromToday(-40) } })).toEqual({
      code: 'UNKNOWN_STANDARD_VERSION',
      field: 'version',
    });
    expect(await refused(headA1, ADOPT, { input: { standardId: gates.id, pmoId: projectA2, version: 1, adoptedOn: daysFromToday(-40) } })).toMatchObject({ code: 'FORBIDDEN' });
    const { adoptStandard: a1 } = await headA1.ok(ADOPT, { input: { standardId: gates.id, pmoId: projectA1, version: 1, adoptedOn: daysFromToday(-40) } });
    expect(a1).toMatchObject({ status: 'NON_COMPLIANT', version: 1, currentVersion: 2, pmo: { id: projectA1 } });
    const { adoptStandard: a } = await headA.ok(ADOPT, { input: { standardId: gates.id, pmoId: programmeA, version: 2, adoptedOn: daysFromToday(-8) } });
    expect(a).toMatchObject({ status: 'ADOPTED', version: 2 });

    // Leeway: the programme for its child, nobody else.
    const leeway = { standardId: gates.id, pmoId: projectA1, version: 1, until: daysFromToday(30), reason: 'The refit closes next month' };
    expect(await refused(headA1, KEEP, { input: leeway })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(portfolioHead, KEEP, { input: { ...leeway, pmoId: programmeA } })).toEqual({ code: 'LEEWAY_NOT_GRANTABLE', field: 'pmoId' });
    expect(await refused(headA, KEEP, { input: { ...leeway, version: 2 } })).toEqual({ code: 'BAD_USER_INPUT', field: 'version' });
    const { keepStandardVersion: kept } = await headA.ok(KEEP, { input: leeway });
    expect(kept).toMatchObject({ status: 'TRANSITION', version: 1 });

    // Deviations: in advance (waits), late (accepted, not in advance), capped, never overlapping.
    const ask = (pmoId: string, from: number, until: number, extra: Record<string, unknown> = {}) => ({
      input: { standardId: gates.id, pmoId, description: 'Monthly gate reviews', reason: 'A team of three', significance: 'SIGNIFICANT', from: daysFromToday(from), until: daysFromToday(until), ...extra },
    });
    const { requestDeviation: inAdvance } = await headA2.ok(REQUEST, ask(projectA2, 5, 40));
    expect(inAdvance).toMatchObject({ status: 'REQUESTED', inAdvance: true, requestedBy: 'mia@org.test', pmo: { id: projectA2 }, standard: { id: gates.id } });
    expect(await refused(headA2, REQUEST, ask(projectA2, 30, 60))).toEqual({ code: 'DEVIATION_OVERLAPS', field: 'from' });
    expect(await refused(headA2, REQUEST, ask(projectA2, 50, 150))).toEqual({ code: 'DEVIATION_TOO_LONG', field: 'until' });
    const { requestDeviation: late } = await headB1.ok(REQUEST, ask(projectB1, -5, 10));
    expect(late).toMatchObject({ status: 'REQUESTED', inAdvance: false });
    const beforeApproval = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));

    // Deciding: the publisher's head or leadership, never the one who asked, and only once.
    expect(await refused(headA, decide('approveDeviation'), { input: { deviationId: late.id, reason: 'ok' } })).toMatchObject({ code: 'FORBIDDEN' });
    const { requestDeviation: adminsOwn } = await t.admin.ok(REQUEST, { input: { ...ask(projectA1, 60, 70).input, standardId: tool.id } });
    expect(await refused(t.admin, decide('approveDeviation'), { input: { deviationId: adminsOwn.id, reason: 'ok' } })).toEqual({
      code: 'SELF_APPROVAL_FORBIDDEN',
      field: 'deviationId',
    });
    const { approveDeviation: approved } = await portfolioHead.ok(decide('approveDeviation'), { input: { deviationId: late.id, reason: 'The regulator asks for monthly reviews' } });
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'grace@org.test', decisionReason: 'The regulator asks for monthly reviews' });
    expect(await refused(coo, decide('rejectDeviation'), { input: { deviationId: late.id, reason: 'no' } })).toEqual({ code: 'DEVIATION_ALREADY_DECIDED', field: 'deviationId' });

    // The matrix today: A adopted v2; A1 keeps v1; A2 has nothing (v2 due 5 days ago); B1 approved late; B nothing.
    const now = await auditor.ok(COMPLIANCE, { root: portfolio });
    const gatesRows = (rows: Row[]) => rows.filter((r) => r.standard.id === gates.id);
    expect(statuses(gatesRows(now.compliance.rows))).toEqual({
      [programmeA]: 'ADOPTED',
      [projectA1]: 'TRANSITION',
      [projectA2]: 'NON_COMPLIANT',
      [programmeB]: 'NON_COMPLIANT',
      [projectB1]: 'DEVIATION_APPROVED',
    });
    // PMOs in tree order (parents first), then standards by title; the TOOL standard binds projects only.
    expect(now.compliance.rows.map((r: Row) => [r.pmo.id, r.standard.id])).toEqual([
      [programmeA, gates.id],
      [projectA1, tool.id],
      [projectA1, gates.id],
      [projectA2, tool.id],
      [projectA2, gates.id],
      [programmeB, gates.id],
      [projectB1, tool.id],
      [projectB1, gates.id],
    ]);
    expect(now.compliance).toMatchObject({ adopted: 1, transition: 1, deviationApproved: 1 });

    // The same day as known before the approval: B1 had asked late and was not yet covered.
    // Every object of that answer carries its snapshot's id (<id>@<instant>), apart from today's.
    const then = await auditor.ok(COMPLIANCE, { root: portfolio, asOf: beforeApproval });
    const gatesThen = then.compliance.rows.filter((r: Row) => r.standard.id === idAsOf(gates.id, beforeApproval));
    expect(statuses(gatesThen)[idAsOf(projectB1, beforeApproval)]).toBe('NON_COMPLIANT');

    // A day inside A2's request, before and after its rejection.
    const inRequest = await member.ok(COMPLIANCE, { root: programmeA, on: daysFromToday(6) });
    const a2 = gatesRows(inRequest.compliance.rows).find((r) => r.pmo.id === projectA2)!;
    expect(a2).toMatchObject({ status: 'DEVIATION_REQUESTED', deviation: { id: inAdvance.id, status: 'REQUESTED' } });
    expect(await refused(headA2, decide('withdrawDeviation'), { input: { deviationId: late.id, reason: 'not mine' } })).toMatchObject({ code: 'FORBIDDEN' });
    await coo.ok(decide('rejectDeviation'), { input: { deviationId: inAdvance.id, reason: 'Monthly is too rare' } });
    const afterRejection = await member.ok(COMPLIANCE, { root: programmeA, on: daysFromToday(6) });
    expect(statuses(gatesRows(afterRejection.compliance.rows))[projectA2]).toBe('NON_COMPLIANT');

    // Reads for every role, with status filters and the history of a deviation with its reasons.
    const listed = await auditor.ok(`query($s: ID) { deviations(standardId: $s) { id status } }`, { s: gates.id });
    expect(listed.deviations.map((d: { status: string }) => d.status).sort()).toEqual(['APPROVED', 'REJECTED']);
    const rejected = await member.ok(`query($p: ID) { deviations(pmoId: $p, status: REJECTED) { id } }`, { p: projectA2 });
    expect(rejected.deviations).toEqual([{ id: inAdvance.id }]);
    const history = await auditor.ok(`query($id: ID!) { history(entity: { type: DEVIATION, id: $id }) { edges { node { type reason actor } } } }`, { id: late.id });
    expect(history.history.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { type: 'DeviationRequested', reason: 'A team of three', actor: 'bo@org.test' },
      { type: 'DeviationApproved', reason: 'The regulator asks for monthly reviews', actor: 'grace@org.test' },
    ]);
    const asked = await member.ok(`query($id: ID!, $asOf: DateTime) { deviation(id: $id, asOf: $asOf) { status } }`, { id: late.id, asOf: beforeApproval });
    expect(asked.deviation.status).toBe('REQUESTED');
    const patterns = await auditor.ok(`query { three: deviationPatterns { pmos } two: deviationPatterns(minPmos: 2) { pmos } one: deviationPatterns(minPmos: 1) { standard { id } deviations pmos reviewSuggested } }`);
    expect(patterns).toEqual({
      three: [],
      two: [],
      one: [
        { standard: { id: gates.id }, deviations: 1, pmos: 1, reviewSuggested: true },
        { standard: { id: tool.id }, deviations: 1, pmos: 1, reviewSuggested: true },
      ].sort((x, y) => x.standard.id.localeCompare(y.standard.id)),
    });

    // Retiring ends the obligations from today, and a retired standard takes no adoption.
    const { retireStandard: retired } = await coo.ok(RETIRE, { input: { standardId: tool.id, reason: 'Replaced by the group planner' } });
    expect(retired.status).toBe('RETIRED');
    expect(await refused(headA1, ADOPT, { input: { standardId: tool.id, pmoId: projectA1, version: 1, adoptedOn: daysFromToday(0) } })).toEqual({
      code: 'STANDARD_RETIRED',
      field: 'standardId',
    });
    const afterRetirement = await auditor.ok(COMPLIANCE, { root: portfolio });
    expect(afterRetirement.compliance.rows.filter((r: Row) => r.standard.id === tool.id)).toEqual([]);
    const standards = await member.ok(`query($p: ID) { standards(publisherPmoId: $p) { title status } }`, { p: portfolio });
    expect(standards.standards).toEqual([
      { title: 'Planning tool', status: 'RETIRED' },
      { title: 'Stage gates', status: 'IN_FORCE' },
    ]);
  });

  it('keeps concurrent overlapping requests for one PMO and standard to one', async () => {
    const { publishStandard: s } = await coo.ok(PUBLISH, { input: publishInput({ title: `Risk log ${Date.now()}` }) });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        headA1.request(REQUEST, {
          input: { standardId: s.id, pmoId: projectA1, description: `Variant ${i}`, reason: 'Small team', significance: 'MINOR', from: daysFromToday(10 + i), until: daysFromToday(40) },
        }),
      ),
    );
    expect(answers.filter((a) => !a.errors).length).toBe(1);
    expect(answers.flatMap((a) => (a.errors ?? []).map((e) => e.extensions?.['code']))).toEqual(Array(5).fill('DEVIATION_OVERLAPS'));
  });
});

describe('deviations across two instances on EventStoreDB (the test double)', () => {
  const { instance } = eventStoreDbInstances();
  const VERIFY = `query { verifyIntegrity { ok problemCount } }`;

  it('accepts one of several overlapping requests sent at once to both instances, and both report the same compliance', async () => {
    const [first, second] = [await instance(), await instance()];
    const pmo = async (name: string, kind: string, parentId: string | null) =>
      (await first.admin.ok(ESTABLISH, { input: { name, kind, parentId } })).establishPmo.id as string;
    const portfolio = await pmo('Group PMO', 'PORTFOLIO', null);
    const project = await pmo('Shop refit', 'PROJECT', portfolio);
    const { publishStandard: s } = await first.admin.ok(PUBLISH, {
      input: { publisherPmoId: portfolio, kind: 'STANDARD', title: 'Risk log', summary: 'Weekly', appliesTo: ['PROJECT'], effectiveFrom: daysFromToday(-20), adoptionDueOn: daysFromToday(-10) },
    });
    await eventually(async () => ((await second.admin.ok(`query($id: ID!) { standard(id: $id) { id } }`, { id: s.id })).standard ? true : null));

    const clients = [first.admin, second.admin];
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        clients[i % 2]!.request(REQUEST, {
          input: { standardId: s.id, pmoId: project, description: `Variant ${i}`, reason: 'Small team', significance: 'MINOR', from: daysFromToday(-3 + i), until: daysFromToday(20) },
        }),
      ),
    );
    expect(answers.filter((a) => !a.errors).length).toBe(1);
    expect(answers.flatMap((a) => (a.errors ?? []).map((e) => e.extensions?.['code']))).toEqual(Array(5).fill('DEVIATION_OVERLAPS'));

    const report = async (client: GraphQLClient) => (await client.ok(COMPLIANCE, { root: portfolio, on: daysFromToday(19) })).compliance.rows.map((r: Row) => r.status);
    expect(await report(first.admin)).toEqual(['DEVIATION_APPROVED']);
    expect(await eventually(async () => ((await report(second.admin))[0] === 'DEVIATION_APPROVED' ? true : null))).toBe(true);
    expect((await first.admin.ok(VERIFY)).verifyIntegrity).toMatchObject({ ok: true, problemCount: 0 });
  });
});

describe('who may set, keep and decide standards: every role against every operation', () => {
  type Column = 'ADMIN' | 'LEADERSHIP' | 'group head' | 'programme head' | 'project head' | 'head elsewhere' | 'MEMBER' | 'AUDITOR';
  const COLUMNS: readonly Column[] = ['ADMIN', 'LEADERSHIP', 'group head', 'programme head', 'project head', 'head elsewhere', 'MEMBER', 'AUDITOR'];
  type Vars = Record<string, unknown>;
  let t: TestApp;
  let store: EventStore;
  let group: string, programme: string, project: string, elsewhere: string;
  let requester: GraphQLClient;
  const clients = {} as Record<Column, GraphQLClient>;
  let counter = 0;

  const standard = async () =>
    (await t.admin.ok(PUBLISH, {
      input: { publisherPmoId: group, kind: 'STANDARD', title: `Risk log ${++counter}`, summary: 'Weekly', appliesTo: ['PROGRAMME', 'PROJECT'], effectiveFrom: daysFromToday(-30), adoptionDueOn: daysFromToday(-10) },
    })).publishStandard as { id: string; revision: number };
  /** Asked by someone who is none of the callers, so that no caller decides their own. */
  const deviation = async () =>
    (await requester.ok(REQUEST, {
      input: { standardId: (await standard()).id, pmoId: project, description: 'Fortnightly', reason: 'Small team', significance: 'SIGNIFICANT', from: daysFromToday(5), until: daysFromToday(20) },
    })).requestDeviation.id as string;

  const WRITERS: Column[] = ['ADMIN', 'LEADERSHIP', 'group head'];
  const ROWS: [string, string, readonly Column[], string, () => Promise<Vars>][] = [
    ['publishStandard', 'standard.manage', WRITERS, PUBLISH, async () => ({
      input: { publisherPmoId: group, kind: 'TOOL', title: `Tool ${++counter}`, summary: 'One planner', appliesTo: ['PROJECT'], effectiveFrom: daysFromToday(0), adoptionDueOn: daysFromToday(30) },
    })],
    ['reviseStandard', 'standard.manage', WRITERS, REVISE, async () => ({
      input: { standardId: (await standard()).id, summary: 'Fortnightly', effectiveFrom: daysFromToday(1), adoptionDueOn: daysFromToday(30), reason: 'Too heavy' },
    })],
    ['retireStandard', 'standard.manage', WRITERS, RETIRE, async () => ({ input: { standardId: (await standard()).id, reason: 'Replaced' } })],
    ['adoptStandard', 'standard.adopt', ['ADMIN', 'project head'], ADOPT, async () => ({
      input: { standardId: (await standard()).id, pmoId: project, version: 1, adoptedOn: daysFromToday(-1) },
    })],
    ['keepStandardVersion', 'standard.leeway', ['ADMIN', 'programme head'], KEEP, async () => {
      const { id, revision } = await standard();
      await t.admin.ok(REVISE, { input: { standardId: id, summary: 'v2', effectiveFrom: daysFromToday(1), adoptionDueOn: daysFromToday(30), reason: 'v2', expectedRevision: revision } });
      return { input: { standardId: id, pmoId: project, version: 1, until: daysFromToday(60), reason: 'Closing soon' } };
    }],
    ['requestDeviation', 'standard.adopt', ['ADMIN', 'project head'], REQUEST, async () => ({
      input: { standardId: (await standard()).id, pmoId: project, description: 'Fortnightly', reason: 'Small team', significance: 'MINOR', from: daysFromToday(5), until: daysFromToday(20) },
    })],
    ['withdrawDeviation', 'standard.adopt', ['ADMIN', 'project head'], decide('withdrawDeviation'), async () => ({ input: { deviationId: await deviation(), reason: 'No longer needed' } })],
    ['approveDeviation', 'deviation.decide', WRITERS, decide('approveDeviation'), async () => ({ input: { deviationId: await deviation(), reason: 'Agreed' } })],
    ['rejectDeviation', 'deviation.decide', WRITERS, decide('rejectDeviation'), async () => ({ input: { deviationId: await deviation(), reason: 'Too long' } })],
    ['standard', 'organisation.read', COLUMNS, `query($id: ID!) { standard(id: $id) { id publisher { id } } }`, async () => ({ id: (await standard()).id })],
    ['standards', 'organisation.read', COLUMNS, `{ standards { id } }`, async () => ({})],
    ['deviation', 'organisation.read', COLUMNS, `query($id: ID!) { deviation(id: $id) { id } }`, async () => ({ id: await deviation() })],
    ['deviations', 'organisation.read', COLUMNS, `query($p: ID) { deviations(pmoId: $p) { id } }`, async () => ({ p: project })],
    ['compliance', 'organisation.read', COLUMNS, `query($root: ID) { compliance(rootPmoId: $root) { adopted } }`, async () => ({ root: group })],
    ['deviationPatterns', 'organisation.read', COLUMNS, `{ deviationPatterns { pmos } }`, async () => ({})],
  ];

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_SQLITE_SYNCHRONOUS: 'NORMAL', PMO_MUTATION_RATE_LIMIT: '0' } });
    store = t.app.get<EventStore>(EVENT_STORE);
    const establish = async (name: string, kind: string, parentId: string | null) =>
      (await t.admin.ok(ESTABLISH, { input: { name, kind, parentId } })).establishPmo.id as string;
    group = await establish('Group PMO', 'PORTFOLIO', null);
    programme = await establish('Retail programme', 'PROGRAMME', group);
    project = await establish('Shop refit', 'PROJECT', programme);
    elsewhere = await establish('Other group', 'PORTFOLIO', null);
    requester = await t.client('barbara@org.test', ['ADMIN']);
    clients.ADMIN = await t.client('admin@org.test', ['ADMIN']);
    clients.LEADERSHIP = await t.client('coo@org.test', ['LEADERSHIP']);
    clients['group head'] = await t.client('grace@org.test', ['PMO_HEAD'], [group]);
    clients['programme head'] = await t.client('linus@org.test', ['PMO_HEAD'], [programme]);
    clients['project head'] = await t.client('ada@org.test', ['PMO_HEAD'], [project]);
    clients['head elsewhere'] = await t.client('ken@org.test', ['PMO_HEAD'], [elsewhere]);
    clients.MEMBER = await t.client('mia@org.test', ['MEMBER'], [project]);
    clients.AUDITOR = await t.client('audit@org.test', ['AUDITOR']);
  });
  afterAll(() => t.close());

  it.each(ROWS.map((r) => [r[0], r] as const))('%s', async (_name, [, permission, allowed, document, prepare]) => {
    const outcomes = {} as Record<Column, string>;
    const problems: string[] = [];
    for (const column of COLUMNS) {
      const vars = await prepare();
      const before = await store.headPosition();
      const result = await clients[column].request(document, vars);
      const error = result.errors?.[0];
      outcomes[column] = error ? String(error.extensions?.['code']) : 'ok';
      if (error && error.extensions?.['permission'] !== permission) problems.push(`${column}: refusal named ${String(error.extensions?.['permission'])}`);
      if (error && (await store.headPosition()) !== before) problems.push(`${column}: a refusal appended events`);
    }
    expect(outcomes).toEqual(Object.fromEntries(COLUMNS.map((column) => [column, allowed.includes(column) ? 'ok' : 'FORBIDDEN'])));
    expect(problems).toEqual([]);
  });
});
