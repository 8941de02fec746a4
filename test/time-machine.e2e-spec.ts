import { daysFromToday } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import {
  APPROVE_PLAN,
  CANCEL_ACTIVITY,
  DEFINE_OBJECTIVE,
  DRAFT_PLAN,
  ESTABLISH_PMO,
  GET_OBJECTIVE,
  ISSUE_MANDATE,
  GET_PMO,
  LINK_ACTIVITY,
  PLAN_ACTIVITY,
  REASSIGN_ACTIVITY,
  RECORD_PROGRESS,
  RESCHEDULE_ACTIVITY,
  REVISE_OBJECTIVE,
  REVISE_PLAN,
  SUBMIT_PLAN,
} from './support/operations';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

const PLAN_COMPARISON = `query($planId: ID!, $baselineVersion: Int!, $asOf: DateTime) {
  planComparison(planId: $planId, baselineVersion: $baselineVersion, asOf: $asOf) {
    baselineVersion baselineApprovedAt asOf plan { id version status }
    added { id title } removed { id title cancelReason }
    changed { activity { id title responsible startsOn endsOn } changes { kind field before after objectiveId changedBy reason } }
  }
}`;

/** An instant strictly between what was recorded before it and what is recorded after it. */
const noteInstant = async (): Promise<string> => {
  await new Promise((resolve) => setTimeout(resolve, 3));
  const instant = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 3));
  return instant;
};

