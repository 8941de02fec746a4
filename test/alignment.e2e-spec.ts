import { daysFromToday, today } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import {
  ALIGNMENT,
  APPROVE_PLAN,
  DEFINE_OBJECTIVE,
  DRAFT_PLAN,
  ESTABLISH_PMO,
  GET_ACTIVITY,
  ISSUE_MANDATE,
  LINK_ACTIVITY,
  LOG_WORK,
  PLAN_ACTIVITY,
  PURPOSE_CHAIN,
  RETRACT_WORK,
  SUBMIT_PLAN,
  WORK_ENTRIES,
} from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A PMO with four objectives and a plan of four activities: A1 serves O1, A2 splits 1:3 between
 * O2 and O3, A3 serves none, A4 serves O1 but sees no work. O4 has no activity. Work in the first
 * two weeks of March 2026 (Monday 2 March to Sunday 15 March), worked out by hand:
 *
 *   Mon 02  ada  A1  4 h  → O1 4                       aligned
 *   Tue 03  ada  A2  8 h  → O2 8·1/4 = 2, O3 8·3/4 = 6  aligned
 *   Wed 04  ada  A3  3 h  → none                       unaligned
 *   Thu 05  ada  —   2 h  → none                       unaligned
 *   Tue 10  bob  A2  4 h  → O2 1, O3 3                 aligned
 *
 *   total 21, aligned 16, unaligned 5; O1 4, O2 3, O3 9
 *   week of 2 March: total 17, aligned 12; week of 9 March: total 4, aligned 4
 */
