import { daysFromToday } from './days';
import type { GraphQLClient, GraphQLErrorBody } from './graphql-client';
import { DRAFT_PLAN, ESTABLISH_PMO, PLAN_ACTIVITY } from './operations';
import type { TestApp } from './test-app';

/**
 * The support a PMO gives and the outside knowledge it takes in, that
 * test/support-scenario.e2e-spec.ts judges: the dated facts as tables, and the recording of them
 * over HTTP in two batches with an instant (`asOf`) between them. Days are relative to today (0).
 * The PMO's head records qualifications, opens, renegotiates and closes engagements and keeps the
 * communities and insights; each supporter records their own sessions (so the hours of a session
 * logged as work are their own work).
 */

export const HEAD = 'hana@pmo.example';
/** Qualified COACH. */
export const CORA = 'cora@pmo.example';
/** Qualified COUNSELLOR. */
export const CAL = 'cal@pmo.example';
/** Neither qualification. */
export const NAT = 'nat@pmo.example';
export const AUDITOR = 'audra@audit.example';

/** [person, kind, issuer, validFrom]; nobody's expires. */
export const QUALIFICATIONS: [string, string, string, number][] = [
  [CORA, 'COACH', 'International Coaching Federation', -700],
  [CAL, 'COUNSELLOR', 'BACP', -900],
];

export type EngagementKey = 'Cutover' | 'Regional' | 'Wellbeing' | 'Steering' | 'Raid' | 'Estimates';

/**
 * [key, supporter, supported (a person, or `PMO` for the regional PMO), topic, requestedAs, goals,
 * willingToChange, startedOn, agreedUntil]; all opened in batch 1.
 */
export const ENGAGEMENTS: [EngagementKey, string, string, string, string, string[], boolean, number, number][] = [
  ['Cutover', CORA, 'Priya Shah', 'Getting the ERP cutover back on track', 'COACH', ['Own the cutover plan'], true, -58, -2],
  ['Regional', CORA, 'PMO', 'Gate reviews run by the regional PMO itself', 'COACH', ['Regional gate reviews without us'], true, -50, 30],
  ['Wellbeing', CAL, 'Tom Berg', 'Workload and wellbeing', 'COUNSELLOR', ['A sustainable week'], true, -42, 20],
  ['Steering', CORA, 'Lena Ortiz', 'Chairing her first steering committee', 'MENTOR', ['Agenda and papers on time'], false, -44, -10],
  ['Raid', NAT, 'Omar Haddad', 'Plans and RAID logs', 'TRAINER', ['A baselined plan', 'A living RAID log'], false, -54, -10],
  ['Estimates', NAT, 'Ines Kovac', 'Estimating with the team', 'MENTOR', ['Estimates the team stands behind'], true, -30, 30],
];

/** Counselling notes: distinctive, so a scan of raw bytes cannot find them by chance. */
export const NOTES = {
  first: 'Spoke about the Vandermeer custody hearing and sleeping four hours',
  second: 'Tom is seeing his GP about the Quillfeather prescription',
  third: 'Tom moved the Zanzibar holiday to rest before the release',
};
/** Notes of a MENTOR session: not confidential. */
export const MENTOR_NOTE = 'Shared my estimating checklist';

/** [no, engagement, heldOn, hours, mode, batch, notes]; no. 9 also logs its hours as Nat's work. */
export const SESSIONS: [number, EngagementKey, number, number, string, 1 | 2, string?][] = [
  [1, 'Cutover', -55, 2, 'MENTOR', 1],
  [2, 'Cutover', -45, 1.5, 'MENTOR', 1],
  [3, 'Cutover', -35, 1, 'COACH', 1],
  [4, 'Cutover', -25, 2, 'MENTOR', 2],
  [5, 'Regional', -48, 2, 'COACH', 1],
  [6, 'Regional', -34, 2, 'COACH', 1],
  [7, 'Regional', -20, 1, 'TRAINER', 2],
  [8, 'Regional', -6, 1.5, 'COACH', 2],
  [9, 'Raid', -38, 2, 'TRAINER', 1],
  [10, 'Raid', -52, 3, 'TRAINER', 1],
  [11, 'Raid', -24, 1, 'MENTOR', 1],
  [12, 'Wellbeing', -40, 1, 'COUNSELLOR', 1, NOTES.first],
  [13, 'Wellbeing', -26, 1, 'COUNSELLOR', 1, NOTES.second],
  [14, 'Wellbeing', -12, 0.5, 'MENTOR', 2],
  [15, 'Wellbeing', -5, 1, 'COUNSELLOR', 2, NOTES.third],
  [16, 'Steering', -42, 1.5, 'MENTOR', 1],
  [17, 'Steering', -28, 1, 'MENTOR', 1],
  [18, 'Steering', -14, 1, 'COACH', 2],
  [19, 'Steering', -7, 2, 'COACH', 2],
  [20, 'Estimates', -28, 1, 'TRAINER', 1],
  [21, 'Estimates', -21, 1.5, 'MENTOR', 1, MENTOR_NOTE],
  [22, 'Estimates', -14, 1.5, 'TRAINER', 2],
  [23, 'Estimates', -7, 1, 'MENTOR', 2],
];
export const WORK_SESSION = 9;

