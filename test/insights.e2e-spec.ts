import type { GraphQLClient } from './support/graphql-client';
import { daysFromToday, today } from './support/days';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { eventually } from './support/eventually';
import { DRAFT_PLAN, ESTABLISH_PMO, HISTORY, PLAN_ACTIVITY } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const COMMUNITY_FIELDS = 'id name kind joinedOn leftOn contributions contributionList { on title kind recordedBy } joinedBy revision pmo { id }';
const INSIGHT_FIELDS = `id title summary heardOn decision decisionReason decidedOn revision recordedBy pmo { id } community { id name } activity { id }
  decisions { decision reason decidedOn activityId recordedBy }`;
const FUNNEL_FIELDS = 'pmo { id } from to heard decided adopted adapted parked rejected medianDaysToDecision contributions';

const JOIN = `mutation($input: JoinCommunityInput!) { joinCommunity(input: $input) { ${COMMUNITY_FIELDS} } }`;
const LEAVE = `mutation($input: LeaveCommunityInput!) { leaveCommunity(input: $input) { ${COMMUNITY_FIELDS} } }`;
const CONTRIBUTE = `mutation($input: CommunityContributionInput!) { recordCommunityContribution(input: $input) { ${COMMUNITY_FIELDS} } }`;
const RECORD = `mutation($input: RecordInsightInput!) { recordInsight(input: $input) { ${INSIGHT_FIELDS} } }`;
const DECIDE = `mutation($input: DecideInsightInput!) { decideInsight(input: $input) { ${INSIGHT_FIELDS} } }`;
const COMMUNITIES = `query($pmoId: ID!, $asOf: DateTime) { communities(pmoId: $pmoId, asOf: $asOf) { ${COMMUNITY_FIELDS} } }`;
const INSIGHTS = `query($pmoId: ID!, $decision: InsightDecision, $asOf: DateTime) { insights(pmoId: $pmoId, decision: $decision, asOf: $asOf) { ${INSIGHT_FIELDS} } }`;
const FUNNEL = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $asOf: DateTime) { insightFunnel(pmoId: $pmoId, from: $from, to: $to, asOf: $asOf) { ${FUNNEL_FIELDS} } }`;

type Row = Record<string, any>;

/**
 * Knowledge from outside over HTTP on a real SQLite store: a PMO's head and members join and leave
 * communities, record what they gave back and what they heard; only the head decides; leadership
 * and auditors read, and the funnel answers as of any instant. Every refusal names its code and
 * field and leaves the record as it was.
 */
describe('knowledge from outside', () => {
  let t: TestApp;
  let home: string;
  let away: string;
  let head: GraphQLClient;
  let member: GraphQLClient;
  let leadership: GraphQLClient;
  let auditor: GraphQLClient;
  let headAway: GraphQLClient;
  let activityId: string;
  let awayActivityId: string;
  let flashmob: Row;
  let sig: Row;
  let gates: Row;
  let raid: Row;
  let okrs: Row;
  let beforeDecisions: string;

  const establish = async (name: string) => (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind: 'PORTFOLIO' } })).establishPmo.id as string;
  const activityOf = async (pmoId: string) => {
    const plan = await t.admin.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-90), periodEnd: daysFromToday(300) } });
    const activity = await t.admin.ok(PLAN_ACTIVITY, {
      input: { planId: plan.draftBusinessPlan.id, title: 'Pilot lighter gates', responsible: 'Grace', mode: 'DIRECT', startsOn: daysFromToday(-10), endsOn: daysFromToday(60) },
    });
    return activity.planActivity.id as string;
  };
  /** Everything the PMO's outside knowledge shows: compared before and after refusals. */
  const record = async () => JSON.stringify([(await t.admin.ok(COMMUNITIES, { pmoId: home })).communities, (await t.admin.ok(INSIGHTS, { pmoId: home })).insights]);

  beforeAll(async () => {
    t = await startTestApp();
    home = await establish('Group PMO');
    away = await establish('Regional PMO');
    head = await t.client('hana@pmo.example', ['PMO_HEAD'], [home]);
    member = await t.client('mo@pmo.example', ['MEMBER'], [home]);
    leadership = await t.client('lee@pmo.example', ['LEADERSHIP']);
    auditor = await t.client('aud@pmo.example', ['AUDITOR']);
    headAway = await t.client('ria@pmo.example', ['PMO_HEAD'], [away]);
    activityId = await activityOf(home);
    awayActivityId = await activityOf(away);
  });
  afterAll(() => t.close());

  it('joins communities, refusing a future day, a bad kind or name, an unknown PMO and roles that do not record', async () => {
    const input = (extra: Row = {}) => ({ pmoId: home, name: 'PMO Flashmob', kind: 'EVENT_SERIES', joinedOn: daysFromToday(-120), ...extra });
    flashmob = (await head.ok(JOIN, { input: input() })).joinCommunity;
    sig = (await member.ok(JOIN, { input: input({ name: 'APM PMO SIG', kind: 'PROFESSIONAL_BODY', joinedOn: daysFromToday(-60) }) })).joinCommunity;
    expect(flashmob).toMatchObject({ name: 'PMO Flashmob', kind: 'EVENT_SERIES', joinedOn: daysFromToday(-120), leftOn: null, contributions: 0, revision: 0, joinedBy: 'hana@pmo.example', pmo: { id: home } });
    const before = await record();

    const future = await head.fails(JOIN, { input: input({ joinedOn: daysFromToday(1) }) });
    const blank = await head.fails(JOIN, { input: input({ name: '  ' }) });
    const badDay = await head.fails(JOIN, { input: input({ joinedOn: '2026-02-30' }) });
    const badKind = await head.fails(JOIN, { input: input({ kind: 'CLUB' }) });
    const unknownPmo = await t.admin.fails(JOIN, { input: input({ pmoId: UNKNOWN_ID }) });
    const refused = await Promise.all([leadership, auditor, headAway].map((client) => client.fails(JOIN, { input: input() })));

    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'joinedOn' });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(badDay.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(badKind.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(unknownPmo.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'pmoId' });
    for (const r of refused) expect(r.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'insight.record' });
    expect(await record()).toBe(before);
  });

  it('records contributions within the membership, counting and listing them, and refuses those outside it', async () => {
    const input = (extra: Row = {}) => ({ communityId: flashmob.id, on: daysFromToday(-30), title: 'Talk: gates that fit the change', kind: 'TALK', ...extra });
    flashmob = (await member.ok(CONTRIBUTE, { input: input() })).recordCommunityContribution;
    flashmob = (await head.ok(CONTRIBUTE, { input: input({ on: daysFromToday(-5), title: 'Answered a question on RAID logs', kind: null, expectedRevision: 1 }) })).recordCommunityContribution;
    expect(flashmob).toMatchObject({
      contributions: 2,
      revision: 2,
      contributionList: [
        { on: daysFromToday(-30), title: 'Talk: gates that fit the change', kind: 'TALK', recordedBy: 'mo@pmo.example' },
        { on: daysFromToday(-5), title: 'Answered a question on RAID logs', kind: null, recordedBy: 'hana@pmo.example' },
      ],
    });
    const before = await record();

    const beforeJoining = await head.fails(CONTRIBUTE, { input: input({ on: daysFromToday(-121) }) });
    const future = await head.fails(CONTRIBUTE, { input: input({ on: daysFromToday(1) }) });
    const noTitle = await head.fails(CONTRIBUTE, { input: input({ title: '' }) });
    const stale = await head.fails(CONTRIBUTE, { input: input({ expectedRevision: 0 }) });
    const unknown = await head.fails(CONTRIBUTE, { input: input({ communityId: UNKNOWN_ID }) });
    const byAuditor = await auditor.fails(CONTRIBUTE, { input: input() });
    const elsewhere = await headAway.fails(CONTRIBUTE, { input: input() });

    expect(beforeJoining.extensions).toMatchObject({ code: 'CONTRIBUTION_OUTSIDE_MEMBERSHIP', field: 'on' });
    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'on' });
    expect(noTitle.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
    for (const r of [byAuditor, elsewhere]) expect(r.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'insight.record' });
    expect(await record()).toBe(before);
  });

  it('leaves a community once, not before joining nor in the future, and then takes no contribution after the day it left', async () => {
    const before = await record();
    const early = await member.fails(LEAVE, { input: { communityId: sig.id, leftOn: daysFromToday(-61) } });
    const future = await member.fails(LEAVE, { input: { communityId: sig.id, leftOn: daysFromToday(1) } });
    const blankReason = await member.fails(LEAVE, { input: { communityId: sig.id, leftOn: daysFromToday(-2), reason: ' ' } });
    expect(early.extensions).toMatchObject({ code: 'LEFT_BEFORE_JOINED', field: 'leftOn' });
    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'leftOn' });
    expect(blankReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await record()).toBe(before);

    sig = (await member.ok(LEAVE, { input: { communityId: sig.id, leftOn: daysFromToday(-2), reason: 'Moved to the local chapter', expectedRevision: 0 } })).leaveCommunity;
    expect(sig).toMatchObject({ leftOn: daysFromToday(-2), revision: 1 });
    const twice = await member.fails(LEAVE, { input: { communityId: sig.id, leftOn: daysFromToday(-1) } });
    const after = await member.fails(CONTRIBUTE, { input: { communityId: sig.id, on: daysFromToday(-1), title: 'Late post' } });
    expect(twice.extensions).toMatchObject({ code: 'COMMUNITY_ALREADY_LEFT', field: 'communityId' });
    expect(after.extensions).toMatchObject({ code: 'CONTRIBUTION_OUTSIDE_MEMBERSHIP', field: 'on' });
    expect((await t.admin.ok(COMMUNITIES, { pmoId: home })).communities.map((c: Row) => [c.name, c.leftOn])).toEqual([
      ['PMO Flashmob', null],
      ['APM PMO SIG', daysFromToday(-2)],
    ]);
    const history = (await t.admin.ok(HISTORY, { type: 'COMMUNITY', id: sig.id })).history.edges.map((e: Row) => e.node);
    expect(history.map((n: Row) => [n.type, n.actor, n.reason])).toEqual([
      ['CommunityJoined', 'mo@pmo.example', null],
      ['CommunityLeft', 'mo@pmo.example', 'Moved to the local chapter'],
    ]);
  });

  it('records insights heard in a community or elsewhere, refusing a future day, a community of another PMO and a day before joining', async () => {
    const input = (extra: Row = {}) => ({
      pmoId: home,
      communityId: flashmob.id,
      title: 'Stop gate reviews for small changes',
      summary: 'Several PMOs dropped stage gates below a size threshold.',
      heardOn: daysFromToday(-40),
      ...extra,
    });
    gates = (await member.ok(RECORD, { input: input() })).recordInsight;
    raid = (await head.ok(RECORD, { input: input({ communityId: null, title: 'RAID logs nobody reads', summary: 'Fold risks into the plan review.', heardOn: daysFromToday(-20) }) })).recordInsight;
    okrs = (await head.ok(RECORD, { input: input({ title: 'OKRs for PMOs', summary: 'Replace the KPI pack.', heardOn: daysFromToday(-10) }) })).recordInsight;
    expect(gates).toMatchObject({ heardOn: daysFromToday(-40), decision: null, decisionReason: null, decidedOn: null, decisions: [], community: { id: flashmob.id }, activity: null, revision: 0 });
    expect(raid.community).toBeNull();
    const awayCommunity = (await headAway.ok(JOIN, { input: { pmoId: away, name: 'Regional forum', kind: 'ONLINE_NETWORK', joinedOn: daysFromToday(-10) } })).joinCommunity;
    const before = await record();

    const future = await head.fails(RECORD, { input: input({ heardOn: daysFromToday(1) }) });
    const otherPmo = await head.fails(RECORD, { input: input({ communityId: awayCommunity.id }) });
    const beforeJoined = await head.fails(RECORD, { input: input({ heardOn: daysFromToday(-121) }) });
    const noSummary = await head.fails(RECORD, { input: input({ summary: ' ' }) });
    const unknownCommunity = await head.fails(RECORD, { input: input({ communityId: UNKNOWN_ID }) });
    const byLeadership = await leadership.fails(RECORD, { input: input() });

    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'heardOn' });
    expect(otherPmo.extensions).toMatchObject({ code: 'COMMUNITY_OF_ANOTHER_PMO', field: 'communityId' });
    expect(beforeJoined.extensions).toMatchObject({ code: 'HEARD_BEFORE_JOINED', field: 'heardOn' });
    expect(noSummary.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary' });
    expect(unknownCommunity.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
    expect(byLeadership.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'insight.record' });
    expect(await record()).toBe(before);
  });

  it('lets the head decide, keeps every decision, decides a parked insight again and refuses deciding anything else twice', async () => {
    const input = (extra: Row = {}) => ({ insightId: gates.id, decision: 'PARK', reason: 'Not before the new financial year', decidedOn: daysFromToday(-35), ...extra });
    beforeDecisions = new Date().toISOString();
    const before = await record();
    const byMember = await member.fails(DECIDE, { input: input() });
    const noReason = await head.fails(DECIDE, { input: input({ reason: '' }) });
    const beforeHeard = await head.fails(DECIDE, { input: input({ decidedOn: daysFromToday(-41) }) });
    const future = await head.fails(DECIDE, { input: input({ decidedOn: daysFromToday(1) }) });
    const activityWhenParked = await head.fails(DECIDE, { input: input({ activityId }) });
    const otherActivity = await head.fails(DECIDE, { input: input({ decision: 'ADOPT', activityId: awayActivityId }) });
    const unknownActivity = await head.fails(DECIDE, { input: input({ decision: 'ADOPT', activityId: UNKNOWN_ID }) });
    const unknownInsight = await head.fails(DECIDE, { input: input({ insightId: UNKNOWN_ID }) });
    expect(byMember.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'insight.decide' });
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(beforeHeard.extensions).toMatchObject({ code: 'DECIDED_BEFORE_HEARD', field: 'decidedOn' });
    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'decidedOn' });
    expect(activityWhenParked.extensions).toMatchObject({ code: 'ACTIVITY_ONLY_WHEN_USED', field: 'activityId' });
    expect(otherActivity.extensions).toMatchObject({ code: 'ACTIVITY_OF_ANOTHER_PMO', field: 'activityId' });
    expect(unknownActivity.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'activityId' });
    expect(unknownInsight.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'insightId' });
    expect(await record()).toBe(before);

    gates = (await head.ok(DECIDE, { input: input() })).decideInsight;
    expect(gates).toMatchObject({ decision: 'PARK', decidedOn: daysFromToday(-35), revision: 1 });
    const beforePark = await head.fails(DECIDE, { input: input({ decision: 'ADAPT', decidedOn: daysFromToday(-36) }) });
    expect(beforePark.extensions).toMatchObject({ code: 'DECIDED_BEFORE_PARKED', field: 'decidedOn' });
    gates = (await head.ok(DECIDE, { input: input({ decision: 'ADAPT', reason: 'Fits, with a lower threshold', decidedOn: daysFromToday(-25), activityId, expectedRevision: 1 }) })).decideInsight;
    expect(gates).toMatchObject({
      decision: 'ADAPT',
      decisionReason: 'Fits, with a lower threshold',
      decidedOn: daysFromToday(-25),
      activity: { id: activityId },
      revision: 2,
      decisions: [
        { decision: 'PARK', reason: 'Not before the new financial year', decidedOn: daysFromToday(-35), activityId: null, recordedBy: 'hana@pmo.example' },
        { decision: 'ADAPT', reason: 'Fits, with a lower threshold', decidedOn: daysFromToday(-25), activityId, recordedBy: 'hana@pmo.example' },
      ],
    });
    const again = await head.fails(DECIDE, { input: input({ decision: 'REJECT', decidedOn: today() }) });
    expect(again.extensions).toMatchObject({ code: 'INSIGHT_ALREADY_DECIDED', field: 'insightId' });

    raid = (await head.ok(DECIDE, { input: { insightId: raid.id, decision: 'REJECT', reason: 'Our RAID log is read weekly', decidedOn: daysFromToday(-20) } })).decideInsight;
    okrs = (await head.ok(DECIDE, { input: { insightId: okrs.id, decision: 'PARK', reason: 'After the reorganisation', decidedOn: daysFromToday(-8) } })).decideInsight;
    const history = (await auditor.ok(HISTORY, { type: 'INSIGHT', id: gates.id })).history.edges.map((e: Row) => e.node);
    expect(history.map((n: Row) => [n.type, n.actor, n.reason])).toEqual([
      ['InsightRecorded', 'mo@pmo.example', null],
      ['InsightDecided', 'hana@pmo.example', 'Not before the new financial year'],
      ['InsightDecided', 'hana@pmo.example', 'Fits, with a lower threshold'],
    ]);
  });

  it('lists insights by latest decision and answers the funnel now and as of before the decisions, to leadership and auditors alike', async () => {
    const byDecision = async (decision: string) => (await leadership.ok(INSIGHTS, { pmoId: home, decision })).insights.map((i: Row) => i.id);
    expect([await byDecision('ADAPT'), await byDecision('REJECT'), await byDecision('PARK'), await byDecision('ADOPT')]).toEqual([[gates.id], [raid.id], [okrs.id], []]);

    const window = { pmoId: home, from: daysFromToday(-60), to: today() };
    const now = (await auditor.ok(FUNNEL, window)).insightFunnel;
    // gates: heard -40, first final decision -25 → 15 days; raid: heard -20, rejected the same day → 0.
    expect(now).toEqual({
      pmo: { id: home }, from: window.from, to: window.to, heard: 3, decided: 2, adopted: 0, adapted: 1, parked: 1, rejected: 1, medianDaysToDecision: 7.5, contributions: 2,
    });
    const earlier = (await leadership.ok(FUNNEL, { ...window, asOf: beforeDecisions })).insightFunnel;
    expect(earlier).toMatchObject({ heard: 3, decided: 0, adopted: 0, adapted: 0, parked: 0, rejected: 0, medianDaysToDecision: null, contributions: 2 });
    const narrow = (await t.admin.ok(FUNNEL, { pmoId: home, from: daysFromToday(-15), to: today() })).insightFunnel;
    expect(narrow).toMatchObject({ heard: 1, decided: 0, parked: 1, medianDaysToDecision: null, contributions: 1 });
    const asOfInsights = (await t.admin.ok(INSIGHTS, { pmoId: home, asOf: beforeDecisions })).insights;
    expect(asOfInsights.map((i: Row) => i.decision)).toEqual([null, null, null]);

    const backwards = await t.admin.fails(FUNNEL, { pmoId: home, from: today(), to: daysFromToday(-1) });
    const elsewhere = await headAway.fails(FUNNEL, window);
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(elsewhere.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'insight.read' });
    expect((await member.ok(COMMUNITIES, { pmoId: home })).communities).toHaveLength(2);
  });

  it('answers a repeated command id once', async () => {
    const input = { pmoId: home, name: 'LinkedIn PMO group', kind: 'SOCIAL_MEDIA', joinedOn: today(), commandId: 'join-linkedin-1' };
    const first = (await head.ok(JOIN, { input })).joinCommunity;
    const second = (await head.ok(JOIN, { input })).joinCommunity;
    const reused = await head.fails(JOIN, { input: { ...input, name: 'Other' } });
    expect(second.id).toBe(first.id);
    expect(reused.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await t.admin.ok(COMMUNITIES, { pmoId: home })).communities).toHaveLength(3);
  });
});

describe('knowledge from outside on two instances sharing EventStoreDB', () => {
  const instances = eventStoreDbInstances();

  it('records on one instance and answers the same communities, insights and funnel on the other', async () => {
    const [a, b] = [await instances.instance(), await instances.instance()];
    const pmoId = (await a.admin.ok(ESTABLISH_PMO, { input: { name: 'Shared office', kind: 'PORTFOLIO' } })).establishPmo.id as string;
    const community = (await a.admin.ok(JOIN, { input: { pmoId, name: 'PMO Flashmob', kind: 'EVENT_SERIES', joinedOn: daysFromToday(-30) } })).joinCommunity;
    await a.admin.ok(CONTRIBUTE, { input: { communityId: community.id, on: daysFromToday(-3), title: 'Lightning talk' } });
    const insight = (await a.admin.ok(RECORD, { input: { pmoId, communityId: community.id, title: 'Benefits owners', summary: 'Name one per benefit.', heardOn: daysFromToday(-10) } })).recordInsight;
    // Commands fold the stream from the store, so the other instance decides what this one recorded.
    await b.admin.ok(DECIDE, { input: { insightId: insight.id, decision: 'ADOPT', reason: 'Cheap and clear', decidedOn: daysFromToday(-6) } });
    const window = { pmoId, from: daysFromToday(-30), to: today() };
    for (const app of [a, b]) {
      await eventually(async () => (((await app.admin.ok(FUNNEL, window)).insightFunnel as Row).adopted === 1 ? true : null));
      expect((await app.admin.ok(FUNNEL, window)).insightFunnel).toMatchObject({ heard: 1, decided: 1, adopted: 1, medianDaysToDecision: 4, contributions: 1 });
      expect((await app.admin.ok(COMMUNITIES, { pmoId })).communities).toMatchObject([{ id: community.id, contributions: 1 }]);
    }
  });
});