describe('the auditor asks what the record said at any past instant', () => {
  let t: TestApp;
  let head: GraphQLClient;
  let leader: GraphQLClient;
  let beforePmo: string;
  let pmoId: string;
  let objectiveId: string;
  let reported: string;
  let approved: string;

  beforeAll(async () => {
    t = await startTestApp();
    beforePmo = await noteInstant();
    pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Transformation office', kind: 'PROGRAMME' } })).establishPmo.id;
    head = await t.client('head@pmo.example', ['PMO_HEAD'], [pmoId]);
    leader = await t.client('board@org.example', ['LEADERSHIP']);
    await leader.ok(ISSUE_MANDATE, {
      input: { pmoId, purpose: 'GOVERNANCE', statement: 'Make delivery predictable', sponsor: 'COO', effectiveFrom: daysFromToday(-100) },
    });
    const metric = { name: 'Projects on time', unit: '%', baseline: 0, target: 100 };
    const input = { pmoId, title: 'Deliver on time', metric, startsOn: daysFromToday(-100), dueOn: daysFromToday(100), owner: 'Grace' };
    objectiveId = (await head.ok(DEFINE_OBJECTIVE, { input })).defineObjective.id;
  });
  afterAll(() => t.close());

  it('answers a PMO and its objective as null before they existed', async () => {
    const pmo = await t.admin.ok(GET_PMO, { id: pmoId, asOf: beforePmo });
    const objective = await t.admin.ok(GET_OBJECTIVE, { id: objectiveId, asOf: beforePmo });

    expect(pmo.pmo).toBeNull();
    expect(objective.objective).toBeNull();
  });

  it('shows an objective as it stood before its target was revised and a backdated value arrived, and as it stands now', async () => {
    await head.ok(RECORD_PROGRESS, { input: { objectiveId, value: 45, measuredOn: daysFromToday(0) } });
    reported = await noteInstant();
    await head.ok(REVISE_OBJECTIVE, { input: { objectiveId, target: 200, reason: 'The board raised the bar' } });
    await head.ok(RECORD_PROGRESS, { input: { objectiveId, value: 60, measuredOn: daysFromToday(-10), note: 'late survey' } });

    const then = (await t.admin.ok(GET_OBJECTIVE, { id: objectiveId, asOf: reported })).objective;
    const now = (await t.admin.ok(GET_OBJECTIVE, { id: objectiveId })).objective;

    // Then: 45 of 100 with half the time gone is within 0.10 of expected.
    expect(then).toMatchObject({ currentValue: 45, progress: 0.45, expectedProgress: 0.5, health: 'ON_TRACK', revision: 1 });
    expect(then.metric.target).toBe(100);
    expect(then.measurements.map((m: { value: number }) => m.value)).toEqual([45]);
    expect(then.targetRevisions).toEqual([]);
    // Now: the backdated 60 does not displace today's 45, and 45 of 200 is more than 0.25 behind.
    expect(now).toMatchObject({ currentValue: 45, progress: 0.225, health: 'OFF_TRACK', revision: 3 });
    expect(now.metric.target).toBe(200);
    expect(now.targetRevisions).toEqual([{ previousTarget: 100, target: 200, reason: 'The board raised the bar', revisedBy: 'head@pmo.example' }]);
  });

  describe('a plan compared with its approved baseline', () => {
    let planId: string;
    let reviews: string;
    let training: string;
    let audit: string;
    let coaching: string;

    const plan = (title: string, responsible: string) => ({
      planId,
      title,
      responsible,
      mode: 'DIRECT',
      startsOn: daysFromToday(-30),
      endsOn: daysFromToday(60),
    });

    beforeAll(async () => {
      planId = (await head.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan 2026', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) } }))
        .draftBusinessPlan.id;
      reviews = (await head.ok(PLAN_ACTIVITY, { input: plan('Stage-gate reviews', 'Grace') })).planActivity.id;
      training = (await head.ok(PLAN_ACTIVITY, { input: plan('Method training', 'Ada') })).planActivity.id;
      audit = (await head.ok(PLAN_ACTIVITY, { input: plan('Portfolio audit', 'Linus') })).planActivity.id;
      await head.ok(SUBMIT_PLAN, { input: { planId } });
      await leader.ok(APPROVE_PLAN, { input: { planId } });
      approved = await noteInstant();

      await head.ok(REVISE_PLAN, { input: { planId, reason: 'Mid-year review' } });
      coaching = (await head.ok(PLAN_ACTIVITY, { input: plan('Coaching clinics', 'Grace') })).planActivity.id;
      await head.ok(RESCHEDULE_ACTIVITY, { input: { activityId: reviews, startsOn: daysFromToday(-30), endsOn: daysFromToday(90), reason: 'Scope grew' } });
      await head.ok(REASSIGN_ACTIVITY, { input: { activityId: training, responsible: 'Linus', reason: 'Ada on leave' } });
      await head.ok(LINK_ACTIVITY, { input: { activityId: training, objectiveId, rationale: 'Trained teams deliver on time' } });
      await head.ok(CANCEL_ACTIVITY, { input: { activityId: audit, reason: 'Merged into the reviews' } });
    });

    it('lists what was added, removed and changed since, with who, when and why', async () => {
      const { planComparison } = await t.admin.ok(PLAN_COMPARISON, { planId, baselineVersion: 1 });

      expect(planComparison).toMatchObject({ baselineVersion: 1, asOf: null, plan: { id: planId, version: 2, status: 'DRAFT' } });
      expect(Date.parse(planComparison.baselineApprovedAt)).toBeLessThan(Date.parse(approved));
      expect(planComparison.added).toEqual([{ id: coaching, title: 'Coaching clinics' }]);
      expect(planComparison.removed).toEqual([{ id: audit, title: 'Portfolio audit', cancelReason: 'Merged into the reviews' }]);
      const changed = Object.fromEntries(planComparison.changed.map((c: { activity: { id: string } }) => [c.activity.id, c]));
      expect(Object.keys(changed).sort()).toEqual([reviews, training].sort());
      expect(changed[reviews].changes).toEqual([
        {
          kind: 'RESCHEDULED',
          field: 'schedule',
          before: `${daysFromToday(-30)}/${daysFromToday(60)}`,
          after: `${daysFromToday(-30)}/${daysFromToday(90)}`,
          objectiveId: null,
          changedBy: 'head@pmo.example',
          reason: 'Scope grew',
        },
      ]);
      expect(changed[training].activity.responsible).toBe('Linus');
      expect(changed[training].changes).toEqual([
        expect.objectContaining({ kind: 'REASSIGNED', before: 'Ada', after: 'Linus', reason: 'Ada on leave' }),
        expect.objectContaining({ kind: 'LINK_ADDED', objectiveId, before: null, reason: 'Trained teams deliver on time' }),
      ]);
    });

    it('finds nothing changed when compared as of the moment of approval', async () => {
      const { planComparison } = await t.admin.ok(PLAN_COMPARISON, { planId, baselineVersion: 1, asOf: approved });

      expect(planComparison).toMatchObject({ asOf: approved, added: [], removed: [], changed: [], plan: { version: 1, status: 'APPROVED' } });
    });

    it('refuses a version that was never approved, and an unknown plan', async () => {
      const draft = await t.admin.fails(PLAN_COMPARISON, { planId, baselineVersion: 2 });
      const missing = await t.admin.fails(PLAN_COMPARISON, { planId: '00000000-0000-4000-8000-000000000000', baselineVersion: 1 });

      expect(draft.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baselineVersion' });
      expect(draft.message).toContain('version 2');
      expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('replayed from the command line', () => {
    const replay = (...args: string[]) => runCli('replay.ts', args, { PMO_DATA_DIR: t.dataDir });

    it('prints the mandate, objectives and plan as they stood, for a person and as JSON', () => {
      const json = replay('--pmo', pmoId, '--as-of', reported, '--json');
      const text = replay('--pmo', pmoId, '--as-of', reported);

      expect(json.status).toBe(0);
      const snapshot = JSON.parse(json.stdout);
      expect(snapshot).toMatchObject({
        asOf: reported,
        pmo: { id: pmoId, name: 'Transformation office', kind: 'PROGRAMME' },
        mandate: { version: 1, purpose: 'GOVERNANCE', statement: 'Make delivery predictable', sponsor: 'COO' },
        objectives: [{ id: objectiveId, target: 100, currentValue: 45, progress: 0.45, expectedProgress: 0.5, health: 'ON_TRACK' }],
        plan: null,
      });
      expect(text.status).toBe(0);
      expect(text.stdout).toContain('Transformation office (PROGRAMME PMO');
      expect(text.stdout).toContain('Deliver on time [ACTIVE, ON_TRACK]');
      expect(text.stdout).toContain('current 45 %; target 100 % from 0; progress 45% of 50% expected');
    });

    it('shows the plan that was approved, and today the revised one with its changes', () => {
      const atApproval = JSON.parse(replay('--pmo', pmoId, '--as-of', approved, '--json').stdout);
      const now = JSON.parse(replay('--pmo', pmoId, '--json').stdout);

      expect(atApproval.plan).toMatchObject({ title: 'Plan 2026', version: 1, status: 'APPROVED', baselineVersion: 1 });
      expect(atApproval.plan.activities.map((a: { title: string }) => a.title).sort()).toEqual(['Method training', 'Portfolio audit', 'Stage-gate reviews']);
      expect(now.plan).toMatchObject({ version: 2, status: 'DRAFT', baselineVersion: 1 });
      expect(now.plan.activities.find((a: { title: string }) => a.title === 'Portfolio audit')).toMatchObject({ status: 'CANCELLED' });
      expect(now.objectives[0]).toMatchObject({ target: 200, health: 'OFF_TRACK' });
    });

    it('says so when the PMO did not exist yet, and refuses an instant without a time zone', () => {
      const before = replay('--pmo', pmoId, '--as-of', beforePmo);
      const local = replay('--pmo', pmoId, '--as-of', '2026-03-01T10:00:00');

      expect(before.status).toBe(1);
      expect(before.stderr).toContain(`PMO ${pmoId} did not exist as of ${beforePmo}`);
      expect(local.status).toBe(2);
      expect(local.stderr).toContain('--as-of 2026-03-01T10:00:00 is not an ISO 8601 instant with a time zone');
    });
  });
});
