import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays } from '@throughline/domain';
import { today } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { ALIGNMENT, CLOSE_OBJECTIVE, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, LOG_WORK, PLAN_ACTIVITY, RECORD_PROGRESS } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

const ORGANISATION = `query($on: LocalDate, $asOf: DateTime) {
  organisation(on: $on, asOf: $asOf) {
    on asOf
    pmos {
      pmo { id entityId name } objectives byHealth { health objectives } meanProgress meanExpectedProgress
      hoursLast28Days alignedHoursLast28Days alignedShareLast28Days
      compliance { adopted transition deviationApproved deviationRequested pending nonCompliant }
      networkGroups overdueNetworkGroups openDeviations openFeedback oldestOpenFeedbackDays
    }
  }
}`;
const TREND = `query($id: ID!, $from: LocalDate!, $to: LocalDate!, $granularity: Granularity!, $asOf: DateTime) {
  objectiveTrend(objectiveId: $id, from: $from, to: $to, granularity: $granularity, asOf: $asOf) { on value progress expectedProgress health }
}`;
const VIEWER = 'query { viewer { subject roles permissions pmos { id name } } }';
const PUBLISH = 'mutation($input: PublishStandardInput!) { publishStandard(input: $input) { id } }';
const ADOPT = 'mutation($input: AdoptStandardInput!) { adoptStandard(input: $input) { status } }';
const REQUEST_DEVIATION = 'mutation($input: RequestDeviationInput!) { requestDeviation(input: $input) { id status } }';
const RAISE = 'mutation($input: RaiseFeedbackInput!) { raiseFeedback(input: $input) { id } }';
const RESOLVE = 'mutation($input: ResolveFeedbackInput!) { resolveFeedback(input: $input) { status } }';
const FORM_GROUP = 'mutation($input: FormNetworkGroupInput!) { formNetworkGroup(input: $input) { id } }';
const ADD_CONTACT = 'mutation($input: AddContactInput!) { addContact(input: $input) { id } }';
const TOUCHPOINT = 'mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id } }';

const HEALTHS = ['NO_DATA', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'CLOSED'] as const;
type Row = { pmo: { id: string; entityId: string; name: string }; byHealth: { health: string; objectives: number }[]; [figure: string]: unknown };
const healths = (counts: Partial<Record<(typeof HEALTHS)[number], number>>) => HEALTHS.map((health) => ({ health, objectives: counts[health] ?? 0 }));

/** Waits until the clock has moved past an instant, so what is recorded next is after it. */
const instantPassed = (): string => {
  const instant = new Date().toISOString();
  while (Date.now() <= Date.parse(instant)) {
    // a millisecond at most
  }
  return instant;
};

/**
 * A group of three PMOs on day D (the day the test runs), every figure worked out by hand:
 *
 * Group PMO (PORTFOLIO, established 2025-01-01), publishes a standard for PROGRAMME offices.
 *   Objective "Certify" 2026-01-01..2026-04-11 (100 days), 0 → 100, measured 10 (10 Jan),
 *   30 (1 Feb), 55 then 50 (both 28 Feb). On D, long past due, 1 is expected: 0.50 is OFF_TRACK.
 *   Feedback: one from Digital (open, raised on D: waited 0 days), one from Delivery (resolved later).
 * Digital programme office (PROGRAMME), established before Delivery, listed after it by name.
 *   Objective D-20..D+80: 20 of 100 days gone, 0.20 expected; 25 measured: 0.25, ON_TRACK.
 *   The standard: never adopted, due D-50: NON_COMPLIANT; a deviation asked for D+5..D+60 awaits a decision.
 *   Group "Sponsors" formed D-60, every 30 days, never met: overdue since D-30.
 * Delivery programme office (PROGRAMME). Objectives D-100..D+100, 0.50 expected on D:
 *   O1 0 → 100, 55 measured (D-2): 0.55, ON_TRACK     O2 0 → 100, 30 (D-5): 0.30, 0.20 behind, AT_RISK
 *   O3 10 → 20, 11 (D-1): 0.10, 0.40 behind, OFF_TRACK O4 never measured: NO_DATA, progress 0
 *   O5 abandoned on D: CLOSED, left out of the means
 *   mean progress (0.55 + 0.30 + 0.10 + 0) / 4 = 0.2375; mean expected 0.50
 *   Work, D-27..D counting: D-3 6 h on A1 (serves O1), D-10 2 h on A2 (serves none), D-20 4 h on
 *   nothing, D-27 3 h on A1; D-28 5 h on A1 falls outside. 15 h, 9 aligned: 0.6.
 *   The standard adopted (version 1, D-60): ADOPTED.
 *   Groups "Teams" (D-60, every 14 days, Sam a member) and "Board" (D-10, every 30 days).
 *
 * Then, after the instant `before`: O2 measured 60 on D (0.60: ON_TRACK), 3 h more on A1 on D-1
 * (18 h, 12 aligned: 2/3), a touchpoint with Sam on D-5 (Teams next due D+9: no longer overdue),
 * and Delivery's feedback resolved. As of `before`, Group still had two open items.
 */
