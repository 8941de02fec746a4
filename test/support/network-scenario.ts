import { daysFromToday } from './days';
import type { GraphQLClient } from './graphql-client';
import { ESTABLISH_PMO } from './operations';
import type { TestApp } from './test-app';

/**
 * The PMO's network that test/network-scenario.e2e-spec.ts judges: the dated facts as tables, and
 * the recording of them over HTTP in two batches, with an instant between them. Days are relative
 * to today (0). Every fact is recorded by a MEMBER of the PMO; batch 2 is recorded after `asOf`.
 */

export type GroupKey = 'Delivery' | 'Senior' | 'Wider' | 'External';

/** [name, kind, connection, cadenceDays, vehicles]; all formed on day -120. */
export const GROUPS: [GroupKey, string, string, number, string[]][] = [
  ['Delivery', 'DELIVERY_TEAMS_AND_MANAGERS', 'OPERATIONAL', 14, ['ONE_TO_ONE', 'COMMUNITY_OF_PRACTICE', 'TRAINING']],
  ['Senior', 'SENIOR_LEADERSHIP', 'STRATEGIC', 30, ['STEERING_MEETING', 'ONE_TO_ONE', 'REPORT']],
  ['Wider', 'WIDER_BUSINESS', 'OPERATIONAL', 45, ['NEWSLETTER', 'EVENT', 'WORKSHOP']],
  ['External', 'EXTERNAL_INFLUENCE', 'PERSONAL', 60, ['EVENT', 'BLOG_POST', 'SOCIAL_MEDIA']],
];
export const FORMED_ON = -120;

/** [name, source, relationship, knownSince, groups, batch]. Dev's relationship ends on day -25. */
export const CONTACTS: [string, string, 'INTERNAL' | 'STAKEHOLDER', number, GroupKey[], 1 | 2][] = [
  ['Ada', 'CUSTOMER_DELIVERY_TEAM', 'STAKEHOLDER', -700, ['Delivery'], 1],
  ['Ben', 'CUSTOMER_DELIVERY_TEAM', 'STAKEHOLDER', -400, ['Delivery'], 1],
  ['Cleo', 'TEAM_MEMBER', 'STAKEHOLDER', -300, ['Delivery'], 1],
  ['Dev', 'STAKEHOLDER', 'STAKEHOLDER', -200, ['Delivery'], 1],
  ['Eve', 'TEAM_MEMBER', 'INTERNAL', -1500, ['Delivery', 'Senior'], 1],
  ['Finn', 'CUSTOMER_SPONSOR', 'STAKEHOLDER', -900, ['Senior'], 1],
  ['Gail', 'CUSTOMER_SPONSOR', 'STAKEHOLDER', -600, ['Senior'], 1],
  ['Hugo', 'STAKEHOLDER', 'INTERNAL', -2000, ['Senior'], 1],
  ['Iris', 'STAKEHOLDER', 'STAKEHOLDER', -20, ['Senior'], 1],
  ['Jon', 'STAKEHOLDER', 'INTERNAL', -1200, ['Wider'], 1],
  ['Kim', 'TEAM_MEMBER', 'INTERNAL', -800, ['Wider'], 1],
  ['Lou', 'STAKEHOLDER', 'STAKEHOLDER', -500, ['Wider'], 1],
  ['Mia', 'CUSTOMER_SPONSOR', 'STAKEHOLDER', -350, ['Wider'], 1],
  ['Ned', 'STAKEHOLDER', 'STAKEHOLDER', -35, ['Wider'], 1],
  ['Ola', 'EXTERNAL_INFLUENCER', 'STAKEHOLDER', -1000, ['External'], 1],
  ['Pia', 'INDUSTRY_ACQUAINTANCE', 'STAKEHOLDER', -3000, ['External'], 1],
  ['Quin', 'EXTERNAL_INFLUENCER', 'STAKEHOLDER', -150, ['External'], 1],
  ['Rae', 'INDUSTRY_ACQUAINTANCE', 'STAKEHOLDER', -12, ['External'], 1],
  ['Sam', 'STAKEHOLDER', 'STAKEHOLDER', -1000, [], 1],
  ['Tess', 'CUSTOMER_DELIVERY_TEAM', 'STAKEHOLDER', -3, [], 2],
];
export const DEV_ENDED_ON = -25;

