import type { EventStore } from '@throughline/event-store';
import type { Role } from '@throughline/runtime';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday, today } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every role tried against every operation. The expected cells are written out here from the
 * rules (not read from the permission table), so a change to the table that breaks a rule fails.
 */

type Column = 'ADMIN' | 'LEADERSHIP' | 'PMO_HEAD' | 'PMO_HEAD elsewhere' | 'MEMBER' | 'MEMBER elsewhere' | 'AUDITOR';
const COLUMNS: readonly Column[] = ['ADMIN', 'LEADERSHIP', 'PMO_HEAD', 'PMO_HEAD elsewhere', 'MEMBER', 'MEMBER elsewhere', 'AUDITOR'];

/** "home" is the PMO every target lives in; "away" is another PMO. */
const CALLERS: Record<Column, { subject: string; roles: Role[]; pmo: 'home' | 'away' | null }> = {
  ADMIN: { subject: 'admin@org.test', roles: ['ADMIN'], pmo: null },
  LEADERSHIP: { subject: 'coo@org.test', roles: ['LEADERSHIP'], pmo: null },
  PMO_HEAD: { subject: 'grace@org.test', roles: ['PMO_HEAD'], pmo: 'home' },
  'PMO_HEAD elsewhere': { subject: 'linus@org.test', roles: ['PMO_HEAD'], pmo: 'away' },
  MEMBER: { subject: 'ada@org.test', roles: ['MEMBER'], pmo: 'home' },
  'MEMBER elsewhere': { subject: 'ken@org.test', roles: ['MEMBER'], pmo: 'away' },
  AUDITOR: { subject: 'auditor@org.test', roles: ['AUDITOR'], pmo: null },
};

/** Someone who is none of the callers. */
const SOMEONE_ELSE = 'barbara@org.test';

type Outcome = string;
type Vars = Record<string, unknown>;

interface Row {
  readonly name: string;
  /** The permission a refusal must name. */
  readonly permission: string;
  readonly allowed: readonly Column[];
  /** A fresh target for this caller, made by an admin: the variables the operation is sent with. */
  readonly prepare: (subject: string) => Promise<Vars>;
  readonly run: (caller: Column, vars: Vars) => Promise<{ outcome: Outcome; permission?: unknown }>;
}

const ALL = COLUMNS;
const WRITERS_OF_RECORD: Column[] = ['ADMIN', 'LEADERSHIP'];
const HOME_HEAD: Column[] = ['ADMIN', 'PMO_HEAD'];
const HOME_HEAD_AND_SELF: Column[] = ['ADMIN', 'PMO_HEAD', 'MEMBER'];
const READERS_OF_WORK: Column[] = ['ADMIN', 'LEADERSHIP', 'PMO_HEAD', 'PMO_HEAD elsewhere', 'AUDITOR'];
const AUDIT_OF_HOME: Column[] = ['ADMIN', 'LEADERSHIP', 'PMO_HEAD', 'AUDITOR'];
const AUDIT_OF_ALL: Column[] = ['ADMIN', 'LEADERSHIP', 'AUDITOR'];
const NETWORK_READERS: Column[] = ['ADMIN', 'LEADERSHIP', 'PMO_HEAD', 'MEMBER', 'AUDITOR'];