describe('how daily work links back to purpose', () => {
  let t: TestApp;
  let bob: GraphQLClient;
  const ids: Record<string, string> = {};
  const work: Record<string, string> = {};
  const window = { from: '2026-03-02', to: '2026-03-15' };

  const objective = async (key: string, title: string) => {
    const defined = await t.admin.ok(DEFINE_OBJECTIVE, {
      input: { pmoId: ids.pmo, title, metric: { name: title, unit: 'count', baseline: 0, target: 10 }, startsOn: '2026-01-01', dueOn: '2027-06-30', owner: 'Grace' },
    });
    ids[key] = defined.defineObjective.id;
  };
  const activity = async (key: string, title: string, contributions: { objectiveId: string; rationale: string; weight?: number }[], endsOn = '2026-03-31') => {
    const planned = await t.admin.ok(PLAN_ACTIVITY, {
      input: { planId: ids.plan, title, responsible: 'Ada', mode: 'DIRECT', startsOn: '2026-03-02', endsOn, contributions },
    });
    ids[key] = planned.planActivity.id;
  };
  const log = async (key: string, client: GraphQLClient, workedOn: string, hours: number, activityId: string | null) => {
    const logged = await client.ok(LOG_WORK, { input: { pmoId: ids.pmo, workedOn, hours, description: `work ${key}`, activityId } });
    work[key] = logged.logWork.id;
  };
  const byTitle = (rows: { objective: { title: string }; hours: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.objective.title, r.hours]));

  beforeAll(async () => {
    t = await startTestApp();
    bob = await t.client('bob', ['ADMIN']);
    ids.pmo = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Delivery PMO', kind: 'PROGRAMME' } })).establishPmo.id;
    await t.admin.ok(ISSUE_MANDATE, {
      input: { pmoId: ids.pmo, purpose: 'DELIVERY_SUPPORT', statement: 'Help projects deliver', sponsor: 'COO', effectiveFrom: '2026-01-01' },
    });
    await objective('o1', 'O1');
    await objective('o2', 'O2');
    await objective('o3', 'O3');
    await objective('o4', 'O4');
    ids.plan = (await t.admin.ok(DRAFT_PLAN, { input: { pmoId: ids.pmo, title: 'Plan 2026', periodStart: '2026-01-01', periodEnd: daysFromToday(60) } })).draftBusinessPlan.id;
    await activity('a1', 'A1', [{ objectiveId: ids.o1!, rationale: 'direct' }]);
    await activity('a2', 'A2', [
      { objectiveId: ids.o2!, rationale: 'a quarter', weight: 1 },
      { objectiveId: ids.o3!, rationale: 'three quarters', weight: 3 },
    ]);
    await activity('a3', 'A3', [], daysFromToday(30));
    await activity('a4', 'A4', [{ objectiveId: ids.o1!, rationale: 'not started' }]);
    await t.admin.ok(SUBMIT_PLAN, { input: { planId: ids.plan } });
    await bob.ok(APPROVE_PLAN, { input: { planId: ids.plan } });

    await log('a1', t.admin, '2026-03-02', 4, ids.a1!);
    await log('a2', t.admin, '2026-03-03', 8, ids.a2!);
    await log('a3', t.admin, '2026-03-04', 3, ids.a3!);
    await log('none', t.admin, '2026-03-05', 2, null);
    await log('bob', bob, '2026-03-10', 4, ids.a2!);
  });
  afterAll(() => t.close());

  it('totals the window, splits hours by link weight and buckets them by ISO week', async () => {
    const { alignment } = await t.admin.ok(ALIGNMENT, { pmoId: ids.pmo, ...window, granularity: 'WEEK' });

    expect(alignment).toMatchObject({ totalHours: 21, alignedHours: 16, unalignedHours: 5 });
    expect(alignment.alignedShare).toBeCloseTo(16 / 21, 12);
    expect(byTitle(alignment.byObjective)).toEqual({ O1: 4, O2: 3, O3: 9 });
    expect(alignment.buckets.map((b: { start: string; end: string; totalHours: number; alignedHours: number }) => [b.start, b.end, b.totalHours, b.alignedHours])).toEqual([
      ['2026-03-02', '2026-03-08', 17, 12],
      ['2026-03-09', '2026-03-15', 4, 4],
    ]);
    expect(byTitle(alignment.buckets[1].byObjective)).toEqual({ O2: 1, O3: 3 });
  });

  it('shows the holes in the plan', async () => {
    const { alignment } = await t.admin.ok(ALIGNMENT, { pmoId: ids.pmo, ...window, granularity: 'MONTH' });

    expect(alignment.buckets).toHaveLength(1);
    expect(alignment.activitiesWithoutObjective.map((a: { title: string }) => a.title)).toEqual(['A3']);
    expect(alignment.objectivesWithoutActivity.map((o: { title: string }) => o.title)).toEqual(['O4']);
    expect(alignment.idleActivities.map((a: { title: string }) => a.title)).toEqual(['A4']);
  });

  it("lists the holes' activities with their hours logged and status when asked, directly or through a fragment", async () => {
    const query = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) {
      alignment(pmoId: $pmoId, from: $from, to: $to) { ...holes idleActivities { title hoursLogged status } }
    }
    fragment holes on AlignmentReport { activitiesWithoutObjective { ... on Activity { title hoursLogged status } } }`;
    const { alignment } = await t.admin.ok(query, { pmoId: ids.pmo, ...window });

    expect(alignment.activitiesWithoutObjective).toEqual([{ title: 'A3', hoursLogged: 3, status: 'IN_PROGRESS' }]);
    expect(alignment.idleActivities).toEqual([{ title: 'A4', hoursLogged: 0, status: 'PLANNED' }]);
  });

  it('traces a piece of work back to the mandate', async () => {
    const split = await t.admin.ok(PURPOSE_CHAIN, { id: work.a2 });
    const loose = await t.admin.ok(PURPOSE_CHAIN, { id: work.none });

    expect(split.purposeChain).toMatchObject({ activity: { title: 'A2' }, aligned: true, mandate: { version: 1, statement: 'Help projects deliver' } });
    expect(split.purposeChain.objectives.map((o: { title: string }) => o.title)).toEqual(['O2', 'O3']);
    expect(byTitle(split.purposeChain.credits)).toEqual({ O2: 2, O3: 6 });
    expect(loose.purposeChain).toMatchObject({ activity: null, objectives: [], aligned: false });
  });

  it('counts logged hours on activities and invested hours on objectives', async () => {
    const a1 = await t.admin.ok(GET_ACTIVITY, { id: ids.a1 });
    const a4 = await t.admin.ok(GET_ACTIVITY, { id: ids.a4 });
    const o3 = await t.admin.ok(`query($id: ID!) { objective(id: $id) { hoursInvested } }`, { id: ids.o3 });

    expect(a1.activity).toMatchObject({ hoursLogged: 4, status: 'IN_PROGRESS' });
    expect(a4.activity).toMatchObject({ hoursLogged: 0, status: 'PLANNED' });
    expect(o3.objective.hoursInvested).toBe(9);
  });

  it('lists work entries of a window, of a person and of an activity', async () => {
    const all = await t.admin.ok(WORK_ENTRIES, { pmoId: ids.pmo, ...window });
    const bobs = await t.admin.ok(WORK_ENTRIES, { pmoId: ids.pmo, ...window, person: 'bob' });
    const onA2 = await t.admin.ok(WORK_ENTRIES, { pmoId: ids.pmo, ...window, activityId: ids.a2 });

    expect(all.workEntries.map((e: { workedOn: string }) => e.workedOn)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-10']);
    expect(bobs.workEntries.map((e: { id: string }) => e.id)).toEqual([work.bob]);
    expect(onA2.workEntries.map((e: { hours: number }) => e.hours)).toEqual([8, 4]);
  });

  it('credits a link made today only from today on', async () => {
    await t.admin.ok(LINK_ACTIVITY, { input: { activityId: ids.a3, objectiveId: ids.o4, rationale: 'found its purpose' } });
    await log('today', t.admin, today(), 2, ids.a3!);

    const { alignment } = await t.admin.ok(ALIGNMENT, { pmoId: ids.pmo, from: '2026-03-02', to: today() });

    // March's 3 h on A3 stay unaligned; today's 2 h count for O4.
    expect(alignment).toMatchObject({ totalHours: 23, alignedHours: 18, unalignedHours: 5 });
    expect(byTitle(alignment.byObjective).O4).toBe(2);
  });

  it('leaves a retracted entry out of every total, as of now but not as of before', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await t.admin.ok(RETRACT_WORK, { input: { workEntryId: work.none, reason: 'logged twice' } });

    const now = await t.admin.ok(ALIGNMENT, { pmoId: ids.pmo, ...window });
    const then = await t.admin.ok(ALIGNMENT, { pmoId: ids.pmo, ...window, asOf: before });

    expect(now.alignment).toMatchObject({ totalHours: 19, unalignedHours: 3 });
    expect(then.alignment).toMatchObject({ totalHours: 21, unalignedHours: 5 });
  });

  it("refuses a 25th hour in one person's day and changes nothing", async () => {
    const over = await t.admin.fails(LOG_WORK, { input: { pmoId: ids.pmo, workedOn: '2026-03-02', hours: 20.5, description: 'too much' } });

    expect(over.extensions).toMatchObject({ code: 'WORK_DAY_OVER_24H' });
    const day = await t.admin.ok(WORK_ENTRIES, { pmoId: ids.pmo, from: '2026-03-02', to: '2026-03-02' });
    expect(day.workEntries.map((e: { hours: number }) => e.hours)).toEqual([4]);
    const { alignment } = await t.admin.ok(ALIGNMENT, { pmoId: ids.pmo, ...window });
    expect(alignment.totalHours).toBe(19);
  });

  it('refuses a window that ends before it starts', async () => {
    const backwards = await t.admin.fails(ALIGNMENT, { pmoId: ids.pmo, from: '2026-03-15', to: '2026-03-01' });

    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
