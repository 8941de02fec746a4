import { daysFromToday } from './days';
import type { GraphQLClient } from './graphql-client';

const ID = '{ id }';
const M = {
  establish: `mutation($input: EstablishPmoInput!) { establishPmo(input: $input) ${ID} }`,
  mandate: `mutation($input: IssueMandateInput!) { issueMandate(input: $input) ${ID} }`,
  objective: `mutation($input: DefineObjectiveInput!) { defineObjective(input: $input) ${ID} }`,
  progress: `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { id health progress } }`,
  plan: `mutation($input: DraftBusinessPlanInput!) { draftBusinessPlan(input: $input) ${ID} }`,
  activity: `mutation($input: PlanActivityInput!) { planActivity(input: $input) ${ID} }`,
  work: `mutation($input: LogWorkInput!) { logWork(input: $input) ${ID} }`,
  publish: `mutation($input: PublishStandardInput!) { publishStandard(input: $input) ${ID} }`,
  adopt: `mutation($input: AdoptStandardInput!) { adoptStandard(input: $input) { status } }`,
  group: `mutation($input: FormNetworkGroupInput!) { formNetworkGroup(input: $input) ${ID} }`,
  contact: `mutation($input: AddContactInput!) { addContact(input: $input) ${ID} }`,
  assess: `mutation($input: AssessContactInput!) { assessContact(input: $input) ${ID} }`,
};

export interface DashboardOrganisation {
  readonly group: string;
  readonly digital: string;
  readonly app: string;
  /** Measured at 60 of 40 → 80 (progress 0.5), on track. */
  readonly onTime: string;
  /** Never measured. */
  readonly sponsors: string;
}

/**
 * A small organisation, all of it through the API: a group PMO over a digital programme office
 * over an app project office. The programme has two objectives (one measured, one not), twelve
 * weeks of a plan with 6 h of aligned and 2 h of unaligned work, a standard it adopted (which its
 * project has not), and a network of one champion in one group.
 */
export async function seedDashboardOrganisation(admin: GraphQLClient): Promise<DashboardOrganisation> {
  const establish = async (name: string, kind: string, parentId: string | null) =>
    (await admin.ok(M.establish, { input: { name, kind, parentId } })).establishPmo.id as string;
  const group = await establish('Group PMO', 'PORTFOLIO', null);
  const digital = await establish('Digital programme office', 'PROGRAMME', group);
  const app = await establish('App project office', 'PROJECT', digital);
  await admin.ok(M.mandate, {
    input: { pmoId: digital, purpose: 'DELIVERY_SUPPORT', statement: 'Help digital projects deliver', sponsor: 'CDO', effectiveFrom: daysFromToday(-90) },
  });

  const objective = async (title: string, baseline: number, target: number, unit: string) =>
    (
      await admin.ok(M.objective, {
        input: { pmoId: digital, title, metric: { name: title, unit, baseline, target }, startsOn: daysFromToday(-84), dueOn: daysFromToday(280), owner: 'Grace' },
      })
    ).defineObjective.id as string;
  const onTime = await objective('Projects delivered on time', 40, 80, '%');
  const sponsors = await objective('Sponsors satisfied', 2, 4.5, 'score');
  await admin.ok(M.progress, { input: { objectiveId: onTime, value: 60, measuredOn: daysFromToday(-14) } });

  const plan = (await admin.ok(M.plan, { input: { pmoId: digital, title: 'Digital plan', periodStart: daysFromToday(-90), periodEnd: daysFromToday(60) } })).draftBusinessPlan.id;
  const reviews = (
    await admin.ok(M.activity, {
      input: {
        planId: plan,
        title: 'Delivery reviews',
        responsible: 'Ada',
        mode: 'DIRECT',
        startsOn: daysFromToday(-84),
        endsOn: daysFromToday(30),
        contributions: [{ objectiveId: onTime, rationale: 'Reviews catch slipping projects early' }],
      },
    })
  ).planActivity.id;
  await admin.ok(M.work, { input: { pmoId: digital, workedOn: daysFromToday(-10), hours: 6, description: 'Reviewed three projects', activityId: reviews } });
  await admin.ok(M.work, { input: { pmoId: digital, workedOn: daysFromToday(-9), hours: 2, description: 'Tidied the shared drive', activityId: null } });

  const standard = (
    await admin.ok(M.publish, {
      input: {
        publisherPmoId: group,
        kind: 'METHODOLOGY',
        title: 'Stage gates',
        summary: 'Five gates for every project',
        appliesTo: ['PROGRAMME', 'PROJECT'],
        effectiveFrom: daysFromToday(-60),
        adoptionDueOn: daysFromToday(-30),
      },
    })
  ).publishStandard.id;
  await admin.ok(M.adopt, { input: { standardId: standard, pmoId: digital, version: 1, adoptedOn: daysFromToday(-40) } });

  const board = (
    await admin.ok(M.group, {
      input: { pmoId: digital, kind: 'SENIOR_LEADERSHIP', name: 'Steering board', connection: 'STRATEGIC', cadenceDays: 30, vehicles: ['STEERING_MEETING'], formedOn: daysFromToday(-100) },
    })
  ).formNetworkGroup.id;
  const contact = (
    await admin.ok(M.contact, { input: { pmoId: digital, name: 'Grace Hopper', source: 'STAKEHOLDER', relationship: 'INTERNAL', knownSince: daysFromToday(-100), groupIds: [board] } })
  ).addContact.id;
  await admin.ok(M.assess, { input: { contactId: contact, stance: 'CHAMPION', engagement: 'LEADING', desiredEngagement: 'LEADING', assessedOn: daysFromToday(-20) } });

  return { group, digital, app, onTime, sponsors };
}

export const RECORD_PROGRESS = M.progress;