const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { id } }`;

describe('who may do what: every role against every operation', () => {
  let t: TestApp;
  let store: EventStore;
  const clients = {} as Record<Column, GraphQLClient>;
  const tokens = {} as Record<Column, string>;
  let home: string;
  let away: string;
  let objective: string;
  let plan: string;
  let activity: string;
  let headClient: GraphQLClient;
  let leaderClient: GraphQLClient;
  let counter = 0;
  const next = () => ++counter;

  // ---- fixtures, made by an admin ----
  const admin = () => t.admin;
  const metric = { name: 'On time', unit: '%', baseline: 0, target: 100 };
  const newObjective = async (owner = SOMEONE_ELSE) =>
    (await admin().ok(mutation('defineObjective', 'DefineObjectiveInput'), {
      input: { pmoId: home, title: `Objective ${next()}`, metric, dueOn: daysFromToday(300), startsOn: daysFromToday(-100), owner },
    })).defineObjective.id as string;
  const newPlan = async () =>
    (await admin().ok(mutation('draftBusinessPlan', 'DraftBusinessPlanInput'), {
      input: { pmoId: home, title: `Plan ${next()}`, periodStart: daysFromToday(-200), periodEnd: daysFromToday(300) },
    })).draftBusinessPlan.id as string;
  /** Submitted by the home PMO's head, so that neither an admin nor leadership approves their own. */
  const submittedPlan = async () => {
    const planId = await newPlan();
    await headClient.ok(mutation('submitBusinessPlan', 'PlanTransitionInput'), { input: { planId } });
    return planId;
  };
  const approvedPlan = async () => {
    const planId = await submittedPlan();
    await leaderClient.ok(mutation('approveBusinessPlan', 'PlanTransitionInput'), { input: { planId } });
    return planId;
  };
  const newActivity = async (extra: Vars = {}) =>
    (await admin().ok(mutation('planActivity', 'PlanActivityInput'), {
      input: { planId: plan, title: `Activity ${next()}`, responsible: SOMEONE_ELSE, mode: 'DIRECT', startsOn: daysFromToday(-30), endsOn: daysFromToday(60), ...extra },
    })).planActivity.id as string;
  /** Half an hour on a day of its own, so no one's day ever nears 24 hours. */
  const workDay = () => daysFromToday(-1 - (next() % 150));
  const newWork = async (person: string) =>
    (await admin().ok(mutation('logWork', 'LogWorkInput'), {
      input: { pmoId: home, person, workedOn: workDay(), hours: 0.5, description: 'Reviewed the risk log', activityId: activity },
    })).logWork.id as string;

  // ---- how a cell is tried ----
  const graphql =
    (document: string) =>
    async (caller: Column, vars: Vars): Promise<{ outcome: Outcome; permission?: unknown }> => {
      const result = await clients[caller].request(document, vars);
      const error = result.errors?.[0];
      if (error) return { outcome: String(error.extensions?.code), permission: error.extensions?.permission };
      return { outcome: result.data ? 'ok' : 'no data' };
    };
  const exportRoute =
    () =>
    async (caller: Column, vars: Vars): Promise<{ outcome: Outcome; permission?: unknown }> => {
      const query = vars.pmoId ? `?pmoId=${vars.pmoId as string}` : '';
      const response = await fetch(`${t.url}/export/audit.ndjson${query}`, { headers: { authorization: `Bearer ${tokens[caller]}` } });
      if (response.status === 200) {
        await response.text();
        return { outcome: 'ok' };
      }
      const body = (await response.json()) as { errors?: { extensions?: { code?: string; permission?: unknown } }[] };
      return { outcome: String(body.errors?.[0]?.extensions?.code ?? response.status), permission: body.errors?.[0]?.extensions?.permission };
    };

  const row = (
    name: string,
    permission: string,
    allowed: readonly Column[],
    document: string,
    prepare: (subject: string) => Promise<Vars> | Vars,
  ): Row => ({ name, permission, allowed, prepare: async (subject) => prepare(subject), run: graphql(document) });

  const ROWS: Row[] = [
    // PMOs and mandates
    row('establishPmo', 'pmo.manage', WRITERS_OF_RECORD, mutation('establishPmo', 'EstablishPmoInput'), () => ({
      input: { name: `Office ${next()}`, kind: 'PROJECT' },
    })),
    row('renamePmo', 'pmo.manage', WRITERS_OF_RECORD, mutation('renamePmo', 'RenamePmoInput'), () => ({
      input: { pmoId: home, name: `Home office ${next()}` },
    })),
    row('assignPmoHead', 'pmo.manage', WRITERS_OF_RECORD, mutation('assignPmoHead', 'AssignPmoHeadInput'), () => ({
      input: { pmoId: home, head: `Head ${next()}` },
    })),
    row('issueMandate', 'mandate.issue', WRITERS_OF_RECORD, mutation('issueMandate', 'IssueMandateInput'), () => ({
      input: { pmoId: home, purpose: 'GOVERNANCE', statement: `Assure delivery, take ${next()}`, sponsor: 'CFO', effectiveFrom: today(), reason: 'Sharper wording' },
    })),
    // objectives
    row('defineObjective', 'objective.manage', HOME_HEAD, mutation('defineObjective', 'DefineObjectiveInput'), () => ({
      input: { pmoId: home, title: `Defined ${next()}`, metric, dueOn: daysFromToday(200), owner: SOMEONE_ELSE },
    })),
    row('reviseObjective', 'objective.manage', HOME_HEAD, mutation('reviseObjective', 'ReviseObjectiveInput'), async () => ({
      input: { objectiveId: await newObjective(), target: 90, reason: 'Budget cut' },
    })),
    row('closeObjective', 'objective.manage', HOME_HEAD, mutation('closeObjective', 'CloseObjectiveInput'), async () => ({
      input: { objectiveId: await newObjective(), outcome: 'ABANDONED', reason: 'Merged into another' },
    })),
    row('recordProgress on an objective the caller owns', 'objective.progress', HOME_HEAD_AND_SELF, mutation('recordProgress', 'RecordProgressInput'), async (subject) => ({
      input: { objectiveId: await newObjective(subject), value: 40, measuredOn: today() },
    })),
    row('recordProgress on an objective someone else owns', 'objective.progress', HOME_HEAD, mutation('recordProgress', 'RecordProgressInput'), async () => ({
      input: { objectiveId: await newObjective(SOMEONE_ELSE), value: 40, measuredOn: today() },
    })),
    // business plans
    row('draftBusinessPlan', 'plan.edit', HOME_HEAD, mutation('draftBusinessPlan', 'DraftBusinessPlanInput'), () => ({
      input: { pmoId: home, title: `Drafted ${next()}`, periodStart: daysFromToday(-10), periodEnd: daysFromToday(100) },
    })),
    row('reviseBusinessPlan', 'plan.edit', HOME_HEAD, mutation('reviseBusinessPlan', 'PlanTransitionInput'), async () => ({
      input: { planId: await approvedPlan(), reason: 'New objective' },
    })),
    row('submitBusinessPlan', 'plan.submit', HOME_HEAD, mutation('submitBusinessPlan', 'PlanTransitionInput'), async () => ({
      input: { planId: await newPlan() },
    })),
    row('approveBusinessPlan (submitted by someone else)', 'plan.review', WRITERS_OF_RECORD, mutation('approveBusinessPlan', 'PlanTransitionInput'), async () => ({
      input: { planId: await submittedPlan() },
    })),
    row('returnBusinessPlan', 'plan.review', WRITERS_OF_RECORD, mutation('returnBusinessPlan', 'PlanTransitionInput'), async () => ({
      input: { planId: await submittedPlan(), reason: 'Objective 3 has no activity' },
    })),
    // activities
    row('planActivity', 'activity.manage', HOME_HEAD, mutation('planActivity', 'PlanActivityInput'), () => ({
      input: { planId: plan, title: `Planned ${next()}`, responsible: SOMEONE_ELSE, mode: 'SUPERVISED', startsOn: today(), endsOn: daysFromToday(30) },
    })),
    row('linkActivityToObjective', 'activity.manage', HOME_HEAD, mutation('linkActivityToObjective', 'LinkActivityInput'), async () => ({
      input: { activityId: await newActivity(), objectiveId: objective, rationale: 'Reviews keep projects on time' },
    })),
    row('unlinkActivityFromObjective', 'activity.manage', HOME_HEAD, mutation('unlinkActivityFromObjective', 'UnlinkActivityInput'), async () => ({
      input: {
        activityId: await newActivity({ contributions: [{ objectiveId: objective, rationale: 'Reviews keep projects on time' }] }),
        objectiveId: objective,
        reason: 'No longer serves it',
      },
    })),
    row('rescheduleActivity', 'activity.manage', HOME_HEAD, mutation('rescheduleActivity', 'RescheduleActivityInput'), async () => ({
      input: { activityId: await newActivity(), startsOn: daysFromToday(-20), endsOn: daysFromToday(90), reason: 'Vendor late' },
    })),
    row('reassignActivity', 'activity.manage', HOME_HEAD, mutation('reassignActivity', 'ReassignActivityInput'), async () => ({
      input: { activityId: await newActivity(), responsible: 'dennis@org.test', reason: 'Leave' },
    })),
    row('cancelActivity', 'activity.manage', HOME_HEAD, mutation('cancelActivity', 'CancelActivityInput'), async () => ({
      input: { activityId: await newActivity(), reason: 'Out of scope' },
    })),
    row('completeActivity the caller is responsible for', 'activity.complete', HOME_HEAD_AND_SELF, mutation('completeActivity', 'CompleteActivityInput'), async (subject) => ({
      input: { activityId: await newActivity({ responsible: subject }) },
    })),
    row('completeActivity someone else is responsible for', 'activity.complete', HOME_HEAD, mutation('completeActivity', 'CompleteActivityInput'), async () => ({
      input: { activityId: await newActivity({ responsible: SOMEONE_ELSE }) },
    })),
    // work
    row('logWork for themselves', 'work.record', HOME_HEAD_AND_SELF, mutation('logWork', 'LogWorkInput'), () => ({
      input: { pmoId: home, workedOn: workDay(), hours: 0.5, description: 'Steering committee' },
    })),
    row('logWork naming themselves as the person', 'work.record', HOME_HEAD_AND_SELF, mutation('logWork', 'LogWorkInput'), (subject) => ({
      input: { pmoId: home, person: subject, workedOn: workDay(), hours: 0.5, description: 'Steering committee' },
    })),
    row('logWork for someone else', 'work.record', HOME_HEAD, mutation('logWork', 'LogWorkInput'), () => ({
      input: { pmoId: home, person: SOMEONE_ELSE, workedOn: workDay(), hours: 0.5, description: 'Steering committee' },
    })),
    row('correctWork of their own entry', 'work.record', HOME_HEAD_AND_SELF, mutation('correctWork', 'CorrectWorkInput'), async (subject) => ({
      input: { workEntryId: await newWork(subject), hours: 1, reason: 'Typo' },
    })),
    row('correctWork of their own entry over to someone else', 'work.record', HOME_HEAD, mutation('correctWork', 'CorrectWorkInput'), async (subject) => ({
      input: { workEntryId: await newWork(subject), person: SOMEONE_ELSE, reason: 'It was Barbara' },
    })),
    row("correctWork of someone else's entry", 'work.record', HOME_HEAD, mutation('correctWork', 'CorrectWorkInput'), async () => ({
      input: { workEntryId: await newWork(SOMEONE_ELSE), hours: 1, reason: 'Typo' },
    })),
    row('retractWork of their own entry', 'work.record', HOME_HEAD_AND_SELF, mutation('retractWork', 'RetractWorkInput'), async (subject) => ({
      input: { workEntryId: await newWork(subject), reason: 'Logged twice' },
    })),
    row("retractWork of someone else's entry", 'work.record', HOME_HEAD, mutation('retractWork', 'RetractWorkInput'), async () => ({
      input: { workEntryId: await newWork(SOMEONE_ELSE), reason: 'Logged twice' },
    })),
    // reading the record
    row('pmos', 'records.read', ALL, '{ pmos { id } }', () => ({})),
    row('pmo', 'records.read', ALL, 'query($id: ID!) { pmo(id: $id) { id mandate { version } } }', () => ({ id: home })),
    row('objective', 'records.read', ALL, 'query($id: ID!) { objective(id: $id) { id } }', () => ({ id: objective })),
    row('portfolio', 'records.read', ALL, '{ portfolio { id } }', () => ({})),
    row('pmosConnection', 'records.read', ALL, '{ pmosConnection(first: 5) { edges { cursor } } }', () => ({})),
    row('portfolioConnection', 'records.read', ALL, '{ portfolioConnection(last: 5) { totalCount } }', () => ({})),
    row('businessPlan', 'records.read', ALL, 'query($id: ID!) { businessPlan(id: $id) { id activities { id } } }', () => ({ id: plan })),
    row('activity', 'records.read', ALL, 'query($id: ID!) { activity(id: $id) { id hoursLogged } }', () => ({ id: activity })),
    row('alignment', 'records.read', ALL, 'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { alignment(pmoId: $id, from: $from, to: $to) { totalHours } }', () => ({
      id: home,
      from: daysFromToday(-30),
      to: today(),
    })),
    row('workEntry of their own', 'work.read', [...READERS_OF_WORK, 'MEMBER'], 'query($id: ID!) { workEntry(id: $id) { id } }', async (subject) => ({
      id: await newWork(subject),
    })),
    row("workEntry of someone else's", 'work.read', READERS_OF_WORK, 'query($id: ID!) { workEntry(id: $id) { id } }', async () => ({
      id: await newWork(SOMEONE_ELSE),
    })),
    row('purposeChain of their own work', 'work.read', [...READERS_OF_WORK, 'MEMBER'], 'query($id: ID!) { purposeChain(workEntryId: $id) { aligned } }', async (subject) => ({
      id: await newWork(subject),
    })),
    row(
      'workEntries narrowed to themselves',
      'work.read',
      [...READERS_OF_WORK, 'MEMBER'],
      'query($id: ID!, $from: LocalDate!, $to: LocalDate!, $person: String) { workEntries(pmoId: $id, from: $from, to: $to, person: $person) { id } }',
      (subject) => ({ id: home, from: daysFromToday(-200), to: today(), person: subject }),
    ),
    row(
      "workEntries of everyone's",
      'work.read',
      READERS_OF_WORK,
      'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { workEntries(pmoId: $id, from: $from, to: $to) { id } }',
      () => ({ id: home, from: daysFromToday(-200), to: today() }),
    ),
    row(
      'workEntriesConnection narrowed to themselves',
      'work.read',
      [...READERS_OF_WORK, 'MEMBER'],
      'query($id: ID!, $from: LocalDate!, $to: LocalDate!, $person: String) { workEntriesConnection(pmoId: $id, from: $from, to: $to, person: $person) { totalCount } }',
      (subject) => ({ id: home, from: daysFromToday(-200), to: today(), person: subject }),
    ),
    row(
      "workEntriesConnection of everyone's",
      'work.read',
      READERS_OF_WORK,
      'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { workEntriesConnection(pmoId: $id, from: $from, to: $to, first: 5) { edges { cursor } } }',
      () => ({ id: home, from: daysFromToday(-200), to: today() }),
    ),
    // the PMO's network
    row('contactsConnection', 'network.read', NETWORK_READERS, 'query($id: ID!) { contactsConnection(pmoId: $id) { totalCount } }', () => ({ id: home })),
    row(
      'touchpointsConnection',
      'network.read',
      NETWORK_READERS,
      'query($id: ID!, $from: LocalDate!, $to: LocalDate!) { touchpointsConnection(pmoId: $id, from: $from, to: $to) { edges { cursor } } }',
      () => ({ id: home, from: daysFromToday(-30), to: today() }),
    ),
    // the record's own history
    row('history of an objective', 'audit.read', AUDIT_OF_HOME, 'query($id: ID!) { history(entity: { type: OBJECTIVE, id: $id }) { edges { node { type } } } }', () => ({ id: objective })),
    row('history of a work entry', 'audit.read', AUDIT_OF_HOME, 'query($id: ID!) { history(entity: { type: WORK_ENTRY, id: $id }) { edges { node { type } } } }', async (subject) => ({
      id: await newWork(subject),
    })),
    row('auditLog of the PMO', 'audit.read', AUDIT_OF_HOME, 'query($id: ID) { auditLog(filter: { pmoId: $id }, first: 5) { edges { cursor } } }', () => ({ id: home })),
    row('auditLog of every PMO', 'audit.read', AUDIT_OF_ALL, '{ auditLog(first: 5) { edges { cursor } } }', () => ({})),
    row('verifyIntegrity of the PMO', 'integrity.verify', AUDIT_OF_HOME, 'query($id: ID) { verifyIntegrity(pmoId: $id) { __typename } }', () => ({ id: home })),
    row('verifyIntegrity of every PMO', 'integrity.verify', AUDIT_OF_ALL, '{ verifyIntegrity { __typename } }', () => ({})),
    { ...row('export of the PMO', 'audit.export', AUDIT_OF_HOME, '', () => ({ pmoId: home })), run: exportRoute() },
    { ...row('export of every PMO', 'audit.export', AUDIT_OF_ALL, '', () => ({})), run: exportRoute() },
  ];

  beforeAll(async () => {
    // Hundreds of fixtures: durability and the mutation rate limit are not what is tried here.
    t = await startTestApp({ env: { PMO_SQLITE_SYNCHRONOUS: 'NORMAL', PMO_MUTATION_RATE_LIMIT: '0' } });
    store = t.app.get(EVENT_STORE, { strict: false });
    home = (await t.admin.ok(mutation('establishPmo', 'EstablishPmoInput'), { input: { name: 'Home office', kind: 'PROGRAMME' } })).establishPmo.id;
    away = (await t.admin.ok(mutation('establishPmo', 'EstablishPmoInput'), { input: { name: 'Away office', kind: 'PROGRAMME' } })).establishPmo.id;
    for (const column of COLUMNS) {
      const { subject, roles, pmo } = CALLERS[column];
      clients[column] = await t.client(subject, roles, pmo === 'home' ? [home] : pmo === 'away' ? [away] : []);
      tokens[column] = clients[column].token as string;
    }
    headClient = clients.PMO_HEAD;
    leaderClient = clients.LEADERSHIP;
    objective = await newObjective();
    plan = await newPlan();
    activity = await newActivity();
  });
  afterAll(() => t.close());

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    // Targets first, for every caller at once; then each caller tries, one at a time, so that
    // the store's head tells whether a refusal appended anything.
    const vars = await Promise.all(COLUMNS.map((column) => r.prepare(CALLERS[column].subject)));
    const outcomes = {} as Record<Column, Outcome>;
    const problems: string[] = [];
    for (const [i, column] of COLUMNS.entries()) {
      const before = await store.headPosition();
      const { outcome, permission } = await r.run(column, vars[i] as Vars);
      const after = await store.headPosition();
      outcomes[column] = outcome;
      if (outcome === 'FORBIDDEN' && permission !== r.permission) problems.push(`${column}: refusal named ${String(permission)}`);
      if (outcome === 'FORBIDDEN' && before !== after) problems.push(`${column}: a refusal appended events`);
    }
    const expected = Object.fromEntries(COLUMNS.map((column) => [column, r.allowed.includes(column) ? 'ok' : 'FORBIDDEN']));

    expect(outcomes).toEqual(expected);
    expect(problems).toEqual([]);
  });

  describe('separation of duties', () => {
    const SUBMIT = mutation('submitBusinessPlan', 'PlanTransitionInput');
    const APPROVE = mutation('approveBusinessPlan', 'PlanTransitionInput');

    it('refuses an ADMIN approving a plan they submitted, and changes nothing', async () => {
      const planId = await newPlan();
      await t.admin.ok(SUBMIT, { input: { planId } });
      const before = await store.headPosition();

      const refused = await t.admin.fails(APPROVE, { input: { planId } });

      expect(refused.extensions).toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN' });
      expect(await store.headPosition()).toBe(before);
      const read = await t.admin.ok('query($id: ID!) { businessPlan(id: $id) { status } }', { id: planId });
      expect(read.businessPlan.status).toBe('SUBMITTED');
    });

    it('refuses someone who both heads the PMO and sits in leadership, until another leader approves', async () => {
      const both = await t.client('margaret@org.test', ['PMO_HEAD', 'LEADERSHIP'], [home]);
      const planId = await newPlan();
      await both.ok(SUBMIT, { input: { planId } });

      const refused = await both.fails(APPROVE, { input: { planId } });
      const approved = await leaderClient.ok(
        'mutation($input: PlanTransitionInput!) { approveBusinessPlan(input: $input) { status approvedBy versions { submittedBy } } }',
        { input: { planId } },
      );

      expect(refused.extensions).toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN' });
      expect(approved.approveBusinessPlan).toEqual({ status: 'APPROVED', approvedBy: 'coo@org.test', versions: [{ submittedBy: 'margaret@org.test' }] });
    });
  });

  describe('refusals in detail', () => {
    const MISSING = '00000000-0000-4000-8000-000000000000';

    it('answers NOT_FOUND to a PMO head whose permission depends on the target, FORBIDDEN to a role without it', async () => {
      const input = { objectiveId: MISSING, outcome: 'MISSED', reason: 'Gone' };
      const head = await clients.PMO_HEAD.fails(mutation('closeObjective', 'CloseObjectiveInput'), { input });
      const auditor = await clients.AUDITOR.fails(mutation('closeObjective', 'CloseObjectiveInput'), { input });
      const member = await clients.MEMBER.fails('query($id: ID!) { workEntry(id: $id) { id } }', { id: MISSING });

      expect(head.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'objectiveId' });
      expect(auditor.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'objective.manage' });
      expect(member.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    });

    it('says in the refusal which permission is missing and why', async () => {
      const refused = await clients.MEMBER.fails(mutation('logWork', 'LogWorkInput'), {
        input: { pmoId: home, person: SOMEONE_ELSE, workedOn: today(), hours: 1, description: 'Not mine' },
      });

      expect(refused.message).toMatch(/missing permission work\.record/);
      expect(refused.message).toMatch(/their own work/);
    });

    it('asks of HEAD on the export what it asks of GET', async () => {
      const head = (caller: Column) => fetch(`${t.url}/export/audit.ndjson`, { method: 'HEAD', headers: { authorization: `Bearer ${tokens[caller]}` } });

      expect((await head('MEMBER')).status).toBe(403);
      expect((await head('PMO_HEAD')).status).toBe(403);
      expect((await head('AUDITOR')).status).toBe(200);
    });

    it('records the member who logged work as the actor and as the person', async () => {
      const logged = await clients.MEMBER.ok(`mutation($input: LogWorkInput!) { logWork(input: $input) { id person } }`, {
        input: { pmoId: home, workedOn: workDay(), hours: 0.5, description: 'Retrospective' },
      });
      const history = await t.admin.ok('query($id: ID!) { history(entity: { type: WORK_ENTRY, id: $id }) { edges { node { actor } } } }', {
        id: logged.logWork.id,
      });

      expect(logged.logWork.person).toBe('ada@org.test');
      expect(history.history.edges).toEqual([{ node: { actor: 'ada@org.test' } }]);
    });
  });
});
