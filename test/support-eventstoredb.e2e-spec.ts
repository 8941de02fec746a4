/**
 * Support on EventStoreDB (the in-repo double, over a real socket), two instances sharing it:
 * an engagement opened on one, sessions recorded, the report read on the other, COUNSELLOR notes
 * for the supporter alone, and an erasure on one instance forgotten on the other.
 */
import { daysFromToday } from './support/days';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { eventually } from './support/eventually';
import { ESTABLISH_PMO } from './support/operations';

jest.setTimeout(120_000);

const SECRET = 'Talked through the Marchwood bereavement';
const PERSON = 'pm.adeyemi@org.example';
const OPEN = `mutation($input: OpenSupportEngagementInput!) { openSupportEngagement(input: $input) { id } }`;
const QUALIFY = `mutation($input: RecordQualificationInput!) { recordQualification(input: $input) { kind } }`;
const SESSION = `mutation($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { revision } }`;
const ENGAGEMENT = `query($id: ID!) { supportEngagement(id: $id) { supportedPerson deliveredMostlyAs labelMatches sessions { mode notes } } }`;
const REPORT = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) { assistanceReport(pmoId: $pmoId, from: $from, to: $to) {
  engagements requestedAsCoaching deliveredAsCoaching byMode { mode sessions hours } mislabelled { id } } }`;
const ERASE = `mutation($input: EraseSupportedPersonDataInput!) { eraseSupportedPersonData(input: $input) { eventsAffected } }`;

describe('support on instances sharing EventStoreDB', () => {
  const instances = eventStoreDbInstances();

  it('opens, records sessions, reports, keeps counselling notes for the supporter, and forgets an erased person on both', async () => {
    const [a, b] = [await instances.instance(), await instances.instance()];
    const pmoId = (await a.admin.ok(ESTABLISH_PMO, { input: { name: 'Support office', kind: 'PORTFOLIO' } })).establishPmo.id as string;
    const supporterA = await a.client('counsellor@pmo.example', ['MEMBER'], [pmoId]);
    const supporterB = await b.client('counsellor@pmo.example', ['MEMBER'], [pmoId]);
    await a.admin.ok(QUALIFY, { input: { person: 'counsellor@pmo.example', kind: 'COUNSELLOR', issuer: 'BACP', validFrom: daysFromToday(-100) } });
    const engagementId = (
      await supporterA.ok(OPEN, {
        input: { pmoId, supporter: 'counsellor@pmo.example', supportedPerson: PERSON, topic: 'A hard year', requestedAs: 'COACH', goals: ['Keep going'], willingToChange: true, startedOn: daysFromToday(-10), agreedUntil: daysFromToday(10) },
      })
    ).openSupportEngagement.id as string;
    await supporterA.ok(SESSION, { input: { engagementId, heldOn: daysFromToday(-3), hours: 2, mode: 'COUNSELLOR', notes: SECRET } });
    await supporterA.ok(SESSION, { input: { engagementId, heldOn: daysFromToday(-2), hours: 1, mode: 'MENTOR', notes: 'Plan review' } });

    await eventually(async () => (((await b.admin.ok(ENGAGEMENT, { id: engagementId })).supportEngagement?.sessions?.length ?? 0) === 2 ? true : null));
    expect((await supporterB.ok(ENGAGEMENT, { id: engagementId })).supportEngagement).toEqual({
      supportedPerson: PERSON,
      deliveredMostlyAs: 'COUNSELLOR',
      labelMatches: false,
      sessions: [{ mode: 'COUNSELLOR', notes: SECRET }, { mode: 'MENTOR', notes: 'Plan review' }],
    });
    expect((await b.admin.ok(ENGAGEMENT, { id: engagementId })).supportEngagement.sessions[0].notes).toBeNull();
    expect((await b.admin.ok(REPORT, { pmoId, from: daysFromToday(-7), to: daysFromToday(0) })).assistanceReport).toEqual({
      engagements: 1,
      requestedAsCoaching: 1,
      deliveredAsCoaching: 0,
      byMode: [
        { mode: 'TRAINER', sessions: 0, hours: 0 },
        { mode: 'MENTOR', sessions: 1, hours: 1 },
        { mode: 'COACH', sessions: 0, hours: 0 },
        { mode: 'COUNSELLOR', sessions: 1, hours: 2 },
      ],
      mislabelled: [{ id: engagementId }],
    });

    expect((await a.admin.ok(ERASE, { input: { person: PERSON, reason: 'Asked to be forgotten' } })).eraseSupportedPersonData.eventsAffected).toBe(3);
    await eventually(async () => ((await supporterB.ok(ENGAGEMENT, { id: engagementId })).supportEngagement.sessions[0].notes === null ? true : null));
    expect((await supporterB.ok(ENGAGEMENT, { id: engagementId })).supportEngagement).toMatchObject({ supportedPerson: null, sessions: [{ notes: null }, { notes: null }] });
    const held = (text: string) => instances.double().events().some((event) => Buffer.from(event.data).includes(Buffer.from(text)));
    for (const text of [SECRET, 'Marchwood', PERSON]) expect(held(text)).toBe(false);
  });
});
