import type { GraphQLClient } from './support/graphql-client';
import { daysFromToday, today } from './support/days';
import { ESTABLISH_PMO, HISTORY, LOG_WORK } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';
import { idAsOf } from './support/snapshot-ids';

jest.setTimeout(120_000);

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const CONTACT_FIELDS = `id name organisation role source relationship knownSince stance endedOn erased revision pmo { id }
  groups { id name } lastTouchpointOn assessments { stance engagement desiredEngagement assessedOn reason recordedBy }`;
const GROUP_FIELDS = 'id name kind connection formedOn cadenceDays vehicles revision lastTouchpointOn nextDueOn pmo { id } members { id name }';
const TOUCHPOINT_FIELDS = `id heldOn vehicle value summary recordedBy revision pmo { id } contacts { id name } groups { id name }
  workEntry { id person workedOn hours description }`;
const RECEIPT_FIELDS = 'contactId erasedAt erasedBy reason eventsAffected';

const ADD_CONTACT = `mutation($input: AddContactInput!) { addContact(input: $input) { ${CONTACT_FIELDS} } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { ${CONTACT_FIELDS} } }`;
const ASSESS_CONTACT = `mutation($input: AssessContactInput!) { assessContact(input: $input) { ${CONTACT_FIELDS} } }`;
const END_RELATIONSHIP = `mutation($input: EndRelationshipInput!) { endRelationship(input: $input) { ${CONTACT_FIELDS} } }`;
const FORM_GROUP = `mutation($input: FormNetworkGroupInput!) { formNetworkGroup(input: $input) { ${GROUP_FIELDS} } }`;
const REVISE_GROUP = `mutation($input: ReviseNetworkGroupInput!) { reviseNetworkGroup(input: $input) { ${GROUP_FIELDS} } }`;
const ADD_MEMBER = `mutation($input: GroupMembershipInput!) { addContactToGroup(input: $input) { ${GROUP_FIELDS} } }`;
const REMOVE_MEMBER = `mutation($input: GroupMembershipInput!) { removeContactFromGroup(input: $input) { ${GROUP_FIELDS} } }`;
const RECORD_TOUCHPOINT = `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { ${TOUCHPOINT_FIELDS} } }`;
const ERASE = `mutation($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { ${RECEIPT_FIELDS} } }`;
const CONTACT = `query($id: ID!, $asOf: DateTime) { contact(id: $id, asOf: $asOf) { ${CONTACT_FIELDS} } }`;
const CONTACTS = `query($pmoId: ID!, $groupId: ID, $stance: Stance, $asOf: DateTime) {
  contacts(pmoId: $pmoId, groupId: $groupId, stance: $stance, asOf: $asOf) { id name stance }
}`;
const GROUPS = `query($pmoId: ID!, $asOf: DateTime) { networkGroups(pmoId: $pmoId, asOf: $asOf) { ${GROUP_FIELDS} } }`;
const TOUCHPOINTS = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $groupId: ID) {
  touchpoints(pmoId: $pmoId, from: $from, to: $to, groupId: $groupId) { ${TOUCHPOINT_FIELDS} }
}`;
const HEALTH = `query($pmoId: ID!, $on: LocalDate, $asOf: DateTime) {
  networkHealth(pmoId: $pmoId, on: $on, asOf: $asOf) {
    pmo { id } on contacts potentialLines newContactsLast90Days stale champions critics crossGroupTouchpoints valueGiven valueReceived stanceChanges
    neglected { id name }
    groups { group { id name } overdue daysSinceLastTouchpoint lastTouchpointOn nextDueOn touchpoints dominantVehicleShare leaningOnOneVehicle vehicles { vehicle touchpoints share } }
  }
}`;
const MAP = `query($pmoId: ID!, $asOf: DateTime) { networkMap(pmoId: $pmoId, asOf: $asOf) { nodes { id } edges { from to touchpoints } } }`;
const PERSONAL_DATA = 'query($contactId: ID!) { personalData(contactId: $contactId) }';
const WORK_ENTRIES = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $person: String) {
  workEntries(pmoId: $pmoId, from: $from, to: $to, person: $person) { id hours workedOn description }
}`;

type Row = Record<string, any>;