/** [contact, assessedOn, stance, batch, reason], in the order recorded. Kim's two on -60 tie. */
export const ASSESSMENTS: [string, number, string, 1 | 2, string?][] = [
  ['Eve', -300, 'SUPPORTER', 1],
  ['Eve', -100, 'CHAMPION', 1, 'Runs the PM community with us'],
  ['Hugo', -500, 'CHAMPION', 1],
  ['Kim', -400, 'SUPPORTER', 1],
  ['Kim', -60, 'NEUTRAL', 1],
  ['Kim', -60, 'CHAMPION', 1, 'Same day, on second thoughts: she sponsors the reporting change'],
  ['Pia', -1000, 'CHAMPION', 1],
  ['Finn', -45, 'CHAMPION', 1],
  ['Sam', -200, 'SCEPTIC', 1],
  ['Sam', -70, 'CRITIC', 1],
  ['Lou', -150, 'CRITIC', 1],
  ['Mia', -80, 'CRITIC', 1],
  ['Mia', -10, 'NEUTRAL', 1],
  ['Gail', -300, 'SUPPORTER', 1],
  ['Quin', -100, 'NEUTRAL', 1],
  ['Quin', -30, 'SUPPORTER', 1],
  ['Iris', -15, 'SUPPORTER', 1],
  ['Ada', -25, 'CHAMPION', 1],
  ['Gail', -20, 'CRITIC', 2, 'Blames the PMO for the late gate review'],
];