describe('leadership across the organisation', () => {
  let t: TestApp;
  const D = today();
  const day = (offset: number) => addDays(D, offset);
  const ids: Record<string, string> = {};
  let before: string;
  let afterFiftyFive: string;
  let delivery: GraphQLClient;

  const establish = async (name: string, kind: string, parentId: string | null, establishedOn: string) =>
    (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind, parentId, establishedOn } })).establishPmo.id as string;
  const objective = async (pmoId: string, title: string, baseline: number, target: number, startsOn: string, dueOn: string) =>
    (await t.admin.ok(DEFINE_OBJECTIVE, { input: { pmoId, title, metric: { name: title, unit: 'count', baseline, target }, startsOn, dueOn, owner: 'Grace' } }))
      .defineObjective.id as string;
  const measure = (objectiveId: string, value: number, measuredOn: string) => t.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value, measuredOn } });
  const log = (workedOn: string, hours: number, activityId: string | null) =>
    t.admin.ok(LOG_WORK, { input: { pmoId: ids.delivery, workedOn, hours, description: `work of ${workedOn}`, activityId } });
  const organisation = async (variables: Record<string, unknown>, client: GraphQLClient = t.admin) =>
    (await client.ok(ORGANISATION, variables)).organisation as { on: string; asOf: string | null; pmos: Row[] };
  // A past answer's PMOs carry snapshot ids; the entity's own id is `entityId` in every answer.
  const rowOf = (rows: Row[], id: string) => rows.find((row) => row.pmo.entityId === id) as Row;

  beforeAll(async () => {
    t = await startTestApp();
    ids.group = await establish('Group PMO', 'PORTFOLIO', null, '2025-01-01');
    ids.digital = await establish('Digital programme office', 'PROGRAMME', ids.group, day(-300));
    ids.delivery = await establish('Delivery programme office', 'PROGRAMME', ids.group, day(-300));
    delivery = await t.client('hana@pmo.example', ['PMO_HEAD'], [ids.delivery]);

    ids.certify = await objective(ids.group, 'Certify', 0, 100, '2026-01-01', '2026-04-11');
    for (const [value, on] of [[10, '2026-01-10'], [30, '2026-02-01'], [55, '2026-02-28']] as const) await measure(ids.certify, value, on);
    afterFiftyFive = instantPassed();
    await measure(ids.certify, 50, '2026-02-28');

    const digitalObjective = await objective(ids.digital, 'Digital adoption', 0, 100, day(-20), day(80));
    await measure(digitalObjective, 25, day(-1));
    ids.o1 = await objective(ids.delivery, 'O1', 0, 100, day(-100), day(100));
    ids.o2 = await objective(ids.delivery, 'O2', 0, 100, day(-100), day(100));
    const o3 = await objective(ids.delivery, 'O3', 10, 20, day(-100), day(100));
    await objective(ids.delivery, 'O4', 0, 100, day(-100), day(100));
    const o5 = await objective(ids.delivery, 'O5', 0, 100, day(-100), day(100));
    await measure(ids.o1, 55, day(-2));
    await measure(ids.o2, 30, day(-5));
    await measure(o3, 11, day(-1));
    await t.admin.ok(CLOSE_OBJECTIVE, { input: { objectiveId: o5, outcome: 'ABANDONED', reason: 'Folded into O1' } });

    const plan = (await t.admin.ok(DRAFT_PLAN, { input: { pmoId: ids.delivery, title: 'Delivery plan', periodStart: day(-100), periodEnd: day(100) } })).draftBusinessPlan.id;
    const activity = async (title: string, contributions: { objectiveId: string; rationale: string }[]) =>
      (await t.admin.ok(PLAN_ACTIVITY, { input: { planId: plan, title, responsible: 'Ada', mode: 'DIRECT', startsOn: day(-60), endsOn: day(60), contributions } })).planActivity.id as string;
    ids.a1 = await activity('A1', [{ objectiveId: ids.o1, rationale: 'Delivers O1' }]);
    const a2 = await activity('A2', []);
    await log(day(-3), 6, ids.a1);
    await log(day(-10), 2, a2);
    await log(day(-20), 4, null);
    await log(day(-27), 3, ids.a1);
    await log(day(-28), 5, ids.a1);

    const standard = (
      await t.admin.ok(PUBLISH, {
        input: { publisherPmoId: ids.group, kind: 'METHODOLOGY', title: 'Stage gates', summary: 'Gates for every programme', appliesTo: ['PROGRAMME'], effectiveFrom: day(-100), adoptionDueOn: day(-50) },
      })
    ).publishStandard.id;
    await t.admin.ok(ADOPT, { input: { standardId: standard, pmoId: ids.delivery, version: 1, adoptedOn: day(-60) } });
    await t.admin.ok(REQUEST_DEVIATION, {
      input: { standardId: standard, pmoId: ids.digital, description: 'Quarterly gates', reason: 'A team of four', significance: 'SIGNIFICANT', from: day(5), until: day(60) },
    });

    await t.admin.ok(RAISE, { input: { fromPmoId: ids.digital, toPmoId: ids.group, subject: 'Gates', body: 'Too many gates for a small team.' } });
    ids.feedback = (await t.admin.ok(RAISE, { input: { fromPmoId: ids.delivery, toPmoId: ids.group, subject: 'Templates', body: 'Where is the risk log template?' } })).raiseFeedback.id;

    const group = (pmoId: string, name: string, cadenceDays: number, formedOn: string) =>
      t.admin.ok(FORM_GROUP, { input: { pmoId, kind: 'OTHER', name, connection: 'OPERATIONAL', cadenceDays, vehicles: ['ONE_TO_ONE'], formedOn } });
    await group(ids.digital, 'Sponsors', 30, day(-60));
    const teams = (await group(ids.delivery, 'Teams', 14, day(-60))).formNetworkGroup.id;
    await group(ids.delivery, 'Board', 30, day(-10));
    ids.sam = (
      await t.admin.ok(ADD_CONTACT, { input: { pmoId: ids.delivery, name: 'Sam Reyes', source: 'TEAM_MEMBER', relationship: 'INTERNAL', groupIds: [teams], knownSince: day(-100) } })
    ).addContact.id;

    before = instantPassed();
    await measure(ids.o2, 60, D);
    await log(day(-1), 3, ids.a1);
    await t.admin.ok(TOUCHPOINT, { input: { pmoId: ids.delivery, heldOn: day(-5), vehicle: 'ONE_TO_ONE', contactIds: [ids.sam], summary: 'Sprint review', value: 'BOTH' } });
    await t.admin.ok(RESOLVE, { input: { feedbackId: ids.feedback, outcome: 'ANSWERED', resolution: 'In the shared folder.' } });
  });
  afterAll(() => t.close());

  it('sums up every PMO on the day, parents first and siblings by name, each figure as worked out above', async () => {
    const summary = await organisation({ on: D });

    expect(summary.on).toBe(D);
    expect(summary.pmos.map((row) => row.pmo.name)).toEqual(['Group PMO', 'Delivery programme office', 'Digital programme office']);
    const [group, deliveryRow, digital] = summary.pmos as [Row, Row, Row];
    const none = { adopted: 0, transition: 0, deviationApproved: 0, deviationRequested: 0, pending: 0, nonCompliant: 0 };

    expect(group).toMatchObject({ objectives: 1, byHealth: healths({ OFF_TRACK: 1 }), meanProgress: 0.5, meanExpectedProgress: 1 });
    expect(group).toMatchObject({ hoursLast28Days: 0, alignedShareLast28Days: 0, compliance: none, networkGroups: 0, overdueNetworkGroups: 0 });
    expect(group).toMatchObject({ openDeviations: 0, openFeedback: 1, oldestOpenFeedbackDays: 0 });

    expect(deliveryRow).toMatchObject({ objectives: 5, byHealth: healths({ NO_DATA: 1, ON_TRACK: 2, OFF_TRACK: 1, CLOSED: 1 }), meanExpectedProgress: 0.5 });
    // Now that O2 is measured 60: (0.55 + 0.60 + 0.10 + 0) / 4.
    expect(deliveryRow.meanProgress).toBeCloseTo(1.25 / 4, 12);
    expect(deliveryRow).toMatchObject({ hoursLast28Days: 18, alignedHoursLast28Days: 12, compliance: { ...none, adopted: 1 } });
    expect(deliveryRow.alignedShareLast28Days).toBeCloseTo(2 / 3, 12);
    expect(deliveryRow).toMatchObject({ networkGroups: 2, overdueNetworkGroups: 0, openDeviations: 0, openFeedback: 0, oldestOpenFeedbackDays: null });

    expect(digital).toMatchObject({ objectives: 1, byHealth: healths({ ON_TRACK: 1 }), meanProgress: 0.25, meanExpectedProgress: 0.2 });
    expect(digital).toMatchObject({ hoursLast28Days: 0, compliance: { ...none, nonCompliant: 1 }, networkGroups: 1, overdueNetworkGroups: 1, openDeviations: 1, openFeedback: 0 });
  });

  it('reports the same aligned share as the alignment report of the same 28 days', async () => {
    const { alignment } = await t.admin.ok(ALIGNMENT, { pmoId: ids.delivery, from: day(-27), to: D });
    const row = rowOf((await organisation({ on: D })).pmos, ids.delivery);

    expect([row.hoursLast28Days, row.alignedHoursLast28Days, row.alignedShareLast28Days]).toEqual([alignment.totalHours, alignment.alignedHours, alignment.alignedShare]);
  });

  it('answers as known at an earlier instant: O2 at risk, 15 hours, Teams overdue, two items of feedback open', async () => {
    const summary = await organisation({ on: D, asOf: before });
    const deliveryRow = rowOf(summary.pmos, ids.delivery);

    expect(summary.asOf).toBe(before);
    expect(deliveryRow).toMatchObject({ byHealth: healths({ NO_DATA: 1, ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, CLOSED: 1 }), hoursLast28Days: 15, alignedHoursLast28Days: 9 });
    expect(deliveryRow.meanProgress).toBeCloseTo(0.2375, 12);
    expect(deliveryRow.alignedShareLast28Days).toBeCloseTo(0.6, 12);
    expect(deliveryRow).toMatchObject({ networkGroups: 2, overdueNetworkGroups: 1 });
    expect(rowOf(summary.pmos, ids.group)).toMatchObject({ openFeedback: 2, oldestOpenFeedbackDays: 0 });
  });

  it('judges an earlier day by what held then: on D-4 O1 was not yet measured, on D-12 the Board not yet formed', async () => {
    const fourDaysAgo = rowOf((await organisation({ on: day(-4) })).pmos, ids.delivery);
    const twelveDaysAgo = rowOf((await organisation({ on: day(-12) })).pmos, ids.delivery);

    // D-4: 96 of 200 days, 0.48 expected. O1 NO_DATA (measured D-2), O2 stood at 30 (0.18 behind: AT_RISK),
    // O3 unmeasured until D-1: NO_DATA, O4 NO_DATA, O5 still ACTIVE (closed on D) and unmeasured: NO_DATA.
    expect(fourDaysAgo).toMatchObject({ objectives: 5, byHealth: healths({ NO_DATA: 4, AT_RISK: 1 }) });
    expect(fourDaysAgo.meanProgress).toBeCloseTo(0.3 / 5, 12);
    expect(fourDaysAgo.meanExpectedProgress).toBeCloseTo(0.48, 12);
    // D-31..D-4: D-28 5 h, D-27 3 h, D-20 4 h, D-10 2 h; 8 aligned of 14. Teams met on D-5: on time.
    expect(fourDaysAgo).toMatchObject({ hoursLast28Days: 14, alignedHoursLast28Days: 8, networkGroups: 2, overdueNetworkGroups: 0 });
    // D-12: the Board (formed D-10) does not count yet; Teams, never met by then, was due on D-46.
    expect(twelveDaysAgo).toMatchObject({ byHealth: healths({ NO_DATA: 5 }), meanProgress: 0, networkGroups: 1, overdueNetworkGroups: 1 });
  });

  it('shows a PMO head the rows of their own PMOs only, and defaults the day to today', async () => {
    const both = await t.client('lin@pmo.example', ['PMO_HEAD'], [ids.digital, ids.delivery]);

    const own = await organisation({}, delivery);
    const two = await organisation({}, both);

    expect(own.on).toBe(today());
    expect(own.pmos.map((row) => row.pmo.id)).toEqual([ids.delivery]);
    expect(two.pmos.map((row) => row.pmo.name)).toEqual(['Delivery programme office', 'Digital programme office']);
  });

  it('draws an objective week by week: every Sunday and the last day asked, each judged on its day', async () => {
    const { objectiveTrend } = await t.admin.ok(TREND, { id: ids.certify, from: '2026-01-05', to: '2026-03-03', granularity: 'WEEK' });

    // Day n of 100 expects n/100. 11 Jan (day 10): 10 → on track; 25 Jan (day 24): 10 → 0.14 behind, at risk;
    // 1 Feb (day 31): 30 → on track; 22 Feb (day 52): 30 → 0.22 behind, at risk; 1 Mar (day 59): 50 (the later
    // of the two on 28 Feb) → on track; Tuesday 3 Mar (day 61): 50 → 0.11 behind, at risk.
    expect(objectiveTrend.map((p: { on: string; value: number; health: string }) => [p.on, p.value, p.health])).toEqual([
      ['2026-01-11', 10, 'ON_TRACK'],
      ['2026-01-18', 10, 'ON_TRACK'],
      ['2026-01-25', 10, 'AT_RISK'],
      ['2026-02-01', 30, 'ON_TRACK'],
      ['2026-02-08', 30, 'ON_TRACK'],
      ['2026-02-15', 30, 'AT_RISK'],
      ['2026-02-22', 30, 'AT_RISK'],
      ['2026-03-01', 50, 'ON_TRACK'],
      ['2026-03-03', 50, 'AT_RISK'],
    ]);
    expect(objectiveTrend[6]).toMatchObject({ progress: 0.3, expectedProgress: 0.52 });
  });

  it('draws it month by month, and as known before the last measurement', async () => {
    const months = (await t.admin.ok(TREND, { id: ids.certify, from: '2026-01-01', to: '2026-04-15', granularity: 'MONTH' })).objectiveTrend;
    const earlier = (await t.admin.ok(TREND, { id: ids.certify, from: '2026-01-01', to: '2026-04-15', granularity: 'MONTH', asOf: afterFiftyFive })).objectiveTrend;

    // 31 Jan (day 30): 10 → 0.20 behind, at risk; 28 Feb (day 58): 50 → 0.08 behind, on track;
    // 31 Mar (day 89): 50 → 0.39 behind, off track; 15 Apr, past due: 1 expected, off track.
    expect(months.map((p: { on: string; value: number; expectedProgress: number; health: string }) => [p.on, p.value, p.expectedProgress, p.health])).toEqual([
      ['2026-01-31', 10, 0.3, 'AT_RISK'],
      ['2026-02-28', 50, 0.58, 'ON_TRACK'],
      ['2026-03-31', 50, 0.89, 'OFF_TRACK'],
      ['2026-04-15', 50, 1, 'OFF_TRACK'],
    ]);
    // Before the 50 was recorded, 28 February stood at 55; before the objective was defined, nothing was known.
    expect(earlier.map((p: { value: number }) => p.value)).toEqual([10, 55, 55, 55]);
    expect((await t.admin.ok(TREND, { id: ids.certify, from: '2026-01-01', to: '2026-04-15', granularity: 'MONTH', asOf: '2025-06-01T00:00:00Z' })).objectiveTrend).toEqual([]);
  });

  it('refuses a window that ends before it starts, or one of more than five years of weeks, naming the field', async () => {
    const backwards = await t.admin.fails(TREND, { id: ids.certify, from: '2026-03-01', to: '2026-02-01', granularity: 'WEEK' });
    const tooLong = await t.admin.fails(TREND, { id: ids.certify, from: '2020-01-01', to: '2026-01-01', granularity: 'WEEK' });
    const byMonth = await t.admin.ok(TREND, { id: ids.certify, from: '2020-01-01', to: '2026-01-01', granularity: 'MONTH' });

    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(tooLong.message).toContain('314 points');
    expect(byMonth.objectiveTrend).toHaveLength(73);
  });

  it('tells ADMIN and a PMO head who they are: subject, roles, permissions and the PMOs their role applies to', async () => {
    const admin = (await t.admin.ok(VIEWER)).viewer;
    const head = (await delivery.ok(VIEWER)).viewer;

    expect(admin).toMatchObject({ subject: 'admin@test', roles: ['ADMIN'], pmos: [] });
    expect(admin.permissions).toEqual(expect.arrayContaining(['pmo.manage', 'support.erase', 'organisation.summary']));
    expect(head).toMatchObject({ subject: 'hana@pmo.example', roles: ['PMO_HEAD'], pmos: [{ id: ids.delivery, name: 'Delivery programme office' }] });
    expect(head.permissions).toEqual(expect.arrayContaining(['objective.manage', 'records.read', 'viewer.read']));
    expect(head.permissions).not.toContain('pmo.manage');
  });

  it('runs the README’s leadership examples as written, the objective’s id taken from this group', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const block = /## Leadership across PMOs[^]*?```graphql\n([^]*?)```/.exec(readme)?.[1] ?? '';
    const examples = block.split(/\n(?=query|mutation)/).map((example) => example.trim()).filter(Boolean);

    expect(examples).toHaveLength(4);
    for (const example of examples) {
      const operation = example.replace('"<objective>"', JSON.stringify(ids.certify));
      expect(operation).not.toMatch(/<[a-z ]+>/);
      await t.admin.ok(operation);
    }
  });
});
