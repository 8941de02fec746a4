import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { EventStoreDbTestDouble } from '../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import { daysFromToday } from './support/days';
import { eventually } from './support/eventually';
import type { GraphQLClient } from './support/graphql-client';
import { CANCEL_ACTIVITY, CLOSE_OBJECTIVE, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, HISTORY, PLAN_ACTIVITY, REASSIGN_ACTIVITY } from './support/operations';
import { lifeOf, startGroup, type Group } from './support/pmo-life-group';
import { CATALOGUE, DRAFT_FROM, MERGE, PMO_LIFE, PUBLISH } from './support/pmo-life-operations';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';
import { idAsOf } from './support/snapshot-ids';

jest.setTimeout(120_000);

describe('a PMO merged into another', () => {
  let g: Group;
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

  const life = lifeOf;

  beforeAll(async () => {
    g = await startGroup();
    ({ admin, leadership, auditor, headA, headB, member, group, alpha, beta, child, project } = g);
  });
  afterAll(async () => {
    await g?.app.close();
  });

  describe("the merger", () => {
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
      // Each object of a past answer carries its snapshot's id: <id>@<instant>.
      const then = await life(auditor, alpha, { asOf: before });
      expect(then).toMatchObject({ id: idAsOf(alpha, before), status: 'ACTIVE', successor: null, children: [{ id: idAsOf(child, before) }] });
      expect(then.objectives.map((o: { id: string }) => o.id)).toContain(idAsOf(active, before));
      expect(then.plans.map((p: { id: string }) => p.id)).toContain(idAsOf(plan, before));
      const betaThen = (await life(auditor, beta, { asOf: before })).objectives.map((o: { id: string }) => o.id);
      expect(betaThen).not.toContain(idAsOf(active, before));
      expect(betaThen.every((id: string) => id.endsWith(`@${new Date(before).toISOString()}`))).toBe(true);
      expect((await life(auditor, child, { asOf: before })).parent).toEqual({ id: idAsOf(alpha, before) });

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
      const store = g.app.app.get(EVENT_STORE) as EventStore;
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
        const run = runCli('replay.ts', ['--pmo', pmoId, '--as-of', asOf, '--json'], { PMO_DATA_DIR: g.app.dataDir });
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
    expect((await admin.ok(PMO_LIFE, { id: ending, asOf: before })).pmo).toMatchObject({ status: 'ACTIVE', children: [{ id: idAsOf(child, before) }] });
    const types = (await admin.ok(HISTORY, { type: 'PLAN_TEMPLATE', id: template, first: 10 })).history.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types).toEqual(['PlanTemplatePublished', 'PlanTemplateUsed']);
    expect(double.events().map((e) => e.streamName)).toEqual(expect.arrayContaining([`template-${template}`, `pmo-${child}`]));
    const verified = (await admin.ok(`query { verifyIntegrity { ok problemCount } }`)).verifyIntegrity;
    expect(verified).toEqual({ ok: true, problemCount: 0 });
  });
});
