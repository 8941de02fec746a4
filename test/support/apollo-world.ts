/** One entity of every type that implements Node, recorded over HTTP, for the client tests to read. */
import { daysFromToday, today } from './days';
import type { GraphQLClient } from './graphql-client';
import { APPROVE_PLAN, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, LOG_WORK, PLAN_ACTIVITY, RECORD_PROGRESS, REVISE_PLAN, SUBMIT_PLAN } from './operations';
import type { TestApp } from './test-app';

/** The entity of each GraphQL type, by `__typename`. */
export type NodeIds = Record<
  | 'Pmo'
  | 'Objective'
  | 'BusinessPlan'
  | 'Activity'
  | 'WorkEntry'
  | 'Feedback'
  | 'Standard'
  | 'Deviation'
  | 'PlanTemplate'
  | 'Contact'
  | 'NetworkGroup'
  | 'Touchpoint'
  | 'SupportEngagement'
  | 'Community'
  | 'Insight',
  string
>;

export interface World {
  readonly ids: NodeIds;
  /** The programme under the portfolio (Pmo), which raises the feedback and asks for the deviation. */
  readonly programme: string;
  /** Before the objective's first measurement, and before the plan's first approval. */
  readonly before: string;
  /** Head of the programme only. */
  readonly programmeHead: GraphQLClient;
  /** Member of the portfolio, who logged no work. */
  readonly member: GraphQLClient;
}

const id = async (client: GraphQLClient, mutation: string, input: Record<string, unknown>): Promise<string> =>
  (Object.values(await client.ok(mutation, { input }))[0] as { id: string }).id;

const call = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { id } }`;

/**
 * The portfolio's objective is measured at 52 (baseline 40, target 80: ON_TRACK) after `before`,
 * and its plan, approved after `before`, is open again at version 2.
 */
export async function recordWorld(t: TestApp): Promise<World> {
  const admin = t.admin;
  const pmo = await id(admin, ESTABLISH_PMO, { name: 'Group PMO', kind: 'PORTFOLIO' });
  const programme = await id(admin, ESTABLISH_PMO, { name: 'Digital programme', kind: 'PROGRAMME', parentId: pmo });
  const head = await t.client('grace@org.test', ['PMO_HEAD'], [pmo]);
  const objective = await id(admin, DEFINE_OBJECTIVE, {
    pmoId: pmo,
    title: 'Projects delivered on time',
    metric: { name: 'On-time delivery', unit: '%', baseline: 40, target: 80 },
    startsOn: daysFromToday(-30),
    dueOn: daysFromToday(170),
    owner: 'Grace',
  });
  const plan = await id(admin, DRAFT_PLAN, { pmoId: pmo, title: 'Plan 2026', periodStart: daysFromToday(-30), periodEnd: daysFromToday(300) });
  const activity = await id(admin, PLAN_ACTIVITY, {
    planId: plan,
    title: 'Stage-gate reviews',
    responsible: 'Grace',
    mode: 'DIRECT',
    startsOn: daysFromToday(-10),
    endsOn: daysFromToday(60),
    contributions: [{ objectiveId: objective, rationale: 'Gates catch late projects early' }],
  });
  const before = new Date().toISOString();
  await admin.ok(RECORD_PROGRESS, { input: { objectiveId: objective, value: 52, measuredOn: today() } });
  await head.ok(SUBMIT_PLAN, { input: { planId: plan } });
  await admin.ok(APPROVE_PLAN, { input: { planId: plan } });
  await head.ok(REVISE_PLAN, { input: { planId: plan, reason: 'A new programme joined' } });
  const work = await id(admin, LOG_WORK, { pmoId: pmo, activityId: activity, person: 'grace@org.test', workedOn: today(), hours: 2, description: 'Gate review' });
  const standard = await id(admin, call('publishStandard', 'PublishStandardInput'), {
    publisherPmoId: pmo,
    kind: 'METHODOLOGY',
    title: 'Stage gates',
    summary: 'Five gates for every programme',
    appliesTo: ['PROGRAMME'],
    effectiveFrom: daysFromToday(-60),
    adoptionDueOn: daysFromToday(30),
  });
  const deviation = await id(admin, call('requestDeviation', 'RequestDeviationInput'), {
    standardId: standard,
    pmoId: programme,
    description: 'Monthly gate reviews',
    reason: 'A team of three',
    significance: 'MINOR',
    from: daysFromToday(5),
    until: daysFromToday(20),
  });
  const feedback = await id(admin, call('raiseFeedback', 'RaiseFeedbackInput'), { fromPmoId: programme, toPmoId: pmo, subject: 'Gates', body: 'Too many for a small team' });
  const template = await id(admin, call('publishPlanTemplate', 'PublishPlanTemplateInput'), { planId: plan, title: 'Yearly plan' });
  const group = await id(admin, call('formNetworkGroup', 'FormNetworkGroupInput'), {
    pmoId: pmo,
    name: 'Senior leadership',
    kind: 'SENIOR_LEADERSHIP',
    connection: 'STRATEGIC',
    cadenceDays: 30,
    vehicles: ['ONE_TO_ONE'],
  });
  const contact = await id(admin, call('addContact', 'AddContactInput'), { pmoId: pmo, name: 'Ada', source: 'STAKEHOLDER', relationship: 'INTERNAL', groupIds: [group] });
  const touchpoint = await id(admin, call('recordTouchpoint', 'RecordTouchpointInput'), { pmoId: pmo, heldOn: today(), vehicle: 'ONE_TO_ONE', contactIds: [contact], summary: 'Coffee' });
  const engagement = await id(admin, call('openSupportEngagement', 'OpenSupportEngagementInput'), {
    pmoId: pmo,
    supporter: 'grace@org.test',
    supportedPmoId: programme,
    topic: 'Planning',
    requestedAs: 'TRAINER',
    goals: ['A plan by June'],
    willingToChange: true,
    startedOn: daysFromToday(-5),
    agreedUntil: daysFromToday(50),
  });
  const community = await id(admin, call('joinCommunity', 'JoinCommunityInput'), { pmoId: pmo, name: 'PMO Flashmob', kind: 'EVENT_SERIES', joinedOn: daysFromToday(-20) });
  const insight = await id(admin, call('recordInsight', 'RecordInsightInput'), { pmoId: pmo, communityId: community, title: 'Benefits maps', summary: 'Map benefits first', heardOn: daysFromToday(-2) });
  return {
    ids: {
      Pmo: pmo,
      Objective: objective,
      BusinessPlan: plan,
      Activity: activity,
      WorkEntry: work,
      Feedback: feedback,
      Standard: standard,
      Deviation: deviation,
      PlanTemplate: template,
      Contact: contact,
      NetworkGroup: group,
      Touchpoint: touchpoint,
      SupportEngagement: engagement,
      Community: community,
      Insight: insight,
    },
    programme,
    before,
    programmeHead: await t.client('linus@org.test', ['PMO_HEAD'], [programme]),
    member: await t.client('ken@org.test', ['MEMBER'], [pmo]),
  };
}