/** Sessions that must be refused: [label, engagement, heldOn, hours, mode, batch]. */
export const REFUSED = {
  /** Nat holds no COACH qualification (Estimates is willing to change). */
  unqualifiedCoach: ['Estimates', -18, 1, 'COACH', 1],
  /** Lena does not want to change (yet): Cora is qualified, the party is not willing. */
  unwillingCoach: ['Steering', -35, 1, 'COACH', 1],
  /** Raid is closed in batch 2 before this. */
  afterClosing: ['Raid', -10, 1, 'TRAINER', 2],
} as const;

/** Batch 2, before Steering's sessions 18 and 19. */
export const RENEGOTIATION = {
  goals: ['Agenda and papers on time', 'Chair without the PMO in the room'],
  agreedUntil: 15,
  willingToChange: true,
  reason: 'Lena asked to work on chairing herself',
};
/** Batch 2, after Raid's last session. */
export const CLOSING = { outcome: 'GOALS_MET', reason: 'Plan baselined and the RAID log in weekly use' };

export type CommunityKey = 'Sig' | 'Flashmob' | 'Online';
/** [key, name, kind, joinedOn]; all joined in batch 1. */
export const COMMUNITIES: [CommunityKey, string, string, number][] = [
  ['Sig', 'APM PMO SIG', 'PROFESSIONAL_BODY', -400],
  ['Flashmob', 'PMO Flashmob', 'EVENT_SERIES', -70],
  ['Online', 'PMO leaders online', 'ONLINE_NETWORK', -40],
];
/** Batch 2: the PMO leaves the online network (which got nothing back from it). */
export const LEAVING = { community: 'Online' as CommunityKey, leftOn: -5, reason: 'Too much noise, too little said' };
/** Batch 2: deciding again an insight decided finally is refused. */
export const REDECIDED = { insight: 1, decision: 'REJECT', decidedOn: -3 };
/** [community, on, batch]. */
export const CONTRIBUTIONS: [CommunityKey, number, 1 | 2][] = [
  ['Sig', -120, 1],
  ['Sig', -80, 1],
  ['Flashmob', -65, 1],
  ['Sig', -50, 1],
  ['Flashmob', -30, 1],
  ['Sig', -10, 2],
];

/** [no, community, title, heardOn, batch]. */
export const INSIGHTS: [number, CommunityKey | null, string, number, 1 | 2][] = [
  [0, 'Sig', 'Stage gates as conversations', -100, 1],
  [1, 'Sig', 'Lean portfolio kanban', -85, 1],
  [2, 'Flashmob', 'Drop the weekly RAG report', -66, 1],
  [3, 'Flashmob', 'Benefits maps', -64, 1],
  [4, null, 'Tiered assurance by project risk', -58, 1],
  [5, null, 'Run the PMO as a product', -50, 1],
  [6, 'Online', 'Status summaries written by the tool', -38, 1],
  [7, 'Online', 'Retire the PMO maturity model', -35, 1],
  [8, 'Sig', 'Coaching circles for project managers', -25, 1],
  [9, 'Flashmob', 'Decision logs in steering', -15, 2],
  [10, 'Sig', 'Portfolio health heatmap', -8, 2],
];
/** [insight, decision, decidedOn, batch], in the order recorded; no. 5's ADOPT puts it to work in the PMO's activity. */
export const DECISIONS: [number, string, number, 1 | 2][] = [
  [0, 'ADOPT', -86, 1],
  [1, 'ADAPT', -80, 1],
  [2, 'REJECT', -65, 1],
  [3, 'PARK', -60, 1],
  [4, 'REJECT', -40, 1],
  [5, 'ADOPT', -44, 1],
  [6, 'PARK', -30, 1],
  [7, 'REJECT', -33, 1],
  [3, 'ADOPT', -20, 2],
  [8, 'ADAPT', -10, 2],
  [9, 'ADOPT', -12, 2],
];
export const ACTIVITY_INSIGHT = 5;