/**
 * The PMO's network over HTTP against a real SQLite store: a PMO head and a member keep the
 * network of their PMO (groups, contacts, assessments, touchpoints with the time they took),
 * leadership and auditors read it, and only ADMIN or the head export or erase a person's data.
 * Every refusal names its code and field and leaves the record as it was.
 */
describe('the PMO’s network', () => {
  let t: TestApp;
  let home: string;
  let away: string;
  let head: GraphQLClient;
  let member: GraphQLClient;
  let leadership: GraphQLClient;
  let auditor: GraphQLClient;
  let headAway: GraphQLClient;
  let leaders: Row;
  let delivery: Row;
  let awayGroup: Row;
  let grace: Row;
  let farid: Row;
  let sam: Row;
  let awayContact: Row;
  let firstTouchpoint: Row;
  let beforeTouchpoints: string;

  const contacts = async (variables: Row, client = t.admin) => (await client.ok(CONTACTS, variables)).contacts as Row[];
  const groups = async (pmoId = home) => (await t.admin.ok(GROUPS, { pmoId })).networkGroups as Row[];
  const contact = async (id: string, asOf?: string) => (await t.admin.ok(CONTACT, { id, ...(asOf ? { asOf } : {}) })).contact as Row;
  const touchpointsOf = async (variables: Row = {}, client = t.admin) =>
    (await client.ok(TOUCHPOINTS, { pmoId: home, from: daysFromToday(-400), to: today(), ...variables })).touchpoints as Row[];
  const group = async (id: string) => (await groups()).find((g) => g.id === id)!;
  const establish = async (name: string) => (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind: 'PORTFOLIO' } })).establishPmo.id as string;
  const addContact = async (client: GraphQLClient, input: Row) => (await client.ok(ADD_CONTACT, { input })).addContact as Row;

  beforeAll(async () => {
    t = await startTestApp();
    home = await establish('Group PMO');
    away = await establish('Regional PMO');
    head = await t.client('hana@pmo.example', ['PMO_HEAD'], [home]);
    member = await t.client('mo@pmo.example', ['MEMBER'], [home]);
    leadership = await t.client('lee@pmo.example', ['LEADERSHIP']);
    auditor = await t.client('aud@pmo.example', ['AUDITOR']);
    headAway = await t.client('ria@pmo.example', ['PMO_HEAD'], [away]);
  });
  afterAll(() => t.close());

  it('forms groups with a cadence and vehicles, refusing a cadence of 0 or 367 days, no vehicle, and roles that do not keep the network', async () => {
    const input = (extra: Row = {}) => ({
      pmoId: home,
      kind: 'SENIOR_LEADERSHIP',
      name: 'Senior leadership',
      connection: 'STRATEGIC',
      cadenceDays: 30,
      vehicles: ['STEERING_MEETING', 'ONE_TO_ONE'],
      formedOn: daysFromToday(-200),
      ...extra,
    });
    leaders = (await head.ok(FORM_GROUP, { input: input() })).formNetworkGroup;
    delivery = (
      await member.ok(FORM_GROUP, {
        input: input({ kind: 'DELIVERY_TEAMS_AND_MANAGERS', name: 'Delivery teams', connection: 'OPERATIONAL', cadenceDays: 14, vehicles: ['COMMUNITY_OF_PRACTICE'] }),
      })
    ).formNetworkGroup;
    awayGroup = (await headAway.ok(FORM_GROUP, { input: input({ pmoId: away, name: 'Regional board' }) })).formNetworkGroup;

    const zero = await head.fails(FORM_GROUP, { input: input({ cadenceDays: 0 }) });
    const tooLong = await head.fails(FORM_GROUP, { input: input({ cadenceDays: 367 }) });
    const noVehicle = await head.fails(FORM_GROUP, { input: input({ vehicles: [] }) });
    const twice = await head.fails(FORM_GROUP, { input: input({ vehicles: ['NEWSLETTER', 'NEWSLETTER'] }) });
    const future = await head.fails(FORM_GROUP, { input: input({ formedOn: daysFromToday(1) }) });
    const byLeadership = await leadership.fails(FORM_GROUP, { input: input() });
    const byAuditor = await auditor.fails(FORM_GROUP, { input: input() });
    const elsewhere = await headAway.fails(FORM_GROUP, { input: input() });
    const unknownPmo = await t.admin.fails(FORM_GROUP, { input: input({ pmoId: UNKNOWN_ID }) });

    expect(leaders).toMatchObject({
      name: 'Senior leadership',
      kind: 'SENIOR_LEADERSHIP',
      connection: 'STRATEGIC',
      cadenceDays: 30,
      vehicles: ['STEERING_MEETING', 'ONE_TO_ONE'],
      formedOn: daysFromToday(-200),
      members: [],
      lastTouchpointOn: null,
      nextDueOn: daysFromToday(-170),
      revision: 0,
      pmo: { id: home },
    });
    expect(zero.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cadenceDays' });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cadenceDays' });
    expect(noVehicle.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'vehicles' });
    expect(twice.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'vehicles' });
    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'formedOn' });
    for (const refused of [byLeadership, byAuditor, elsewhere]) expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.manage' });
    expect(unknownPmo.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'pmoId' });
    expect((await groups()).map((g) => g.id)).toEqual([leaders.id, delivery.id]);
  });

  it('adds contacts to the network and to the groups named, once for a repeated command id', async () => {
    const input = {
      pmoId: home,
      name: 'Grace Hopper',
      organisation: 'Finance',
      role: 'CFO',
      source: 'STAKEHOLDER',
      relationship: 'INTERNAL',
      knownSince: daysFromToday(-150),
      groupIds: [leaders.id, delivery.id],
      commandId: 'add-grace',
    };
    grace = await addContact(head, input);
    const again = await addContact(head, input);
    farid = await addContact(member, { pmoId: home, name: 'Farid', source: 'CUSTOMER_SPONSOR', relationship: 'STAKEHOLDER', knownSince: daysFromToday(-120), groupIds: [leaders.id] });
    sam = await addContact(head, { pmoId: home, name: 'Sam', source: 'TEAM_MEMBER', relationship: 'STAKEHOLDER', knownSince: daysFromToday(-60) });
    awayContact = await addContact(headAway, { pmoId: away, name: 'Ria', source: 'STAKEHOLDER', relationship: 'INTERNAL' });

    expect(again).toEqual(grace);
    expect(grace).toMatchObject({
      name: 'Grace Hopper',
      organisation: 'Finance',
      role: 'CFO',
      relationship: 'INTERNAL',
      knownSince: daysFromToday(-150),
      stance: null,
      assessments: [],
      erased: false,
      revision: 0,
      pmo: { id: home },
      groups: [
        { id: leaders.id, name: 'Senior leadership' },
        { id: delivery.id, name: 'Delivery teams' },
      ],
      lastTouchpointOn: null,
    });
    expect(sam).toMatchObject({ knownSince: daysFromToday(-60), groups: [], organisation: null });
    expect(awayContact).toMatchObject({ knownSince: today(), pmo: { id: away } });
    expect((await group(leaders.id)).members).toEqual([
      { id: grace.id, name: 'Grace Hopper' },
      { id: farid.id, name: 'Farid' },
    ]);
    expect((await group(leaders.id)).revision).toBe(2);
  });

  it('refuses a contact in a group of another PMO, known from a future day, nameless, or in an unknown PMO, adding nothing', async () => {
    const input = (extra: Row) => ({ pmoId: home, name: 'Kim', source: 'STAKEHOLDER', relationship: 'STAKEHOLDER', ...extra });

    const foreignGroup = await head.fails(ADD_CONTACT, { input: input({ groupIds: [awayGroup.id] }) });
    const unknownGroup = await head.fails(ADD_CONTACT, { input: input({ groupIds: [UNKNOWN_ID] }) });
    const sameGroupTwice = await head.fails(ADD_CONTACT, { input: input({ groupIds: [leaders.id, leaders.id] }) });
    const future = await head.fails(ADD_CONTACT, { input: input({ knownSince: daysFromToday(1) }) });
    const blank = await head.fails(ADD_CONTACT, { input: input({ name: '   ' }) });
    const unknownPmo = await t.admin.fails(ADD_CONTACT, { input: input({ pmoId: UNKNOWN_ID }) });
    const notTheirs = await head.fails(ADD_CONTACT, { input: input({ pmoId: away }) });

    expect(foreignGroup.extensions).toMatchObject({ code: 'NETWORK_GROUP_OF_ANOTHER_PMO', field: 'groupIds' });
    expect(unknownGroup.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'groupIds' });
    expect(sameGroupTwice.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupIds' });
    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'knownSince' });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(unknownPmo.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'pmoId' });
    expect(notTheirs.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.manage' });
    expect((await contacts({ pmoId: home })).map((c) => c.name)).toEqual(['Grace Hopper', 'Farid', 'Sam']);
    expect((await group(leaders.id)).revision).toBe(2);
  });

  it('updates a contact, refusing a stale revision and an update that changes nothing', async () => {
    const updated = (await member.ok(UPDATE_CONTACT, { input: { contactId: farid.id, role: 'Programme sponsor', organisation: 'Retail', expectedRevision: 0 } })).updateContact;
    const stale = await member.fails(UPDATE_CONTACT, { input: { contactId: farid.id, name: 'F.', expectedRevision: 0 } });
    const nothing = await member.fails(UPDATE_CONTACT, { input: { contactId: farid.id } });
    const blankName = await member.fails(UPDATE_CONTACT, { input: { contactId: farid.id, name: '' } });
    const unknown = await member.fails(UPDATE_CONTACT, { input: { contactId: UNKNOWN_ID, name: 'X' } });

    expect(updated).toMatchObject({ name: 'Farid', role: 'Programme sponsor', organisation: 'Retail', revision: 1 });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 1 });
    expect(nothing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(blankName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contactId' });
    expect(await contact(farid.id)).toMatchObject({ name: 'Farid', role: 'Programme sponsor', revision: 1 });
  });

  it('assesses where contacts stand, refusing an assessment before the relationship began or in the future', async () => {
    const assess = (contactId: string, stance: string, assessedOn: string, extra: Row = {}) =>
      member.ok(ASSESS_CONTACT, { input: { contactId, stance, engagement: 'SUPPORTIVE', desiredEngagement: 'LEADING', assessedOn, ...extra } });
    await assess(grace.id, 'SUPPORTER', daysFromToday(-140));
    const graceNow = (await assess(grace.id, 'CHAMPION', daysFromToday(-30), { reason: 'Backed the portfolio review' })).assessContact;
    await assess(farid.id, 'CRITIC', daysFromToday(-100));

    const beforeKnown = await member.fails(ASSESS_CONTACT, {
      input: { contactId: farid.id, stance: 'NEUTRAL', engagement: 'NEUTRAL', desiredEngagement: 'NEUTRAL', assessedOn: daysFromToday(-121) },
    });
    const future = await member.fails(ASSESS_CONTACT, {
      input: { contactId: farid.id, stance: 'NEUTRAL', engagement: 'NEUTRAL', desiredEngagement: 'NEUTRAL', assessedOn: daysFromToday(1) },
    });

    expect(graceNow).toMatchObject({
      stance: 'CHAMPION',
      revision: 2,
      assessments: [
        { stance: 'SUPPORTER', assessedOn: daysFromToday(-140), reason: null, recordedBy: 'mo@pmo.example' },
        { stance: 'CHAMPION', assessedOn: daysFromToday(-30), reason: 'Backed the portfolio review', engagement: 'SUPPORTIVE', desiredEngagement: 'LEADING' },
      ],
    });
    expect(beforeKnown.extensions).toMatchObject({ code: 'DAY_BEFORE_KNOWN_SINCE', field: 'assessedOn' });
    expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'assessedOn' });
    expect(await contact(farid.id)).toMatchObject({ stance: 'CRITIC', revision: 2, assessments: [{ stance: 'CRITIC' }] });
    expect(await contacts({ pmoId: home, stance: 'CHAMPION' })).toEqual([{ id: grace.id, name: 'Grace Hopper', stance: 'CHAMPION' }]);
  });

  it('revises a group only with a reason, and keeps its members, refusing a member twice, a contact of another PMO and a non-member', async () => {
    const revised = (await head.ok(REVISE_GROUP, { input: { groupId: delivery.id, cadenceDays: 21, reason: 'Fortnightly was too often', expectedRevision: 1 } })).reviseNetworkGroup;
    const noReason = await head.request(REVISE_GROUP, { input: { groupId: delivery.id, cadenceDays: 7 } });
    const blankReason = await head.fails(REVISE_GROUP, { input: { groupId: delivery.id, cadenceDays: 7, reason: '  ' } });
    const badCadence = await head.fails(REVISE_GROUP, { input: { groupId: delivery.id, cadenceDays: 367, reason: 'yearly' } });
    const added = (await member.ok(ADD_MEMBER, { input: { groupId: delivery.id, contactId: sam.id } })).addContactToGroup;
    const twice = await member.fails(ADD_MEMBER, { input: { groupId: delivery.id, contactId: sam.id } });
    const foreign = await member.fails(ADD_MEMBER, { input: { groupId: delivery.id, contactId: awayContact.id } });
    const unknownGroup = await member.fails(ADD_MEMBER, { input: { groupId: UNKNOWN_ID, contactId: sam.id } });
    const removed = (await member.ok(REMOVE_MEMBER, { input: { groupId: leaders.id, contactId: farid.id } })).removeContactFromGroup;
    const notMember = await member.fails(REMOVE_MEMBER, { input: { groupId: leaders.id, contactId: farid.id } });
    const awayHead = await headAway.fails(ADD_MEMBER, { input: { groupId: delivery.id, contactId: sam.id } });
    await member.ok(ADD_MEMBER, { input: { groupId: leaders.id, contactId: farid.id } });

    expect(revised).toMatchObject({ cadenceDays: 21, name: 'Delivery teams', revision: 2 });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(blankReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(badCadence.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cadenceDays' });
    expect(added.members.map((c: Row) => c.id)).toEqual([grace.id, sam.id]);
    expect(twice.extensions).toMatchObject({ code: 'NETWORK_GROUP_MEMBER_ALREADY', field: 'contactId' });
    expect(foreign.extensions).toMatchObject({ code: 'CONTACT_OF_ANOTHER_PMO', field: 'contactId' });
    expect(unknownGroup.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'groupId' });
    expect(removed.members.map((c: Row) => c.id)).toEqual([grace.id]);
    expect(notMember.extensions).toMatchObject({ code: 'NETWORK_GROUP_NOT_A_MEMBER', field: 'contactId' });
    expect(awayHead.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.manage' });
    expect(await group(delivery.id)).toMatchObject({ cadenceDays: 21, revision: 3, members: [{ id: grace.id }, { id: sam.id }] });
    expect(await contacts({ pmoId: home, groupId: leaders.id })).toEqual([
      expect.objectContaining({ id: grace.id }),
      expect.objectContaining({ id: farid.id }),
    ]);
    expect((await contact(farid.id)).groups).toEqual([{ id: leaders.id, name: 'Senior leadership' }]);
  });

  it('records touchpoints, logging the time one took once as the recorder’s work, however often it is sent', async () => {
    beforeTouchpoints = new Date().toISOString();
    const input = {
      pmoId: home,
      heldOn: daysFromToday(-10),
      vehicle: 'ONE_TO_ONE',
      groupIds: [leaders.id],
      contactIds: [grace.id, farid.id],
      summary: 'Walked through the benefits register together',
      value: 'BOTH',
      work: { hours: 1.5 },
      commandId: 'touch-grace-farid',
    };
    firstTouchpoint = (await head.ok(RECORD_TOUCHPOINT, { input })).recordTouchpoint;
    const again = (await head.ok(RECORD_TOUCHPOINT, { input })).recordTouchpoint;
    const reused = await head.fails(RECORD_TOUCHPOINT, { input: { ...input, summary: 'Another talk' } });
    await member.ok(RECORD_TOUCHPOINT, {
      input: { pmoId: home, heldOn: daysFromToday(-5), vehicle: 'COMMUNITY_OF_PRACTICE', groupIds: [delivery.id], contactIds: [sam.id], summary: 'Lessons learned session' },
    });
    const work = (await head.ok(WORK_ENTRIES, { pmoId: home, from: daysFromToday(-10), to: daysFromToday(-10), person: 'hana@pmo.example' })).workEntries;

    expect(again).toEqual(firstTouchpoint);
    expect(reused.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(firstTouchpoint).toMatchObject({
      heldOn: daysFromToday(-10),
      vehicle: 'ONE_TO_ONE',
      value: 'BOTH',
      summary: 'Walked through the benefits register together',
      recordedBy: 'hana@pmo.example',
      pmo: { id: home },
      contacts: [
        { id: grace.id, name: 'Grace Hopper' },
        { id: farid.id, name: 'Farid' },
      ],
      groups: [{ id: leaders.id, name: 'Senior leadership' }],
      workEntry: { person: 'hana@pmo.example', workedOn: daysFromToday(-10), hours: 1.5, description: 'Network touchpoint (one to one)' },
    });
    expect(work).toEqual([{ id: firstTouchpoint.workEntry.id, hours: 1.5, workedOn: daysFromToday(-10), description: 'Network touchpoint (one to one)' }]);
    expect((await touchpointsOf()).map((tp) => tp.summary)).toEqual(['Walked through the benefits register together', 'Lessons learned session']);
    expect((await touchpointsOf({ groupId: delivery.id })).map((tp) => tp.vehicle)).toEqual(['COMMUNITY_OF_PRACTICE']);
    // A member reads the network, not the head's work.
    expect((await touchpointsOf({}, member))[0]).toMatchObject({ id: firstTouchpoint.id, workEntry: null });
    expect(await contact(grace.id)).toMatchObject({ lastTouchpointOn: daysFromToday(-10) });
    expect(await group(delivery.id)).toMatchObject({ lastTouchpointOn: daysFromToday(-5), nextDueOn: daysFromToday(16) });
  });

  it('refuses a touchpoint in the future, with no contact, with a contact of another PMO or before a contact was known, and work that breaks the 24-hour rule, recording neither', async () => {
    const input = (extra: Row) => ({ pmoId: home, heldOn: daysFromToday(-3), vehicle: 'WORKSHOP', contactIds: [grace.id], summary: 'Roadmap workshop', ...extra });
    await head.ok(LOG_WORK, { input: { pmoId: home, workedOn: daysFromToday(-3), hours: 23, description: 'Quarter-end close' } });

    const future = await head.fails(RECORD_TOUCHPOINT, { input: input({ heldOn: daysFromToday(1), work: { hours: 1 } }) });
    const nobody = await head.fails(RECORD_TOUCHPOINT, { input: input({ contactIds: [] }) });
    const foreign = await head.fails(RECORD_TOUCHPOINT, { input: input({ contactIds: [grace.id, awayContact.id] }) });
    const unknownContact = await head.fails(RECORD_TOUCHPOINT, { input: input({ contactIds: [UNKNOWN_ID] }) });
    const beforeKnown = await head.fails(RECORD_TOUCHPOINT, { input: input({ contactIds: [sam.id], heldOn: daysFromToday(-61) }) });
    const foreignGroup = await head.fails(RECORD_TOUCHPOINT, { input: input({ groupIds: [awayGroup.id] }) });
    const overDay = await head.fails(RECORD_TOUCHPOINT, { input: input({ work: { hours: 2 }, commandId: 'over-24' }) });
    const badHours = await head.fails(RECORD_TOUCHPOINT, { input: input({ work: { hours: 0 } }) });
    const unknownActivity = await head.fails(RECORD_TOUCHPOINT, { input: input({ work: { hours: 0.5, activityId: UNKNOWN_ID } }) });
    const byAuditor = await auditor.fails(RECORD_TOUCHPOINT, { input: input({}) });

    expect(future.extensions).toMatchObject({ code: 'TOUCHPOINT_IN_FUTURE', field: 'heldOn' });
    expect(nobody.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactIds' });
    expect(foreign.extensions).toMatchObject({ code: 'CONTACT_OF_ANOTHER_PMO', field: 'contactIds' });
    expect(unknownContact.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contactIds' });
    expect(beforeKnown.extensions).toMatchObject({ code: 'DAY_BEFORE_KNOWN_SINCE', field: 'heldOn' });
    expect(foreignGroup.extensions).toMatchObject({ code: 'NETWORK_GROUP_OF_ANOTHER_PMO', field: 'groupIds' });
    expect(overDay.extensions).toMatchObject({ code: 'WORK_DAY_OVER_24H', field: 'work.hours' });
    expect(badHours.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'work.hours' });
    expect(unknownActivity.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'work.activityId' });
    expect(byAuditor.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.manage' });
    expect(await touchpointsOf()).toHaveLength(2);
    const work = (await head.ok(WORK_ENTRIES, { pmoId: home, from: daysFromToday(-3), to: daysFromToday(-3), person: 'hana@pmo.example' })).workEntries;
    expect(work.map((w: Row) => w.hours)).toEqual([23]);
  });

  it('ends a STAKEHOLDER relationship with a reason, never an INTERNAL one', async () => {
    const internal = await head.fails(END_RELATIONSHIP, { input: { contactId: grace.id, endedOn: today(), reason: 'Project closed' } });
    const blank = await head.fails(END_RELATIONSHIP, { input: { contactId: sam.id, endedOn: today(), reason: ' ' } });
    const ended = (await head.ok(END_RELATIONSHIP, { input: { contactId: sam.id, endedOn: today(), reason: 'Project closed' } })).endRelationship;
    const again = await head.fails(END_RELATIONSHIP, { input: { contactId: sam.id, endedOn: today(), reason: 'Project closed' } });
    const history = (await auditor.ok(HISTORY, { type: 'CONTACT', id: sam.id })).history.edges.map((e: Row) => e.node);

    expect(internal.extensions).toMatchObject({ code: 'CONTACT_RELATIONSHIP_NOT_STAKEHOLDER', field: 'contactId' });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(ended).toMatchObject({ endedOn: today(), revision: 1 });
    expect(again.extensions).toMatchObject({ code: 'CONTACT_RELATIONSHIP_ALREADY_ENDED' });
    expect(await contact(grace.id)).toMatchObject({ endedOn: null, revision: 2 });
    expect(history.map((e: Row) => [e.type, e.reason])).toEqual([
      ['ContactAdded', null],
      ['ContactRelationshipEnded', 'Project closed'],
    ]);
  });

  it('judges the network’s health on a day as known at an instant, and maps who met whom', async () => {
    const health = (await auditor.ok(HEALTH, { pmoId: home })).networkHealth;
    const earlier = (await leadership.ok(HEALTH, { pmoId: home, asOf: beforeTouchpoints })).networkHealth;
    const map = (await head.ok(MAP, { pmoId: home })).networkMap;
    const mapBefore = (await head.ok(MAP, { pmoId: home, asOf: beforeTouchpoints })).networkMap;
    const elsewhere = await headAway.fails(HEALTH, { pmoId: home });

    expect(health).toMatchObject({
      pmo: { id: home },
      on: today(),
      // Sam's relationship ended today, so Sam no longer counts.
      contacts: 2,
      potentialLines: 3,
      newContactsLast90Days: 0,
      stale: true,
      champions: 1,
      critics: 1,
      neglected: [],
      crossGroupTouchpoints: 1,
      valueGiven: 1,
      valueReceived: 1,
      // Grace went from supporter to champion 30 days ago.
      stanceChanges: 1,
    });
    expect(health.groups).toEqual([
      expect.objectContaining({
        group: { id: leaders.id, name: 'Senior leadership' },
        overdue: false,
        daysSinceLastTouchpoint: 10,
        lastTouchpointOn: daysFromToday(-10),
        nextDueOn: daysFromToday(20),
        touchpoints: 1,
        vehicles: [{ vehicle: 'ONE_TO_ONE', touchpoints: 1, share: 1 }],
        dominantVehicleShare: 1,
      }),
      expect.objectContaining({ group: { id: delivery.id, name: 'Delivery teams' }, touchpoints: 2, lastTouchpointOn: daysFromToday(-5) }),
    ]);
    expect(earlier).toMatchObject({ contacts: 3, newContactsLast90Days: 1, stale: false, crossGroupTouchpoints: 0, valueGiven: 0 });
    expect(earlier.groups[0]).toMatchObject({ overdue: true, lastTouchpointOn: null, touchpoints: 0 });
    // As known at an instant: each contact carries that snapshot's id, apart from the live one.
    expect(earlier.neglected).toEqual([{ id: idAsOf(grace.id, beforeTouchpoints), name: 'Grace Hopper' }, { id: idAsOf(farid.id, beforeTouchpoints), name: 'Farid' }]);
    expect(map.nodes.map((n: Row) => n.id)).toEqual([grace.id, farid.id, sam.id]);
    expect(map.edges).toEqual([{ from: [grace.id, farid.id].sort()[0], to: [grace.id, farid.id].sort()[1], touchpoints: 1 }]);
    expect(mapBefore.edges).toEqual([]);
    expect(elsewhere.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'network.read' });
  });

  it('reads contacts and groups as they were at an instant', async () => {
    const then = await contact(grace.id, beforeTouchpoints);
    const groupsThen = (await t.admin.ok(GROUPS, { pmoId: home, asOf: beforeTouchpoints })).networkGroups;

    expect(then).toMatchObject({ stance: 'CHAMPION', lastTouchpointOn: null });
    expect(then).toMatchObject({ id: idAsOf(grace.id, beforeTouchpoints) });
    expect(groupsThen.find((g: Row) => g.id === idAsOf(leaders.id, beforeTouchpoints))).toMatchObject({
      lastTouchpointOn: null,
      members: [{ id: idAsOf(grace.id, beforeTouchpoints) }, { id: idAsOf(farid.id, beforeTouchpoints) }],
    });
    expect((await contacts({ pmoId: home, asOf: beforeTouchpoints }, leadership)).map((c) => c.id)).toEqual([grace.id, farid.id, sam.id].map((id) => idAsOf(id, beforeTouchpoints)));
  });

  it('answers a subject access request to the head only, and erases a person once: a second erasure answers the first receipt', async () => {
    const byMember = await member.fails(PERSONAL_DATA, { contactId: grace.id });
    const byLeadership = await leadership.fails(PERSONAL_DATA, { contactId: grace.id });
    const held = (await head.ok(PERSONAL_DATA, { contactId: grace.id })).personalData;
    const memberErases = await member.fails(ERASE, { input: { contactId: grace.id, reason: 'Asked to be forgotten' } });
    const noReason = await head.fails(ERASE, { input: { contactId: grace.id, reason: '' } });
    const receipt = (await head.ok(ERASE, { input: { contactId: grace.id, reason: 'Asked to be forgotten' } })).erasePersonalData;
    const second = (await t.admin.ok(ERASE, { input: { contactId: grace.id, reason: 'Asked again' } })).erasePersonalData;
    const erased = await contact(grace.id);
    const touchpoint = (await touchpointsOf()).find((tp) => tp.id === firstTouchpoint.id)!;
    const heldAfter = (await t.admin.ok(PERSONAL_DATA, { contactId: grace.id })).personalData;
    const newName = await head.fails(UPDATE_CONTACT, { input: { contactId: grace.id, name: 'Grace' } });
    const meetAgain = await head.fails(RECORD_TOUCHPOINT, { input: { pmoId: home, heldOn: today(), vehicle: 'ONE_TO_ONE', contactIds: [grace.id], summary: 'Coffee' } });

    expect(byMember.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'personal-data.read' });
    expect(byLeadership.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'personal-data.read' });
    expect(held).toMatchObject({
      name: 'Grace Hopper',
      organisation: 'Finance',
      assessments: [expect.objectContaining({ stance: 'SUPPORTER' }), expect.objectContaining({ reason: 'Backed the portfolio review' })],
      groups: [expect.objectContaining({ groupId: leaders.id }), expect.objectContaining({ groupId: delivery.id })],
      touchpoints: [expect.objectContaining({ touchpointId: firstTouchpoint.id, summary: 'Walked through the benefits register together' })],
      erasure: null,
    });
    expect(memberErases.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'personal-data.erase' });
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    // ContactAdded, the assessment with a reason and the touchpoint's summary: the assessment without one held nothing of hers.
    expect(receipt).toMatchObject({ contactId: grace.id, erasedBy: 'hana@pmo.example', reason: 'Asked to be forgotten', eventsAffected: 3 });
    expect(second).toEqual(receipt);
    expect(erased).toMatchObject({ name: null, organisation: null, role: null, erased: true, stance: 'CHAMPION', revision: 3 });
    expect(erased.assessments.map((a: Row) => a.reason)).toEqual([null, null]);
    expect(touchpoint).toMatchObject({ summary: null, contacts: [{ id: grace.id, name: null }, { id: farid.id, name: 'Farid' }] });
    expect(heldAfter).toMatchObject({ name: null, touchpoints: [expect.objectContaining({ summary: null })], erasure: receipt });
    expect(newName.extensions).toMatchObject({ code: 'CONTACT_ERASED', field: 'name' });
    expect(meetAgain.extensions).toMatchObject({ code: 'CONTACT_ERASED', field: 'contactIds' });
    expect(await touchpointsOf()).toHaveLength(2);
  });
});
