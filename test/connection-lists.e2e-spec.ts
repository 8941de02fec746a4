import { daysFromToday, today } from './support/days';
import { DRAFT_PLAN, ESTABLISH_PMO, LOG_WORK, PLAN_ACTIVITY } from './support/operations';
import { PAGE_INFO, pageBackward, pageForward, type FetchPage, type Page, type PageArgs } from './support/paging';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** The most items a deprecated list answers here: fewer than most lists below hold. */
const CAP = 5;

type Row = Record<string, any>;

const PAGE_VARS = '$first: Int, $after: String, $last: Int, $before: String';
const PAGE_ARGS = 'first: $first, after: $after, last: $last, before: $before';
const connection = (nodeFields: string) => `{ totalCount edges { cursor node { ${nodeFields} } } ${PAGE_INFO} }`;

const PMOS = `query(${PAGE_VARS}, $asOf: DateTime) { pmosConnection(${PAGE_ARGS}, asOf: $asOf) ${connection('id establishedAt')} }`;
const PORTFOLIO = `query(${PAGE_VARS}, $root: ID, $health: ObjectiveHealth, $asOf: DateTime) {
  portfolioConnection(${PAGE_ARGS}, rootPmoId: $root, health: $health, asOf: $asOf) ${connection('id definedAt health')}
}`;
const PMO_OBJECTIVES = `query(${PAGE_VARS}, $id: ID!, $status: ObjectiveStatus) { pmo(id: $id) { objectivesConnection(${PAGE_ARGS}, status: $status) ${connection('id definedAt')} } }`;
const ACTIVITIES = `query(${PAGE_VARS}, $id: ID!, $status: ActivityStatus) { businessPlan(id: $id) { activitiesConnection(${PAGE_ARGS}, status: $status) ${connection('id plannedAt status')} } }`;
const MEASUREMENTS = `query(${PAGE_VARS}, $id: ID!, $asOf: DateTime) { objective(id: $id, asOf: $asOf) { measurementsConnection(${PAGE_ARGS}) ${connection('value')} } }`;
const CONTACTS = `query(${PAGE_VARS}, $pmoId: ID!, $groupId: ID, $stance: Stance) {
  contactsConnection(${PAGE_ARGS}, pmoId: $pmoId, groupId: $groupId, stance: $stance) ${connection('id addedAt')}
}`;
const TOUCHPOINTS = `query(${PAGE_VARS}, $pmoId: ID!, $groupId: ID) {
  touchpointsConnection(${PAGE_ARGS}, pmoId: $pmoId, from: "${daysFromToday(-30)}", to: "${today()}", groupId: $groupId) ${connection('id heldOn')}
}`;
const HISTORY = `query(${PAGE_VARS}, $id: ID!) { history(${PAGE_ARGS}, entity: { type: OBJECTIVE, id: $id }) ${connection('revision type')} }`;
const AUDIT = `query(${PAGE_VARS}, $pmoId: ID) { auditLog(${PAGE_ARGS}, filter: { pmoId: $pmoId }) ${connection('position')} }`;

const DEFINE_OBJECTIVE = `mutation($input: DefineObjectiveInput!) { defineObjective(input: $input) { id definedAt } }`;
const RECORD_PROGRESS = `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { id } }`;
const ADD_CONTACT = `mutation($input: AddContactInput!) { addContact(input: $input) { id addedAt } }`;
const FORM_GROUP = `mutation($input: FormNetworkGroupInput!) { formNetworkGroup(input: $input) { id } }`;
const ASSESS = `mutation($input: AssessContactInput!) { assessContact(input: $input) { id } }`;
const RECORD_TOUCHPOINT = `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id heldOn } }`;

/** Creation order: the instant, then the id, as the lists keep it. */
const created = (at: string) => (a: Row, b: Row) => (a[at] !== b[at] ? (a[at] < b[at] ? -1 : 1) : a.id < b.id ? -1 : 1);
const only = (keys: string[]) => (node: Row) => Object.fromEntries(keys.map((key) => [key, node[key]]));

/**
 * Every other connection, on small lists, paged three at a time both ways over HTTP: each answers
 * its whole list once, in its order, whichever way it is read, with its filters and as of an instant.
 */
