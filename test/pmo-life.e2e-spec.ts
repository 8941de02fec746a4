import { EventStoreDbTestDouble } from '../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday } from './support/days';
import { eventually } from './support/eventually';
import { runCli } from './support/run-cli';
import type { GraphQLClient } from './support/graphql-client';
import { REASSIGN_ACTIVITY, CANCEL_ACTIVITY, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, HISTORY, PLAN_ACTIVITY, CLOSE_OBJECTIVE } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

const LIFE_FIELDS = `id name kind status establishedOn mergedOn mergerReason revision successor { id } parent { id } children { id }
  services { name description since } tools { name description since }`;
const PMO_LIFE = `query($id: ID!, $asOf: DateTime, $on: LocalDate) { pmo(id: $id, asOf: $asOf) {
  ${LIFE_FIELDS} servicesOn: services(on: $on) { name since } toolsOn: tools(on: $on) { name since }
  catalogueHistory { kind name since until declaredReason retiredReason }
  objectives { id status } plans { id activities { id status } } } }`;
const CATALOGUE = (op: string) => `mutation($input: PmoCatalogueInput!) { ${op}(input: $input) { ${LIFE_FIELDS} } }`;
const MERGE = `mutation($input: MergePmoInput!) { mergePmo(input: $input) { ${LIFE_FIELDS} } }`;
const COMPARE = `query($ids: [ID!]!, $on: LocalDate) { pmoComparison(pmoIds: $ids, on: $on) {
  on pmos { id } commonServices commonTools only { pmo { id } services tools } standardGaps { pmo { id } } } }`;
const TEMPLATE_FIELDS = `id title publishedBy publishedAt uses revision source { id } pmo { id }
  activities { title mode startOffsetDays durationDays rationale }`;
