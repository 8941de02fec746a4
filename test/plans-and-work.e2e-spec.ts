import { daysFromToday, today } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import {
  APPROVE_PLAN,
  CANCEL_ACTIVITY,
  CORRECT_WORK,
  DEFINE_OBJECTIVE,
  DRAFT_PLAN,
  ESTABLISH_PMO,
  GET_ACTIVITY,
  GET_PLAN,
  GET_WORK_ENTRY,
  LINK_ACTIVITY,
  LOG_WORK,
  PLAN_ACTIVITY,
  RESCHEDULE_ACTIVITY,
  RETRACT_WORK,
  RETURN_PLAN,
  REVISE_PLAN,
  SUBMIT_PLAN,
  UNLINK_ACTIVITY,
} from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

describe('a PMO plans its activities and logs the work that serves them over GraphQL', () => {
  let t: TestApp;
  let head: GraphQLClient;
  let ada: GraphQLClient;
  let pmoId: string;
  let otherPmoId: string;
  let onTime: string;
  let adoption: string;
  let elsewhere: string;
  let planId: string;
  let reviews: string;
  let training: string;

  const objective = async (client: GraphQLClient, owner: string, title: string) => {
    const input = { pmoId: owner, title, metric: { name: title, unit: '%', baseline: 0, target: 100 }, dueOn: daysFromToday(200), owner: 'Grace' };
    return (await client.ok(DEFINE_OBJECTIVE, { input })).defineObjective.id as string;
  };
  const activity = (extra: Record<string, unknown> = {}) => ({
    planId,
    title: 'Stage-gate reviews',
    responsible: 'Grace',
    mode: 'DIRECT',
    startsOn: daysFromToday(-30),
    endsOn: daysFromToday(60),
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    head = await t.client('head@pmo.example', ['ADMIN']);
    ada = await t.client('ada@pmo.example', ['ADMIN']);
    pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Digital programme office', kind: 'PROGRAMME' } })).establishPmo.id;
    otherPmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Elsewhere', kind: 'PROJECT' } })).establishPmo.id;
    onTime = await objective(t.admin, pmoId, 'Projects delivered on time');
    adoption = await objective(t.admin, pmoId, 'Method adoption');
    elsewhere = await objective(t.admin, otherPmoId, 'Fewer escalations');
  });
  afterAll(() => t.close());

  it('drafts a plan for a period, refusing one that ends before it starts', async () => {
    const period = { pmoId, title: 'Plan 2026', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) };
    const backwards = await t.admin.fails(DRAFT_PLAN, { input: { ...period, periodEnd: period.periodStart } });
    const drafted = await t.admin.ok(DRAFT_PLAN, { input: period });
    planId = drafted.draftBusinessPlan.id;

    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodEnd' });
    expect(drafted.draftBusinessPlan).toMatchObject({ status: 'DRAFT', version: 1, approvedBy: null, baselineVersion: null, pmo: { id: pmoId } });
    const pmo = await t.admin.ok(`query($id: ID!) { pmo(id: $id) { plans { id status } } }`, { id: pmoId });
    expect(pmo.pmo.plans).toEqual([{ id: planId, status: 'DRAFT' }]);
  });

  it('plans an activity split 1:3 between two objectives, and none outside the plan period', async () => {
    const contributions = [
      { objectiveId: onTime, rationale: 'Reviews catch slipping projects early' },
      { objectiveId: adoption, rationale: 'Reviews apply the method', weight: 3 },
    ];
    const planned = await t.admin.ok(PLAN_ACTIVITY, { input: activity({ contributions, effortEstimateHours: 120 }) });
    reviews = planned.planActivity.id;
    const outside = await t.admin.fails(PLAN_ACTIVITY, { input: activity({ endsOn: daysFromToday(400) }) });

    expect(planned.planActivity).toMatchObject({ status: 'PLANNED', plan: { id: planId }, effortEstimateHours: 120 });
    expect(planned.planActivity.contributions).toEqual([
      expect.objectContaining({ objective: { id: onTime }, activity: { id: reviews }, weight: 1, effectiveFrom: daysFromToday(-30) }),
      expect.objectContaining({ objective: { id: adoption }, weight: 3, effectiveFrom: daysFromToday(-30) }),
    ]);
    expect(outside.extensions).toMatchObject({ code: 'ACTIVITY_OUTSIDE_PLAN_PERIOD', field: 'endsOn' });
    const read = await t.admin.ok(`query($id: ID!) { objective(id: $id) { contributions { activity { id title } weight } } }`, { id: adoption });
    expect(read.objective.contributions).toEqual([{ activity: { id: reviews, title: 'Stage-gate reviews' }, weight: 3 }]);
  });

  it("refuses a link to another PMO's objective and to an unknown one", async () => {
    const foreign = await t.admin.fails(LINK_ACTIVITY, { input: { activityId: reviews, objectiveId: elsewhere, rationale: 'Looks related' } });
    const unknown = await t.admin.fails(PLAN_ACTIVITY, {
      input: activity({ contributions: [{ objectiveId: '00000000-0000-4000-8000-000000000000', rationale: 'x' }] }),
    });

    expect(foreign.extensions).toMatchObject({ code: 'OBJECTIVE_OF_OTHER_PMO', field: 'objectiveId' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contributions[0].objectiveId' });
  });

  it('links with a backdated effectiveFrom and keeps an ended link, with its reason, in the history', async () => {
    training = (await t.admin.ok(PLAN_ACTIVITY, { input: activity({ title: 'Method training', mode: 'SUPERVISED' }) })).planActivity.id;
    const future = await t.admin.fails(LINK_ACTIVITY, {
      input: { activityId: training, objectiveId: adoption, rationale: 'Trains the method', effectiveFrom: daysFromToday(1) },
    });
    const linked = await t.admin.ok(LINK_ACTIVITY, {
      input: { activityId: training, objectiveId: adoption, rationale: 'Trains the method', effectiveFrom: daysFromToday(-10) },
    });
    const unlinked = await t.admin.ok(UNLINK_ACTIVITY, {
      input: { activityId: training, objectiveId: adoption, reason: 'Training moved to the HR academy' },
    });

    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    expect(linked.linkActivityToObjective.contributions).toEqual([expect.objectContaining({ effectiveFrom: daysFromToday(-10) })]);
    expect(unlinked.unlinkActivityFromObjective.contributions).toEqual([]);
    expect(unlinked.unlinkActivityFromObjective.links).toEqual([
      { objective: { id: adoption }, rationale: 'Trains the method', weight: 1, effectiveFrom: daysFromToday(-10), endedOn: today(), endReason: 'Training moved to the HR academy' },
    ]);
    // The objective's side forgets the ended link too, whether its activities are read whole or by title alone.
    const byTitle = await t.admin.ok(`query($id: ID!) { objective(id: $id) { contributions { activity { id title } rationale } } }`, { id: adoption });
    const whole = await t.admin.ok(`query($id: ID!) { objective(id: $id) { contributions { activity { id title status } rationale } } }`, { id: adoption });
    expect(byTitle.objective.contributions).toEqual([{ activity: { id: reviews, title: 'Stage-gate reviews' }, rationale: 'Reviews apply the method' }]);
    expect(whole.objective.contributions).toEqual([{ activity: { id: reviews, title: 'Stage-gate reviews', status: 'PLANNED' }, rationale: 'Reviews apply the method' }]);
  });

  it('freezes the activities of a submitted plan until it is returned or approved by someone', async () => {
    await t.admin.ok(SUBMIT_PLAN, { input: { planId } });
    const frozen = await Promise.all([
      t.admin.fails(PLAN_ACTIVITY, { input: activity({ title: 'Late addition' }) }),
      t.admin.fails(LINK_ACTIVITY, { input: { activityId: training, objectiveId: onTime, rationale: 'x' } }),
      t.admin.fails(RESCHEDULE_ACTIVITY, { input: { activityId: reviews, startsOn: daysFromToday(-30), endsOn: daysFromToday(90), reason: 'x' } }),
      t.admin.fails(CANCEL_ACTIVITY, { input: { activityId: training, reason: 'x' } }),
    ]);
    const unexplained = await head.fails(RETURN_PLAN, { input: { planId } });
    const returned = await head.ok(RETURN_PLAN, { input: { planId, reason: 'Add the effort of the training' } });
    await t.admin.ok(SUBMIT_PLAN, { input: { planId, reason: 'Effort added' } });
    const approved = await head.ok(APPROVE_PLAN, { input: { planId } });

    expect(frozen.map((e) => e.extensions?.code)).toEqual(Array(4).fill('PLAN_NOT_EDITABLE'));
    expect(unexplained.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(returned.returnBusinessPlan.status).toBe('DRAFT');
    expect(approved.approveBusinessPlan).toMatchObject({ status: 'APPROVED', version: 1, approvedBy: 'head@pmo.example', baselineVersion: 1 });
    expect(approved.approveBusinessPlan.versions).toEqual([
      expect.objectContaining({ version: 1, status: 'APPROVED', submittedBy: 'admin@test', approvedBy: 'head@pmo.example', supersededAt: null }),
    ]);
    expect(Date.parse(approved.approveBusinessPlan.approvedAt)).not.toBeNaN();
  });

  it('revises the approved plan to version 2 while version 1 stays readable as approved', async () => {
    // Activities of an approved plan may still change; the approved version keeps what was approved.
    await t.admin.ok(RESCHEDULE_ACTIVITY, { input: { activityId: reviews, startsOn: daysFromToday(-30), endsOn: daysFromToday(90), reason: 'Extra gate' } });
    const revised = await t.admin.ok(REVISE_PLAN, { input: { planId, reason: 'Reorganisation' } });
    await t.admin.ok(PLAN_ACTIVITY, { input: activity({ title: 'Tooling rollout' }) });

    const v1 = await t.admin.ok(GET_PLAN, { id: planId, version: 1 });
    const latest = await t.admin.ok(GET_PLAN, { id: planId });

    expect(revised.reviseBusinessPlan).toMatchObject({ status: 'DRAFT', version: 2, approvedBy: null, baselineVersion: 1 });
    expect(v1.businessPlan).toMatchObject({ version: 1, status: 'APPROVED', approvedBy: 'head@pmo.example' });
    expect(v1.businessPlan.activities.map((a: { title: string }) => a.title)).toEqual(['Stage-gate reviews', 'Method training']);
    expect(v1.businessPlan.activities[0].endsOn).toBe(daysFromToday(60));
    expect(latest.businessPlan.activities.map((a: { title: string }) => a.title)).toEqual(['Stage-gate reviews', 'Method training', 'Tooling rollout']);
    expect(latest.businessPlan.activities[0].endsOn).toBe(daysFromToday(90));

    await t.admin.ok(SUBMIT_PLAN, { input: { planId } });
    await head.ok(APPROVE_PLAN, { input: { planId } });
    const superseded = await t.admin.ok(GET_PLAN, { id: planId, version: 1 });
    const unknown = await t.admin.ok(GET_PLAN, { id: planId, version: 3 });

    expect(superseded.businessPlan).toMatchObject({ version: 1, status: 'SUPERSEDED' });
    expect(superseded.businessPlan.activities).toHaveLength(2);
    expect(superseded.businessPlan.versions.map((v: { status: string }) => v.status)).toEqual(['SUPERSEDED', 'APPROVED']);
    expect(superseded.businessPlan.versions[0].supersededAt).not.toBeNull();
    expect(unknown.businessPlan).toBeNull();
  });

  it('logs work for the authenticated user by default and keeps one person-day within 24 hours', async () => {
    const mine = await ada.ok(LOG_WORK, { input: { pmoId, workedOn: today(), hours: 8, description: 'Gate review: payments', activityId: reviews } });
    await t.admin.ok(LOG_WORK, { input: { pmoId, person: 'ada@pmo.example', workedOn: today(), hours: 16, description: 'Late gate reviews' } });
    const over = await ada.fails(LOG_WORK, { input: { pmoId, workedOn: today(), hours: 0.5, description: 'One more call' } });
    const future = await ada.fails(LOG_WORK, { input: { pmoId, workedOn: daysFromToday(1), hours: 1, description: 'Tomorrow' } });
    const nothing = await ada.fails(LOG_WORK, { input: { pmoId, workedOn: daysFromToday(-1), hours: 0, description: 'Thought about it' } });
    const otherDay = await ada.ok(LOG_WORK, { input: { pmoId, workedOn: daysFromToday(-1), hours: 0.5, description: 'One more call' } });

    expect(mine.logWork).toMatchObject({ person: 'ada@pmo.example', hours: 8, retracted: false, activity: { id: reviews }, pmo: { id: pmoId } });
    expect(over.extensions).toMatchObject({ code: 'WORK_DAY_OVER_24H', field: 'hours' });
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workedOn' });
    expect(nothing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
    expect(otherDay.logWork.workedOn).toBe(daysFromToday(-1));
  });

  it('lets simultaneous entries of one person-day take no more than 24 hours between them', async () => {
    const input = { pmoId, person: 'bob@pmo.example', workedOn: daysFromToday(-2), hours: 3, description: 'Portfolio review' };
    const results = await Promise.all(Array.from({ length: 10 }, () => t.admin.request(LOG_WORK, { input })));

    expect(results.filter((r) => !r.errors).length).toBe(8);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['WORK_DAY_OVER_24H', 'WORK_DAY_OVER_24H']);
  });

  it('corrects an entry, keeping or detaching its activity, and retracts one with a reason', async () => {
    const logged = await t.admin.ok(LOG_WORK, {
      input: { pmoId, person: 'cy@pmo.example', workedOn: daysFromToday(-3), hours: 4, description: 'Method coaching', activityId: training },
    });
    const id = logged.logWork.id;
    await t.admin.ok(LOG_WORK, { input: { pmoId, person: 'cy@pmo.example', workedOn: daysFromToday(-4), hours: 22, description: 'Audit marathon' } });

    const hours = await t.admin.ok(CORRECT_WORK, { input: { workEntryId: id, hours: 6, reason: 'Timesheet said 6' } });
    const crowded = await t.admin.fails(CORRECT_WORK, { input: { workEntryId: id, workedOn: daysFromToday(-4), reason: 'Wrong day' } });
    const detached = await t.admin.ok(CORRECT_WORK, { input: { workEntryId: id, activityId: null, reason: 'Not training after all' } });
    const retracted = await t.admin.ok(RETRACT_WORK, { input: { workEntryId: id, reason: 'Logged twice' } });
    const afterRetraction = await t.admin.fails(CORRECT_WORK, { input: { workEntryId: id, hours: 1, reason: 'x' } });

    expect(hours.correctWork).toMatchObject({ hours: 6, description: 'Method coaching', activity: { id: training } });
    expect(crowded.extensions).toMatchObject({ code: 'WORK_DAY_OVER_24H' });
    expect(detached.correctWork).toMatchObject({ hours: 6, activity: null, revision: 2 });
    expect(retracted.retractWork).toMatchObject({ retracted: true, retractReason: 'Logged twice' });
    expect(afterRetraction.extensions).toMatchObject({ code: 'WORK_ENTRY_RETRACTED' });
    // The retracted hours leave the day's total.
    await t.admin.ok(LOG_WORK, { input: { pmoId, person: 'cy@pmo.example', workedOn: daysFromToday(-3), hours: 24, description: 'Go-live weekend' } });
    const read = await t.admin.ok(GET_WORK_ENTRY, { id });
    expect(read.workEntry).toMatchObject({ retracted: true, hours: 6 });
  });

  it('refuses work on a cancelled activity and on an activity of another PMO', async () => {
    const cancelled = await t.admin.ok(CANCEL_ACTIVITY, { input: { activityId: training, reason: 'Training moved to the HR academy' } });
    const refused = await ada.fails(LOG_WORK, {
      input: { pmoId: otherPmoId, workedOn: daysFromToday(-5), hours: 1, description: 'Cross-charging', activityId: reviews },
    });
    const cancelledWork = await ada.fails(LOG_WORK, {
      input: { pmoId, workedOn: daysFromToday(-5), hours: 1, description: 'Prepared a session', activityId: training },
    });

    expect(cancelled.cancelActivity).toMatchObject({ status: 'CANCELLED', cancelledOn: today(), cancelReason: 'Training moved to the HR academy' });
    expect(refused.extensions).toMatchObject({ code: 'ACTIVITY_OF_OTHER_PMO', field: 'activityId' });
    expect(cancelledWork.extensions).toMatchObject({ code: 'ACTIVITY_CANCELLED', field: 'activityId' });
    const read = await t.admin.ok(GET_ACTIVITY, { id: training });
    expect(read.activity.status).toBe('CANCELLED');
  });
});