export const SESSION_FIELDS = 'heldOn hours mode supporter notes';
export const ENGAGEMENT_FIELDS = `id pmo { id } supporter supportedPerson supportedPmo { id } topic requestedAs goals willingToChange
  startedOn agreedUntil status outcome revision deliveredMostlyAs labelMatches byMode { mode sessions hours }`;
const OPEN = `mutation($input: OpenSupportEngagementInput!) { openSupportEngagement(input: $input) { id revision } }`;
export const RECORD_SESSION = `mutation($input: RecordSupportSessionInput!) {
  recordSupportSession(input: $input) { id revision sessions { ${SESSION_FIELDS} workEntry { id person workedOn hours activity { id } } } }
}`;
const RENEGOTIATE = `mutation($input: RenegotiateEngagementInput!) { renegotiateEngagement(input: $input) { id revision } }`;
const CLOSE = `mutation($input: CloseSupportEngagementInput!) { closeSupportEngagement(input: $input) { id revision status } }`;
const QUALIFY = `mutation($input: RecordQualificationInput!) { recordQualification(input: $input) { person kind } }`;
const JOIN = `mutation($input: JoinCommunityInput!) { joinCommunity(input: $input) { id } }`;
const CONTRIBUTE = `mutation($input: CommunityContributionInput!) { recordCommunityContribution(input: $input) { id contributions } }`;
const RECORD_INSIGHT = `mutation($input: RecordInsightInput!) { recordInsight(input: $input) { id } }`;
const LEAVE = `mutation($input: LeaveCommunityInput!) { leaveCommunity(input: $input) { id leftOn } }`;
const DECIDE = `mutation($input: DecideInsightInput!) { decideInsight(input: $input) { id decision decidedOn } }`;

export interface Support {
  pmoId: string;
  /** The PMO that Regional supports. */
  regionalPmoId: string;
  activityId: string;
  head: GraphQLClient;
  auditor: GraphQLClient;
  supporter: Record<string, GraphQLClient>;
  engagement: Record<EngagementKey, string>;
  community: Record<CommunityKey, string>;
  insight: Record<number, string>;
  /** What the session that logged work answered. */
  workSession: { workEntry: { id: string; person: string; workedOn: string; hours: number; activity: { id: string } | null } | null };
  refusal: Record<keyof typeof REFUSED | 'redecided', GraphQLErrorBody>;
  /** An instant after batch 1 was recorded and before batch 2 was. */
  asOf: string;
}

/** Waits until the clock has passed `instant`, so what is recorded next is stored after it. */
const pastInstant = async (instant: number): Promise<void> => {
  while (Date.now() <= instant) await new Promise((resolve) => setImmediate(resolve));
};