const PUBLISH = `mutation($input: PublishPlanTemplateInput!) { publishPlanTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
const DRAFT_FROM = `mutation($input: DraftFromTemplateInput!) { draftBusinessPlanFromTemplate(input: $input) {
  id title periodStart periodEnd status pmo { id } template { id title uses }
  activities { id title mode startsOn endsOn description responsible contributions { objective { id } } } } }`;
const TEMPLATE = `query($id: ID!) { planTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`;
const TEMPLATES = `query { planTemplates { id uses } }`;

describe('when PMOs begin and end, what they offer, their mergers and shared templates', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let leadership: GraphQLClient;
  let auditor: GraphQLClient;
  let headA: GraphQLClient;
  let headB: GraphQLClient;
  let member: GraphQLClient;
  let group: string;
  let alpha: string;
  let beta: string;
  let child: string;
  let project: string;

  const establish = async (input: Record<string, unknown>) => (await admin.ok(ESTABLISH_PMO, { input })).establishPmo.id as string;
  const life = async (client: GraphQLClient, id: string, vars: Record<string, unknown> = {}) => (await client.ok(PMO_LIFE, { id, ...vars })).pmo;

  beforeAll(async () => {
    app = await startTestApp();
    admin = app.admin;
    group = await establish({ name: 'Group PMO', kind: 'PORTFOLIO', establishedOn: daysFromToday(-700) });
    alpha = await establish({ name: 'Alpha programme office', kind: 'PROGRAMME', parentId: group, establishedOn: daysFromToday(-400) });
    beta = await establish({ name: 'Beta programme office', kind: 'PROGRAMME', parentId: group, establishedOn: daysFromToday(-300) });
    child = await establish({ name: 'Alpha project office', kind: 'PROJECT', parentId: alpha });
    project = await establish({ name: 'Standalone project office', kind: 'PROJECT', parentId: group });
    leadership = await app.client('coo@org.test', ['LEADERSHIP']);
    auditor = await app.client('auditor@org.test', ['AUDITOR']);
    headA = await app.client('grace@org.test', ['PMO_HEAD'], [alpha]);
    headB = await app.client('linus@org.test', ['PMO_HEAD'], [beta]);
    member = await app.client('ada@org.test', ['MEMBER'], [alpha]);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('establishedOn', () => {
    it('shows the day given, or the day recorded, and every PMO ACTIVE without successor', async () => {
      expect(await life(auditor, alpha)).toMatchObject({ establishedOn: daysFromToday(-400), status: 'ACTIVE', successor: null, mergedOn: null });
      expect((await life(member, child)).establishedOn).toBe(daysFromToday(0));
    });

    it('refuses a day before the parent’s and a day in the future, recording nothing', async () => {
      const before = await admin.fails(ESTABLISH_PMO, { input: { name: 'Too old', kind: 'PROJECT', parentId: beta, establishedOn: daysFromToday(-301) } });
      expect(before.extensions).toMatchObject({ code: 'ESTABLISHED_BEFORE_PARENT', field: 'establishedOn' });
      const future = await admin.fails(ESTABLISH_PMO, { input: { name: 'Not yet', kind: 'PROJECT', establishedOn: daysFromToday(1) } });
      expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'establishedOn' });
      expect((await life(admin, beta)).children).toEqual([]);
    });
  });

  describe('catalogues', () => {
    beforeAll(async () => {
      const declare = (client: GraphQLClient, op: string, pmoId: string, name: string, on: string) => client.ok(CATALOGUE(op), { input: { pmoId, name, on } });
      await declare(headA, 'declarePmoService', alpha, 'Stage-gate assurance', daysFromToday(-100));
      await declare(headA, 'declarePmoTool', alpha, 'Jira', daysFromToday(-100));
      await declare(headB, 'declarePmoTool', beta, 'Jira', daysFromToday(-90));
      await declare(headB, 'declarePmoTool', beta, 'Miro', daysFromToday(-90));
      await declare(headB, 'declarePmoService', beta, 'Training', daysFromToday(-90));
    });

    it('lets a PMO head and ADMIN manage their catalogue, nobody else', async () => {
      for (const client of [headB, member, auditor, leadership]) {
        const refused = await client.fails(CATALOGUE('declarePmoTool'), { input: { pmoId: alpha, name: 'Excel' } });
        expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'catalogue.manage' });
      }
      const declared = (await admin.ok(CATALOGUE('declarePmoTool'), { input: { pmoId: alpha, name: 'Excel', description: 'Reports', reason: 'Finance asks for it' } })).declarePmoTool;
      expect(declared.tools).toEqual([
        { name: 'Excel', description: 'Reports', since: daysFromToday(0) },
        { name: 'Jira', description: null, since: daysFromToday(-100) },
      ]);
    });

    it('guards a catalogue change with the revision the editor saw', async () => {
      const { revision } = await life(headA, alpha);
      const stale = await headA.fails(CATALOGUE('declarePmoService'), { input: { pmoId: alpha, name: 'Coaching', expectedRevision: revision - 1 } });
      expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentRevision: revision });
      expect((await life(headA, alpha)).revision).toBe(revision);
    });

    it('refuses re-declaring a current item, retiring one not current, and days out of range, naming the field', async () => {
      const cases: [string, Record<string, unknown>, string, string][] = [
        ['declarePmoTool', { name: 'Jira' }, 'CATALOGUE_ITEM_ALREADY_CURRENT', 'name'],
        ['retirePmoService', { name: 'Nothing like it' }, 'CATALOGUE_ITEM_NOT_CURRENT', 'name'],
        ['declarePmoService', { name: 'Later', on: daysFromToday(1) }, 'DAY_IN_FUTURE', 'on'],
        ['declarePmoService', { name: 'Earlier', on: daysFromToday(-401) }, 'DAY_BEFORE_ESTABLISHMENT', 'on'],
        ['declarePmoService', { name: '   ' }, 'BAD_USER_INPUT', 'name'],
        ['declarePmoService', { name: 'Coaching', reason: '' }, 'BAD_USER_INPUT', 'reason'],
      ];
      for (const [op, input, code, field] of cases) {
        expect((await headA.fails(CATALOGUE(op), { input: { pmoId: alpha, ...input } })).extensions).toMatchObject({ code, field });
      }
    });

    it('retires an item on a day: the catalogue as of each day shows what the PMO had, and the history both ends', async () => {
      await headA.ok(CATALOGUE('retirePmoTool'), { input: { pmoId: alpha, name: 'Excel', on: daysFromToday(0), reason: 'Reports moved to the dashboard' } });
      const pmo = await life(member, alpha, { on: daysFromToday(-50) });
      expect(pmo.tools.map((t: { name: string }) => t.name)).toEqual(['Jira']);
      expect(pmo.toolsOn.map((t: { name: string }) => t.name)).toEqual(['Jira']);
      expect((await life(member, alpha, { on: daysFromToday(-101) })).servicesOn).toEqual([]);
      expect(pmo.catalogueHistory).toContainEqual({
        kind: 'TOOL',
        name: 'Excel',
        since: daysFromToday(0),
        until: daysFromToday(0),
        declaredReason: 'Finance asks for it',
        retiredReason: 'Reports moved to the dashboard',
      });
    });

    it('compares PMOs on a day for every role, with standard gaps left to compliance', async () => {
      for (const client of [auditor, member, headB]) {
        const { pmoComparison } = await client.ok(COMPARE, { ids: [alpha, beta], on: daysFromToday(-20) });
        expect(pmoComparison).toEqual({
          on: daysFromToday(-20),
          pmos: [{ id: alpha }, { id: beta }],
          commonServices: [],
          commonTools: ['Jira'],
          only: [
            { pmo: { id: alpha }, services: ['Stage-gate assurance'], tools: [] },
            { pmo: { id: beta }, services: ['Training'], tools: ['Miro'] },
          ],
          standardGaps: [],
        });
      }
      expect((await auditor.fails(COMPARE, { ids: [alpha, alpha] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pmoIds' });
    });
  });

  describe('shared templates', () => {
    let sourcePlan: string;
    let emptyPlan: string;
    let templateId: string;

    beforeAll(async () => {
      const draft = async (client: GraphQLClient, pmoId: string, title: string) =>
        (await client.ok(DRAFT_PLAN, { input: { pmoId, title, periodStart: '2026-01-01', periodEnd: '2026-12-31' } })).draftBusinessPlan.id as string;
      sourcePlan = await draft(headA, alpha, 'Alpha plan 2026');
      emptyPlan = await draft(headA, alpha, 'Nothing planned yet');
      const objective = (
        await headA.ok(DEFINE_OBJECTIVE, {
          input: { pmoId: alpha, title: 'Gates on time', metric: { name: 'On time', unit: '%', baseline: 50, target: 90 }, startsOn: '2026-01-01', dueOn: '2026-12-31', owner: 'grace@org.test' },
        })
      ).defineObjective.id;
      const plan = (input: Record<string, unknown>) =>
        headA.ok(PLAN_ACTIVITY, { input: { planId: sourcePlan, responsible: 'grace@org.test', mode: 'DIRECT', ...input } });
      await plan({ title: 'Kick-off', startsOn: '2026-01-01', endsOn: '2026-01-01', description: 'Everyone in one room' });
      await plan({
        title: 'Gate reviews',
        mode: 'SUPERVISED',
        startsOn: '2026-04-01',
        endsOn: '2026-06-30',
        contributions: [{ objectiveId: objective, rationale: 'Reviews keep gates on time' }],
      });
    });

    it('publishes a plan of their PMO as a template, without people or objectives', async () => {
      expect((await headB.fails(PUBLISH, { input: { planId: sourcePlan, title: 'Not mine' } })).extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'template.publish' });
      expect((await member.fails(PUBLISH, { input: { planId: sourcePlan, title: 'Not mine' } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await headA.fails(PUBLISH, { input: { planId: emptyPlan, title: 'Empty' } })).extensions).toMatchObject({ code: 'TEMPLATE_FROM_EMPTY_PLAN', field: 'planId' });
      const published = (await headA.ok(PUBLISH, { input: { planId: sourcePlan, title: 'A year of stage gates', commandId: 'publish-1' } })).publishPlanTemplate;
      templateId = published.id;
      expect(published).toMatchObject({
        title: 'A year of stage gates',
        publishedBy: 'grace@org.test',
        uses: 0,
        source: { id: sourcePlan },
        pmo: { id: alpha },
        activities: [
          { title: 'Kick-off', mode: 'DIRECT', startOffsetDays: 0, durationDays: 1, rationale: 'Everyone in one room' },
          { title: 'Gate reviews', mode: 'SUPERVISED', startOffsetDays: 90, durationDays: 91, rationale: 'Reviews keep gates on time' },
        ],
      });
      expect((await member.ok(TEMPLATE, { id: templateId })).planTemplate.id).toBe(templateId);
      expect((await auditor.ok(TEMPLATES)).planTemplates).toEqual([{ id: templateId, uses: 0 }]);
    });

    it('drafts a plan for another PMO from it, shifted into its period and clipped to its end, linked to nothing', async () => {
      const input = { templateId, pmoId: beta, title: 'Beta plan, first half 2027', periodStart: '2027-01-01', periodEnd: '2027-05-15', commandId: 'draft-from-1' };
      expect((await headA.fails(DRAFT_FROM, { input: { ...input, commandId: null } })).extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'plan.edit' });
      const plan = (await headB.ok(DRAFT_FROM, { input })).draftBusinessPlanFromTemplate;
      expect(plan).toMatchObject({ status: 'DRAFT', pmo: { id: beta }, template: { id: templateId, uses: 1 } });
      expect(plan.activities.map((a: Record<string, unknown>) => [a.title, a.mode, a.startsOn, a.endsOn, a.responsible, a.contributions])).toEqual([
        ['Kick-off', 'DIRECT', '2027-01-01', '2027-01-01', 'linus@org.test', []],
        ['Gate reviews', 'SUPERVISED', '2027-04-01', '2027-05-15', 'linus@org.test', []],
      ]);
      // The same commandId again answers the same plan and counts no second use.
      const again = (await headB.ok(DRAFT_FROM, { input })).draftBusinessPlanFromTemplate;
      expect(again.id).toBe(plan.id);
      expect((await auditor.ok(TEMPLATE, { id: templateId })).planTemplate.uses).toBe(1);
      const bad = await headB.fails(DRAFT_FROM, { input: { ...input, commandId: null, periodEnd: '2026-12-31' } });
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodEnd' });
    });
  });

  describe('mergers', () => {
    let active: string;
    let closed: string;
    let plan: string;
    let kept: string;
    let cancelled: string;
    let before: string;
    let pastPlan: string;

    beforeAll(async () => {
      const define = async (title: string) =>
        (
          await admin.ok(DEFINE_OBJECTIVE, {
            input: { pmoId: alpha, title, metric: { name: title, unit: '%', baseline: 0, target: 100 }, startsOn: daysFromToday(-30), dueOn: daysFromToday(300), owner: 'grace@org.test' },
          })
        ).defineObjective.id as string;
      active = await define('Carried on');
      closed = await define('Closed before');
      await admin.ok(CLOSE_OBJECTIVE, { input: { objectiveId: closed, outcome: 'ABANDONED', reason: 'No longer wanted' } });
      pastPlan = (await admin.ok(DRAFT_PLAN, { input: { pmoId: alpha, title: 'Last year', periodStart: daysFromToday(-300), periodEnd: daysFromToday(-1) } })).draftBusinessPlan.id;
      plan = (await admin.ok(DRAFT_PLAN, { input: { pmoId: alpha, title: 'Current plan', periodStart: daysFromToday(-30), periodEnd: daysFromToday(300) } })).draftBusinessPlan.id;
      const activity = async (title: string) =>
        (await admin.ok(PLAN_ACTIVITY, { input: { planId: plan, title, responsible: 'grace@org.test', mode: 'DIRECT', startsOn: daysFromToday(-10), endsOn: daysFromToday(10) } }))
          .planActivity.id as string;
      kept = await activity('Carries on');
      cancelled = await activity('Dropped');
      await admin.ok(CANCEL_ACTIVITY, { input: { activityId: cancelled, reason: 'Not needed' } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      before = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });

    it('is refused to PMO heads, members and auditors', async () => {
      for (const client of [headA, headB, member, auditor]) {
        const refused = await client.fails(MERGE, { input: { pmoId: alpha, intoPmoId: beta, effectiveOn: daysFromToday(0), reason: 'r' } });
        expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'pmo.manage' });
      }
    });

    it('refuses a merger into itself, a descendant, a lower kind, or on a day before either establishment, naming the field', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ intoPmoId: alpha }, 'PMO_MERGE_INTO_ITSELF', 'intoPmoId'],
        [{ intoPmoId: child }, 'PMO_MERGE_INTO_DESCENDANT', 'intoPmoId'],
        [{ intoPmoId: project }, 'PMO_MERGE_INTO_LOWER_KIND', 'intoPmoId'],
        [{ effectiveOn: daysFromToday(-301) }, 'DAY_BEFORE_ESTABLISHMENT', 'effectiveOn'],
        [{ effectiveOn: daysFromToday(1) }, 'DAY_IN_FUTURE', 'effectiveOn'],
        [{ reason: ' ' }, 'BAD_USER_INPUT', 'reason'],
      ];
      for (const [input, code, field] of cases) {
        const refused = await leadership.fails(MERGE, { input: { pmoId: alpha, intoPmoId: beta, effectiveOn: daysFromToday(0), reason: 'One office', ...input } });
        expect(refused.extensions).toMatchObject({ code, field });
      }
      expect((await life(admin, alpha)).status).toBe('ACTIVE');
    });

    it('ends the PMO into its successor, which carries on its children, ACTIVE objectives and current work', async () => {
      const input = { pmoId: alpha, intoPmoId: beta, effectiveOn: daysFromToday(0), reason: 'One delivery office', commandId: 'merge-alpha' };
      const merged = (await leadership.ok(MERGE, { input })).mergePmo;
      expect(merged).toMatchObject({ status: 'MERGED', successor: { id: beta }, mergedOn: daysFromToday(0), mergerReason: 'One delivery office', children: [], services: [], tools: [] });

      // What is over stays the merged PMO's: its closed objective, its plan whose period ended.
      const ended = await life(auditor, alpha);
      expect(ended.objectives).toEqual([{ id: closed, status: 'ABANDONED' }]);
      expect(ended.plans.map((p: { id: string }) => p.id)).toEqual([pastPlan]);

      const successor = await life(auditor, beta);
      expect(successor.children).toEqual([{ id: child }]);
      expect(successor.objectives).toContainEqual({ id: active, status: 'ACTIVE' });
      expect(successor.plans.map((p: { id: string }) => p.id)).toContain(plan);
      expect((await life(auditor, child)).parent).toEqual({ id: beta });

      // Asked as of before the merger, both PMOs appear as they were.
      const then = await life(auditor, alpha, { asOf: before });
      expect(then).toMatchObject({ status: 'ACTIVE', successor: null, children: [{ id: child }] });
      expect(then.objectives.map((o: { id: string }) => o.id)).toContain(active);
      expect(then.plans.map((p: { id: string }) => p.id)).toContain(plan);
      expect((await life(auditor, beta, { asOf: before })).objectives.map((o: { id: string }) => o.id)).not.toContain(active);
      expect((await life(auditor, child, { asOf: before })).parent).toEqual({ id: alpha });

      // The activity carried on is the successor's to manage; the cancelled one stays the merged PMO's.
      const reassign = (client: GraphQLClient, activityId: string) => client.request(REASSIGN_ACTIVITY, { input: { activityId, responsible: 'linus@org.test', reason: 'New office' } });
      expect((await reassign(headB, kept)).errors).toBeUndefined();
      expect((await reassign(headB, cancelled)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

      // Retried with the same commandId: the same answer and nothing recorded again.
      const count = async () => (await auditor.ok(HISTORY, { type: 'PMO', id: alpha, first: 100 })).history.edges.length;
      const recorded = await count();
      expect((await leadership.ok(MERGE, { input })).mergePmo).toMatchObject({ status: 'MERGED', successor: { id: beta } });
      expect(await count()).toBe(recorded);
      const history = (await auditor.ok(HISTORY, { type: 'OBJECTIVE', id: active, first: 100 })).history.edges.map((e: { node: { type: string; reason: string } }) => e.node);
      expect(history[history.length - 1]).toMatchObject({ type: 'ObjectiveTransferred', reason: 'One delivery office' });
    });

    it('completes a merger that stopped after its decision when it is asked for again', async () => {
      const ending = (await admin.ok(ESTABLISH_PMO, { input: { name: 'Stopped halfway', kind: 'PROJECT', parentId: group } })).establishPmo;
      const successor = (await admin.ok(ESTABLISH_PMO, { input: { name: 'Takes over', kind: 'PROJECT', parentId: group } })).establishPmo.id;
      const below = (await admin.ok(ESTABLISH_PMO, { input: { name: 'Below', kind: 'PROJECT', parentId: ending.id } })).establishPmo.id;
      const objective = (
        await admin.ok(DEFINE_OBJECTIVE, {
          input: { pmoId: ending.id, title: 'Still open', metric: { name: 'n', unit: '%', baseline: 0, target: 100 }, startsOn: daysFromToday(-3), dueOn: daysFromToday(30), owner: 'grace@org.test' },
        })
      ).defineObjective.id;
      // The decision is recorded, then the service stops before any step.
      const store = app.app.get(EVENT_STORE) as EventStore;
      const reason = 'Stopped halfway';
      await store.append(
        `pmo-${ending.id}`,
        [{ type: 'PmoMerged', data: { pmoId: ending.id, successorId: successor, effectiveOn: daysFromToday(0), reason }, metadata: { actor: 'coo@org.test', correlationId: 'halfway', reason } }],
        ending.revision,
      );
      const halfway = await eventually(async () => {
        const pmo = await life(auditor, ending.id);
        return pmo.status === 'MERGED' ? pmo : null;
      });
      expect(halfway).toMatchObject({ successor: { id: successor }, children: [{ id: below }], objectives: [{ id: objective, status: 'ACTIVE' }] });

      const again = (await leadership.ok(MERGE, { input: { pmoId: ending.id, intoPmoId: successor, effectiveOn: daysFromToday(0), reason } })).mergePmo;
      expect(again).toMatchObject({ status: 'MERGED', children: [] });
      expect(await life(auditor, successor)).toMatchObject({ children: [{ id: below }], objectives: [{ id: objective, status: 'ACTIVE' }] });
    });

    it('replays both PMOs from the command line as they stood before the merger and after it', () => {
      const replay = (pmoId: string, asOf: string) => {
        const run = runCli('replay.ts', ['--pmo', pmoId, '--as-of', asOf, '--json'], { PMO_DATA_DIR: app.dataDir });
        expect(run.status).toBe(0);
        return (JSON.parse(run.stdout) as { objectives: { id: string }[] }).objectives.map((o) => o.id);
      };
      const now = new Date().toISOString();
      expect(replay(alpha, before)).toContain(active);
      expect(replay(beta, before)).not.toContain(active);
      expect(replay(alpha, now)).not.toContain(active);
      expect(replay(beta, now)).toContain(active);
    });

    it('refuses a second merger of a merged PMO, and a merged PMO takes nothing new', async () => {
      const again = await leadership.fails(MERGE, { input: { pmoId: alpha, intoPmoId: group, effectiveOn: daysFromToday(0), reason: 'Again' } });
      expect(again.extensions).toMatchObject({ code: 'PMO_ALREADY_MERGED', field: 'pmoId' });
      expect((await admin.fails(CATALOGUE('declarePmoTool'), { input: { pmoId: alpha, name: 'Late' } })).extensions).toMatchObject({ code: 'PMO_MERGED' });
      expect((await admin.fails(ESTABLISH_PMO, { input: { name: 'Late child', kind: 'PROJECT', parentId: alpha } })).extensions).toMatchObject({ code: 'PMO_MERGED', field: 'parentId' });
      const into = await leadership.fails(MERGE, { input: { pmoId: project, intoPmoId: alpha, effectiveOn: daysFromToday(0), reason: 'Into the ended one' } });
      expect(into.extensions).toMatchObject({ code: 'PMO_MERGED', field: 'intoPmoId' });
    });
  });
});

describe('a merger and a template reuse on EventStoreDB (the test double, over a real socket)', () => {
  let double: EventStoreDbTestDouble;
  let app: TestApp;

  beforeAll(async () => {
    double = await EventStoreDbTestDouble.start();
    app = await startTestApp({ env: { PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString, PMO_EVENTSTORE_DEADLINE_MS: '3000' } });
  });
  afterAll(async () => {
    await app?.close();
    await double?.stop();
  });

  it('records every step in the store, answers history and as-of, and verifies', async () => {
    const { admin } = app;
    const establish = async (input: Record<string, unknown>) => (await admin.ok(ESTABLISH_PMO, { input })).establishPmo.id as string;
    const group = await establish({ name: 'Group', kind: 'PORTFOLIO', establishedOn: daysFromToday(-30) });
    const ending = await establish({ name: 'Ending', kind: 'PROGRAMME', parentId: group });
    const successor = await establish({ name: 'Successor', kind: 'PROGRAMME', parentId: group });
    const child = await establish({ name: 'Child', kind: 'PROJECT', parentId: ending });
    await admin.ok(CATALOGUE('declarePmoTool'), { input: { pmoId: ending, name: 'Jira' } });
    const plan = (await admin.ok(DRAFT_PLAN, { input: { pmoId: ending, title: 'Shared', periodStart: daysFromToday(-5), periodEnd: daysFromToday(60) } })).draftBusinessPlan.id;
    await admin.ok(PLAN_ACTIVITY, { input: { planId: plan, title: 'Weekly review', responsible: 'grace@org.test', mode: 'DIRECT', startsOn: daysFromToday(-5), endsOn: daysFromToday(10) } });
    const template = (await admin.ok(PUBLISH, { input: { planId: plan, title: 'Reviews' } })).publishPlanTemplate.id;
    const drafted = (await admin.ok(DRAFT_FROM, { input: { templateId: template, pmoId: successor, title: 'From the template', periodStart: daysFromToday(0), periodEnd: daysFromToday(30) } }))
      .draftBusinessPlanFromTemplate;
    expect(drafted.activities).toHaveLength(1);
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const input = { pmoId: ending, intoPmoId: successor, effectiveOn: daysFromToday(0), reason: 'Consolidation', commandId: 'esdb-merge' };
    expect((await admin.ok(MERGE, { input })).mergePmo).toMatchObject({ status: 'MERGED', successor: { id: successor } });
    const stored = double.events().length;
    await admin.ok(MERGE, { input });
    expect(double.events().length).toBe(stored);

    expect((await admin.ok(PMO_LIFE, { id: successor })).pmo.plans.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([plan, drafted.id]));
    expect((await admin.ok(PMO_LIFE, { id: ending, asOf: before })).pmo).toMatchObject({ status: 'ACTIVE', children: [{ id: child }] });
    const types = (await admin.ok(HISTORY, { type: 'PLAN_TEMPLATE', id: template, first: 10 })).history.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types).toEqual(['PlanTemplatePublished', 'PlanTemplateUsed']);
    expect(double.events().map((e) => e.streamName)).toEqual(expect.arrayContaining([`template-${template}`, `pmo-${child}`]));
    const verified = (await admin.ok(`query { verifyIntegrity { ok problemCount } }`)).verifyIntegrity;
    expect(verified).toEqual({ ok: true, problemCount: 0 });
  });
});