describe('every list that grows, a page at a time', () => {
  let t: TestApp;
  let root: string;
  let child: string;
  let elsewhere: string;
  const objectives: Row[] = [];
  let beforeLast: string;
  const pmos: Row[] = [];
  const lists: Record<string, string> = {};

  const pmo = async (name: string, kind: string, parentId: string | null = null) => {
    const established = (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind, parentId } })).establishPmo as Row;
    pmos.push(established);
    return established;
  };
  const objective = async (pmoId: string, title: string) => {
    const input = { pmoId, title, metric: { name: title, unit: '%', baseline: 0, target: 100 }, startsOn: daysFromToday(-100), dueOn: daysFromToday(100), owner: 'Grace' };
    const defined = (await t.admin.ok(DEFINE_OBJECTIVE, { input })).defineObjective as Row;
    objectives.push({ ...defined, pmoId });
    return defined;
  };
  const fetcher =
    <N>(query: string, vars: Row, pick: (data: Row) => Page<N>): FetchPage<N> =>
    async (args: PageArgs) =>
      pick(await t.admin.ok(query, { ...vars, ...args }));
  /** Forward and backward, three at a time: both read exactly `expected`, and the count says as much. */
  const bothWays = async <N>(fetch: FetchPage<N>, expected: readonly N[], keys?: string[]) => {
    const shown = (nodes: N[]) => (keys ? nodes.map((node) => only(keys)(node as Row)) : nodes);
    const forward = await pageForward(fetch, 3);
    const backward = await pageBackward(fetch, 3);
    expect(shown(forward.nodes)).toEqual(expected);
    expect(shown(backward.nodes)).toEqual(expected);
    expect(forward.pages[0]!.totalCount).toBe(expected.length);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_SQLITE_SYNCHRONOUS: 'NORMAL', PMO_MUTATION_RATE_LIMIT: '0', PMO_LIST_CAP: String(CAP) } });
    root = (await pmo('Group PMO', 'PORTFOLIO')).id;
    child = (await pmo('Digital programme', 'PROGRAMME', root)).id;
    elsewhere = (await pmo('Regional PMO', 'PORTFOLIO')).id;
    // Interleaved across the three PMOs, so no PMO's objectives sit together in creation order.
    for (let i = 0; i < 9; i += 1) {
      if (i === 6) beforeLast = new Date().toISOString();
      const defined = await objective([root, child, elsewhere][i % 3]!, `Objective ${i}`);
      if (i % 2 === 0) await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId: defined.id, value: 95, measuredOn: daysFromToday(-1) } });
    }
  });
  afterAll(() => t.close());

  /** A row as a past answer shows it: its id is the snapshot id `<id>@<instant>`. */
  const asOf = (instant: string) => (row: Row) => ({ ...row, id: `${String(row.id)}@${instant}` });

  it('pmosConnection: every PMO oldest first, and as of an instant only those that existed', async () => {
    const existing = [...pmos];
    for (const name of ['Later one', 'Later two', 'Later three']) await pmo(name, 'PROJECT', child);
    const shown = only(['id', 'establishedAt']);

    await bothWays(fetcher(PMOS, {}, (d) => d.pmosConnection), [...pmos].sort(created('establishedAt')).map(shown));
    // A past answer's objects carry snapshot ids, so a normalising cache keeps them apart from live ones.
    await bothWays(fetcher(PMOS, { asOf: beforeLast }, (d) => d.pmosConnection), existing.sort(created('establishedAt')).map(shown).map(asOf(beforeLast)));
  });

  it('portfolioConnection: the subtree’s objectives oldest first, of one health, and as of an instant', async () => {
    const portfolio = fetcher(PORTFOLIO, { root }, (d) => d.portfolioConnection);
    const ofSubtree = objectives.filter((o) => o.pmoId !== elsewhere).sort(created('definedAt'));
    const onTrack = (await pageForward(portfolio, 3)).nodes.filter((o) => (o as Row).health === 'ON_TRACK');

    await bothWays(portfolio, ofSubtree.map(only(['id', 'definedAt'])), ['id', 'definedAt']);
    await bothWays(fetcher(PORTFOLIO, {}, (d) => d.portfolioConnection), [...objectives].sort(created('definedAt')).map(only(['id'])), ['id']);
    expect(onTrack.length).toBeGreaterThan(1);
    expect(onTrack.length).toBeLessThan(ofSubtree.length);
    await bothWays(fetcher(PORTFOLIO, { root, health: 'ON_TRACK' }, (d) => d.portfolioConnection), onTrack);
    await bothWays(
      fetcher(PORTFOLIO, { root, asOf: beforeLast }, (d) => d.portfolioConnection),
      ofSubtree.filter((o) => o.definedAt <= beforeLast).map(only(['id'])).map(asOf(beforeLast)),
      ['id'],
    );
  });

  it('Pmo.objectivesConnection: one PMO’s objectives, of one status', async () => {
    const ofRoot = objectives.filter((o) => o.pmoId === root).sort(created('definedAt')).map(only(['id', 'definedAt']));

    await bothWays(fetcher(PMO_OBJECTIVES, { id: root }, (d) => d.pmo.objectivesConnection), ofRoot);
    await bothWays(fetcher(PMO_OBJECTIVES, { id: root, status: 'ABANDONED' }, (d) => d.pmo.objectivesConnection), []);
  });

  it('BusinessPlan.activitiesConnection: the plan’s activities, and those in progress', async () => {
    const planId = (lists['plan'] = (await t.admin.ok(DRAFT_PLAN, { input: { pmoId: child, title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) } })).draftBusinessPlan.id);
    const planned: Row[] = [];
    for (let i = 0; i < 7; i += 1) {
      const input = { planId, title: `Activity ${i}`, responsible: 'Grace', mode: 'DIRECT', startsOn: daysFromToday(-30), endsOn: daysFromToday(60) };
      planned.push((await t.admin.ok(PLAN_ACTIVITY, { input })).planActivity);
    }
    for (const worked of [planned[1]!, planned[5]!]) {
      await t.admin.ok(LOG_WORK, { input: { pmoId: child, workedOn: daysFromToday(-2), hours: 1, description: 'Gate review', activityId: worked.id } });
    }
    const activities = fetcher(ACTIVITIES, { id: planId }, (d) => d.businessPlan.activitiesConnection);
    const inProgress = fetcher(ACTIVITIES, { id: planId, status: 'IN_PROGRESS' }, (d) => d.businessPlan.activitiesConnection);
    const all = (await pageForward(activities, 3)).nodes as Row[];

    await bothWays(activities, [...all].sort(created('plannedAt')));
    expect(all.map((a) => a.id).sort()).toEqual(planned.map((a) => a.id).sort());
    await bothWays(inProgress, all.filter((a) => a.status === 'IN_PROGRESS'));
    expect(all.filter((a) => a.status === 'IN_PROGRESS').map((a) => a.id).sort()).toEqual([planned[1]!.id, planned[5]!.id].sort());
  });

  it('Objective.measurementsConnection: in the order recorded, and as of an instant only those recorded by then', async () => {
    const target = objectives[1]!.id as string;
    const values = [10, 20, 15, 30, 25, 40, 35];
    let midway = '';
    for (const [i, value] of values.entries()) {
      if (i === 4) midway = new Date().toISOString();
      await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId: target, value, measuredOn: daysFromToday(-20 + i) } });
    }

    await bothWays(fetcher(MEASUREMENTS, { id: target }, (d) => d.objective.measurementsConnection), values.map((value) => ({ value })));
    await bothWays(fetcher(MEASUREMENTS, { id: target, asOf: midway }, (d) => d.objective.measurementsConnection), values.slice(0, 4).map((value) => ({ value })));
  });

  it('history and auditLog: an entity’s events and a PMO’s log, backward as well as forward', async () => {
    const target = objectives[1]!.id as string;
    const history = (await pageForward(fetcher(HISTORY, { id: target }, (d) => d.history), 3)).nodes as Row[];
    const log = (await pageForward(fetcher(AUDIT, { pmoId: child }, (d) => d.auditLog), 3)).nodes as Row[];

    expect(history.map((e) => e.revision)).toEqual(history.map((_, i) => i));
    expect(history.length).toBeGreaterThan(7);
    await bothWays(fetcher(HISTORY, { id: target }, (d) => d.history), history);
    await bothWays(fetcher(AUDIT, { pmoId: child }, (d) => d.auditLog), log);
    expect(log.map((e) => BigInt(e.position))).toEqual([...log.map((e) => BigInt(e.position))].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('contactsConnection and touchpointsConnection: a network’s contacts, a group’s, one stance’s, and touchpoints by day', async () => {
    const group = (lists['group'] = (await t.admin.ok(FORM_GROUP, {
      input: { pmoId: root, kind: 'SENIOR_LEADERSHIP', name: 'Leaders', connection: 'STRATEGIC', cadenceDays: 30, vehicles: ['ONE_TO_ONE'], formedOn: daysFromToday(-60) },
    })).formNetworkGroup.id as string);
    const contacts: Row[] = [];
    for (let i = 0; i < 7; i += 1) {
      const input = { pmoId: root, name: `Contact ${i}`, source: 'STAKEHOLDER', relationship: 'STAKEHOLDER', knownSince: daysFromToday(-50), groupIds: i % 3 === 0 ? [group] : [] };
      contacts.push((await t.admin.ok(ADD_CONTACT, { input })).addContact);
    }
    for (const champion of [contacts[2]!, contacts[3]!, contacts[6]!]) {
      await t.admin.ok(ASSESS, { input: { contactId: champion.id, stance: 'CHAMPION', engagement: 'SUPPORTIVE', desiredEngagement: 'LEADING', assessedOn: daysFromToday(-10) } });
    }
    const touchpoints: Row[] = [];
    for (const [i, day] of [-20, -5, -20, -3, -5, -20, -1, -3].entries()) {
      const input = { pmoId: root, heldOn: daysFromToday(day), vehicle: 'ONE_TO_ONE', contactIds: [contacts[i % 7]!.id], groupIds: i % 2 === 0 ? [group] : [], summary: `Talk ${i}` };
      touchpoints.push({ ...(await t.admin.ok(RECORD_TOUCHPOINT, { input })).recordTouchpoint, named: i % 2 === 0 });
    }
    // By day, and within a day as recorded (the sort is stable).
    const byDay = [...touchpoints].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
    const sorted = [...contacts].sort(created('addedAt'));

    await bothWays(fetcher(CONTACTS, { pmoId: root }, (d) => d.contactsConnection), sorted);
    await bothWays(fetcher(CONTACTS, { pmoId: root, groupId: group }, (d) => d.contactsConnection), sorted.filter((c) => [0, 3, 6].some((i) => contacts[i]!.id === c.id)));
    await bothWays(fetcher(CONTACTS, { pmoId: root, stance: 'CHAMPION' }, (d) => d.contactsConnection), sorted.filter((c) => [2, 3, 6].some((i) => contacts[i]!.id === c.id)));
    await bothWays(fetcher(TOUCHPOINTS, { pmoId: root }, (d) => d.touchpointsConnection), byDay.map(only(['id', 'heldOn'])));
    await bothWays(fetcher(TOUCHPOINTS, { pmoId: root, groupId: group }, (d) => d.touchpointsConnection), byDay.filter((tp) => tp.named).map(only(['id', 'heldOn'])));
  });

  it('answers every deprecated list up to the cap, the same as its connection, and refuses it past the cap, naming the connection', async () => {
    const answered = async (query: string, vars: Row = {}) => Object.values((await t.admin.ok(query, vars)) as Row)[0];
    const refusal = async (query: string, vars: Row = {}) => (await t.admin.fails(query, vars)).extensions;
    const window = { pmoId: root, from: daysFromToday(-30), to: today() };
    const touchpoints = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $groupId: ID) { touchpoints(pmoId: $pmoId, from: $from, to: $to, groupId: $groupId) { id heldOn } }`;
    const touchpointPage = fetcher(TOUCHPOINTS, { pmoId: root, groupId: lists['group'] }, (d) => d.touchpointsConnection);
    const tooLarge = (field: string) => ({ code: 'RESULT_TOO_LARGE', field, connection: `${field}Connection`, cap: CAP });

    expect(await answered(`query($root: ID) { portfolio(rootPmoId: $root) { id } }`, { root: child })).toEqual(
      (await pageForward(fetcher<Row>(PORTFOLIO, { root: child }, (d) => d.portfolioConnection), 10)).nodes.map(only(['id'])),
    );
    expect((await answered(touchpoints, { ...window, groupId: lists['group'] })) as Row[]).toEqual((await pageForward(touchpointPage, 10)).nodes);
    expect(await answered(`query($id: ID!) { pmo(id: $id) { objectives { id } } }`, { id: root })).toEqual({ objectives: objectives.filter((o) => o.pmoId === root).sort(created('definedAt')).map(only(['id'])) });
    expect(await refusal(`{ pmos { id } }`)).toEqual(tooLarge('pmos'));
    expect(await refusal(`{ portfolio { id } }`)).toEqual(tooLarge('portfolio'));
    expect(await refusal(`query($id: ID!) { businessPlan(id: $id) { activities { id } } }`, { id: lists['plan'] })).toEqual(tooLarge('activities'));
    expect(await refusal(`query($id: ID!) { objective(id: $id) { measurements { value } } }`, { id: objectives[1]!.id })).toEqual(tooLarge('measurements'));
    expect(await refusal(`query($pmoId: ID!) { contacts(pmoId: $pmoId) { id } }`, { pmoId: root })).toEqual(tooLarge('contacts'));
    expect(await refusal(touchpoints, window)).toEqual(tooLarge('touchpoints'));
  });

  it('refuses a reader outside the network’s PMO, as the lists do', async () => {
    const outsider = await t.client('ken@org.test', ['MEMBER'], [elsewhere]);
    const refused = await outsider.fails(CONTACTS, { pmoId: root });

    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.read' });
    expect((await outsider.fails(TOUCHPOINTS, { pmoId: root })).extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.read' });
  });
});