export async function recordSupport(t: TestApp): Promise<Support> {
  const establish = async (name: string, kind: string) =>
    (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind, establishedOn: daysFromToday(-800) } })).establishPmo.id as string;
  const pmoId = await establish('Delivery PMO', 'PROGRAMME');
  const regionalPmoId = await establish('Regional PMO', 'PROJECT');
  const head = await t.client(HEAD, ['PMO_HEAD'], [pmoId]);
  const supporter: Record<string, GraphQLClient> = {};
  for (const person of [CORA, CAL, NAT]) supporter[person] = await t.client(person, ['MEMBER'], [pmoId]);
  const auditor = await t.client(AUDITOR, ['AUDITOR']);

  const planId = (await head.ok(DRAFT_PLAN, { input: { pmoId, title: 'Support plan', periodStart: daysFromToday(-90), periodEnd: daysFromToday(90) } }))
    .draftBusinessPlan.id as string;
  const activityId = (
    await head.ok(PLAN_ACTIVITY, {
      input: { planId, title: 'Grow project managers', responsible: HEAD, mode: 'DIRECT', startsOn: daysFromToday(-90), endsOn: daysFromToday(90) },
    })
  ).planActivity.id as string;

  const s: Support = {
    pmoId, regionalPmoId, activityId, head, auditor, supporter,
    engagement: {} as Record<EngagementKey, string>,
    community: {} as Record<CommunityKey, string>,
    insight: {},
    workSession: { workEntry: null },
    refusal: {} as Support['refusal'],
    asOf: '',
  };
  const supporterOf = (key: EngagementKey) => ENGAGEMENTS.find((e) => e[0] === key)![1];

  const session = async ([no, key, day, hours, mode, , notes]: (typeof SESSIONS)[number]) => {
    const input = {
      engagementId: s.engagement[key], heldOn: daysFromToday(day), hours, mode,
      ...(notes ? { notes } : {}),
      ...(no === WORK_SESSION ? { activityId } : {}),
    };
    const answer = (await supporter[supporterOf(key)]!.ok(RECORD_SESSION, { input })).recordSupportSession;
    if (no === WORK_SESSION) s.workSession = answer.sessions.find((x: any) => x.heldOn === input.heldOn);
  };
  const refuse = async (label: keyof typeof REFUSED) => {
    const [key, day, hours, mode] = REFUSED[label];
    s.refusal[label] = await supporter[supporterOf(key)]!.fails(RECORD_SESSION, { input: { engagementId: s.engagement[key], heldOn: daysFromToday(day), hours, mode } });
  };
  const decide = ([no, decision, day]: (typeof DECISIONS)[number]) =>
    head.ok(DECIDE, {
      input: {
        insightId: s.insight[no], decision, decidedOn: daysFromToday(day), reason: `${decision} after talking it through`,
        ...(no === ACTIVITY_INSIGHT ? { activityId } : {}),
      },
    });

  // Batch 1.
  for (const [person, kind, issuer, validFrom] of QUALIFICATIONS) {
    await head.ok(QUALIFY, { input: { person, kind, issuer, validFrom: daysFromToday(validFrom) } });
  }
  for (const [key, who, supported, topic, requestedAs, goals, willingToChange, startedOn, agreedUntil] of ENGAGEMENTS) {
    const input = {
      pmoId, supporter: who, topic, requestedAs, goals, willingToChange, startedOn: daysFromToday(startedOn), agreedUntil: daysFromToday(agreedUntil),
      ...(supported === 'PMO' ? { supportedPmoId: regionalPmoId } : { supportedPerson: supported }),
    };
    s.engagement[key] = (await head.ok(OPEN, { input })).openSupportEngagement.id;
  }
  for (const row of SESSIONS.filter((x) => x[5] === 1)) await session(row);
  await refuse('unqualifiedCoach');
  await refuse('unwillingCoach');
  for (const [key, name, kind, joinedOn] of COMMUNITIES) {
    s.community[key] = (await head.ok(JOIN, { input: { pmoId, name, kind, joinedOn: daysFromToday(joinedOn) } })).joinCommunity.id;
  }
  const contribute = ([key, day]: (typeof CONTRIBUTIONS)[number]) =>
    head.ok(CONTRIBUTE, { input: { communityId: s.community[key], on: daysFromToday(day), title: `A talk on day ${day}` } });
  const hear = async ([no, community, title, day]: (typeof INSIGHTS)[number]) => {
    const input = { pmoId, title, summary: `What we heard: ${title.toLowerCase()}`, heardOn: daysFromToday(day), ...(community ? { communityId: s.community[community] } : {}) };
    s.insight[no] = (await head.ok(RECORD_INSIGHT, { input })).recordInsight.id;
  };
  for (const row of CONTRIBUTIONS.filter((x) => x[2] === 1)) await contribute(row);
  for (const row of INSIGHTS.filter((x) => x[4] === 1)) await hear(row);
  for (const row of DECISIONS.filter((x) => x[3] === 1)) await decide(row);

  await pastInstant(Date.now());
  s.asOf = new Date().toISOString();
  await pastInstant(Date.parse(s.asOf));

  // Batch 2.
  const { agreedUntil, ...terms } = RENEGOTIATION;
  await head.ok(RENEGOTIATE, { input: { engagementId: s.engagement.Steering, ...terms, agreedUntil: daysFromToday(agreedUntil) } });
  await head.ok(CLOSE, { input: { engagementId: s.engagement.Raid, ...CLOSING } });
  for (const row of SESSIONS.filter((x) => x[5] === 2)) await session(row);
  await refuse('afterClosing');
  for (const row of CONTRIBUTIONS.filter((x) => x[2] === 2)) await contribute(row);
  for (const row of INSIGHTS.filter((x) => x[4] === 2)) await hear(row);
  for (const row of DECISIONS.filter((x) => x[3] === 2)) await decide(row);
  s.refusal.redecided = await head.fails(DECIDE, {
    input: { insightId: s.insight[REDECIDED.insight], decision: REDECIDED.decision, decidedOn: daysFromToday(REDECIDED.decidedOn), reason: 'Second thoughts' },
  });
  await head.ok(LEAVE, { input: { communityId: s.community[LEAVING.community], leftOn: daysFromToday(LEAVING.leftOn), reason: LEAVING.reason } });
  return s;
}