/** [no, heldOn, vehicle, groups named, contacts, value, batch]; no. 29 logs 2 hours of work. */
export const TOUCHPOINTS: [number, number, string, GroupKey[], string[], string | null, 1 | 2][] = [
  [1, -110, 'EVENT', ['External'], ['Ola'], null, 1],
  [2, -100, 'ONE_TO_ONE', [], ['Sam'], null, 1],
  [3, -95, 'BLOG_POST', ['External'], ['Ola'], null, 1],
  [4, -92, 'ONE_TO_ONE', [], ['Ben'], null, 1],
  [5, -88, 'COMMUNITY_OF_PRACTICE', ['Delivery'], ['Ada', 'Ben', 'Cleo'], 'GIVEN', 1],
  [6, -85, 'STEERING_MEETING', ['Senior'], ['Finn', 'Gail', 'Hugo'], 'GIVEN', 1],
  [7, -84, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia'], null, 1],
  [8, -84, 'ONE_TO_ONE', [], ['Ben'], null, 1],
  [9, -80, 'ONE_TO_ONE', [], ['Ada'], null, 1],
  [10, -78, 'SHADOWING', [], ['Cleo'], null, 1],
  [11, -75, 'ONE_TO_ONE', [], ['Eve'], 'BOTH', 1],
  [12, -72, 'BLOG_POST', ['External'], ['Ola', 'Quin'], null, 1],
  [13, -70, 'TRAINING', ['Delivery'], ['Ben', 'Cleo', 'Dev'], null, 1],
  [14, -70, 'ONE_TO_ONE', [], ['Gail'], null, 1],
  [15, -66, 'TRAINING', ['Delivery'], ['Ada', 'Ben', 'Cleo'], null, 1],
  [16, -65, 'EVENT', ['Wider', 'External'], ['Kim', 'Ola', 'Quin'], 'RECEIVED', 1],
  [17, -64, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia'], null, 1],
  [18, -62, 'COMMUNITY_OF_PRACTICE', ['Delivery'], ['Cleo', 'Eve'], 'GIVEN', 1],
  [19, -60, 'REPORT', ['Senior'], ['Finn', 'Gail', 'Hugo'], null, 1],
  [20, -55, 'COMMUNITY_OF_PRACTICE', ['Delivery'], ['Ada', 'Ben', 'Dev'], null, 1],
  [21, -54, 'ONE_TO_ONE', [], ['Finn'], null, 1],
  [22, -50, 'WORKSHOP', ['Wider'], ['Kim', 'Lou'], 'RECEIVED', 1],
  [23, -48, 'STEERING_MEETING', ['Senior'], ['Finn', 'Hugo'], 'RECEIVED', 1],
  [24, -44, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia'], null, 1],
  [25, -38, 'WORKSHOP', ['Delivery'], ['Ada', 'Jon'], 'BOTH', 1],
  [26, -36, 'ONE_TO_ONE', [], ['Hugo', 'Kim'], 'BOTH', 1],
  [27, -34, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia', 'Ned'], null, 1],
  [28, -33, 'REPORT', ['Senior'], ['Finn', 'Gail', 'Hugo'], 'GIVEN', 1],
  [29, -30, 'COMMUNITY_OF_PRACTICE', ['Delivery'], ['Ada', 'Ben', 'Cleo', 'Dev'], null, 1],
  [30, -25, 'ONE_TO_ONE', [], ['Ben'], null, 1],
  [31, -24, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia', 'Ned'], null, 1],
  [32, -20, 'ONE_TO_ONE', [], ['Ada'], null, 1],
  [33, -15, 'COMMUNITY_OF_PRACTICE', ['Delivery'], ['Ada', 'Ben', 'Cleo'], null, 1],
  [34, -14, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia', 'Ned'], null, 1],
  [35, -10, 'TRAINING', ['Delivery'], ['Ben', 'Cleo'], null, 1],
  [36, -8, 'ONE_TO_ONE', [], ['Ben'], null, 1],
  [37, -6, 'ONE_TO_ONE', [], ['Ada'], null, 1],
  [38, -4, 'NEWSLETTER', ['Wider'], ['Jon', 'Kim', 'Mia', 'Ned'], null, 1],
  [39, -3, 'ONE_TO_ONE', [], ['Cleo'], null, 1],
  [40, -62, 'SOCIAL_MEDIA', ['External'], ['Quin'], null, 2],
  [41, -20, 'STEERING_MEETING', ['Senior'], ['Gail', 'Hugo', 'Iris'], 'RECEIVED', 2],
  [42, -2, 'ONE_TO_ONE', [], ['Tess'], null, 2],
];
export const WORK_TOUCHPOINT = 29;
export const WORK_HOURS = 2;

const ADD_CONTACT = `mutation($input: AddContactInput!) { addContact(input: $input) { id } }`;
const FORM_GROUP = `mutation($input: FormNetworkGroupInput!) { formNetworkGroup(input: $input) { id } }`;
const END = `mutation($input: EndRelationshipInput!) { endRelationship(input: $input) { id endedOn } }`;
export const ASSESS = `mutation($input: AssessContactInput!) { assessContact(input: $input) { id stance } }`;
export const RECORD_TOUCHPOINT = `mutation($input: RecordTouchpointInput!) {
  recordTouchpoint(input: $input) { id heldOn recordedBy workEntry { id hours person workedOn } }
}`;

export interface Network {
  pmoId: string;
  member: GraphQLClient;
  leadership: GraphQLClient;
  contact: Record<string, string>;
  group: Record<GroupKey, string>;
  touchpoint: Record<number, { id: string; workEntry: { id: string; hours: number; person: string; workedOn: string } | null }>;
  /** An instant after batch 1 was recorded and before batch 2 was. */
  asOf: string;
}

export const MEMBER = 'mo@pmo.example';

/** Waits until the clock has passed `instant`, so what is recorded next is stored after it. */
const pastInstant = async (instant: number): Promise<void> => {
  while (Date.now() <= instant) await new Promise((resolve) => setImmediate(resolve));
};

export async function recordNetwork(t: TestApp): Promise<Network> {
  const pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Transformation PMO', kind: 'PROGRAMME', establishedOn: daysFromToday(-400) } }))
    .establishPmo.id as string;
  const member = await t.client(MEMBER, ['MEMBER'], [pmoId]);
  const leadership = await t.client('lee@pmo.example', ['LEADERSHIP']);
  const network: Network = { pmoId, member, leadership, contact: {}, group: {} as Record<GroupKey, string>, touchpoint: {}, asOf: '' };

  const addContact = async ([name, source, relationship, knownSince, groups]: (typeof CONTACTS)[number]) => {
    const input = { pmoId, name, organisation: 'Acme', source, relationship, knownSince: daysFromToday(knownSince), groupIds: groups.map((g) => network.group[g]) };
    network.contact[name] = (await member.ok(ADD_CONTACT, { input })).addContact.id;
  };
  const assess = ([name, day, stance, , reason]: (typeof ASSESSMENTS)[number]) =>
    member.ok(ASSESS, {
      input: { contactId: network.contact[name], stance, engagement: 'NEUTRAL', desiredEngagement: 'SUPPORTIVE', assessedOn: daysFromToday(day), ...(reason ? { reason } : {}) },
    });
  const record = async ([no, day, vehicle, groups, contacts, value]: (typeof TOUCHPOINTS)[number]) => {
    const input = {
      pmoId,
      heldOn: daysFromToday(day),
      vehicle,
      groupIds: groups.map((g) => network.group[g]),
      contactIds: contacts.map((name) => network.contact[name]),
      summary: `Touchpoint ${no}`,
      ...(value ? { value } : {}),
      ...(no === WORK_TOUCHPOINT ? { work: { hours: WORK_HOURS } } : {}),
    };
    network.touchpoint[no] = (await member.ok(RECORD_TOUCHPOINT, { input })).recordTouchpoint;
  };

  for (const [name, kind, connection, cadenceDays, vehicles] of GROUPS) {
    const input = { pmoId, kind, name, connection, cadenceDays, vehicles, formedOn: daysFromToday(FORMED_ON) };
    network.group[name] = (await member.ok(FORM_GROUP, { input })).formNetworkGroup.id;
  }
  for (const batch of [1, 2] as const) {
    for (const contact of CONTACTS.filter((c) => c[5] === batch)) await addContact(contact);
    if (batch === 1) await member.ok(END, { input: { contactId: network.contact.Dev, endedOn: daysFromToday(DEV_ENDED_ON), reason: 'The rollout project closed' } });
    for (const touchpoint of TOUCHPOINTS.filter((tp) => tp[6] === batch)) await record(touchpoint);
    for (const assessment of ASSESSMENTS.filter((a) => a[3] === batch)) await assess(assessment);
    if (batch === 1) {
      await pastInstant(Date.now());
      network.asOf = new Date().toISOString();
      await pastInstant(Date.parse(network.asOf));
    }
  }
  return network;
}
