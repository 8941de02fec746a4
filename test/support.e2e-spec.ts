/**
 * Support over HTTP on a real SQLite data directory: qualifications, engagements with a person and
 * with a PMO, sessions of every rule (each refusal changing nothing), work logged once, renegotiation
 * and closing, the assistance report now and as of before, COUNSELLOR notes for the supporter alone
 * (history, audit log and export included), and the erasure of a supported person leaving no byte.
 */
import * as fs from 'node:fs';
import { SEALED_PREFIX } from '@throughline/event-store';
import { scanDirectoryFor } from '@throughline/testing';
import { daysFromToday } from './support/days';
import { AUDIT_LOG, DRAFT_PLAN, ESTABLISH_PMO, PLAN_ACTIVITY } from './support/operations';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

const SECRET = 'Spoke about the Wrexham divorce and the Quillfeather debts';
const MENTOR_NOTES = 'Reviewed the Pemberton risk log together';
const PERSON = 'pm.okonkwo@org.example';

const ENGAGEMENT_FIELDS = `id supporter supportedPerson supportedPmo { id } topic requestedAs goals willingToChange startedOn agreedUntil status outcome revision
  deliveredMostlyAs labelMatches byMode { mode sessions hours } agreements { goals agreedUntil willingToChange reason agreedBy }
  sessions { heldOn hours mode supporter notes workEntry { id person hours description } } pmo { id }`;
const QUALIFY = `mutation($input: RecordQualificationInput!) { recordQualification(input: $input) { person kind issuer validFrom validUntil } }`;
const QUALIFICATIONS = `query($person: String) { qualifications(person: $person) { person kind issuer validFrom validUntil } }`;
const OPEN = `mutation($input: OpenSupportEngagementInput!) { openSupportEngagement(input: $input) { ${ENGAGEMENT_FIELDS} } }`;
const SESSION = `mutation($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { ${ENGAGEMENT_FIELDS} } }`;
const RENEGOTIATE = `mutation($input: RenegotiateEngagementInput!) { renegotiateEngagement(input: $input) { ${ENGAGEMENT_FIELDS} } }`;
const CLOSE = `mutation($input: CloseSupportEngagementInput!) { closeSupportEngagement(input: $input) { ${ENGAGEMENT_FIELDS} } }`;
const ENGAGEMENT = `query($id: ID!, $asOf: DateTime) { supportEngagement(id: $id, asOf: $asOf) { ${ENGAGEMENT_FIELDS} } }`;
const ENGAGEMENTS = `query($pmoId: ID!, $status: SupportStatus) { supportEngagements(pmoId: $pmoId, status: $status) { id status } }`;
const REPORT = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $asOf: DateTime) {
  assistanceReport(pmoId: $pmoId, from: $from, to: $to, asOf: $asOf) { pmo { id } from to engagements requestedAsCoaching deliveredAsCoaching
    byMode { mode sessions hours } mislabelled { id requestedAs deliveredMostlyAs } } }`;
const ERASE = `mutation($input: EraseSupportedPersonDataInput!) { eraseSupportedPersonData(input: $input) { person erasedAt erasedBy reason eventsAffected } }`;
const HISTORY = `query($id: ID!) { history(entity: { type: SUPPORT_ENGAGEMENT, id: $id }) { edges { node { type data erasedFields } } } }`;

type Row = Record<string, any>;

describe('support', () => {
  const dataDir = tempDataDir();
  let t: TestApp;
  let pmoId: string;
  let otherPmoId: string;
  let activityId: string;
  let coachingId: string;
  let counsellingId: string;
  let head: TestApp['admin'];
  let coach: TestApp['admin'];
  let member: TestApp['admin'];
  let auditor: TestApp['admin'];
  let leadership: TestApp['admin'];
  let before: string;

  beforeAll(async () => {
    t = await startTestApp({ dataDir });
    pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Support office', kind: 'PORTFOLIO' } })).establishPmo.id;
    otherPmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Project office', kind: 'PROJECT' } })).establishPmo.id;
    const planId = (await t.admin.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(60) } })).draftBusinessPlan.id;
    activityId = (
      await t.admin.ok(PLAN_ACTIVITY, { input: { planId, title: 'Coach project managers', responsible: 'coach@pmo.example', mode: 'DIRECT', startsOn: daysFromToday(-30), endsOn: daysFromToday(30) } })
    ).planActivity.id;
    head = await t.client('head@pmo.example', ['PMO_HEAD'], [pmoId]);
    coach = await t.client('coach@pmo.example', ['MEMBER'], [pmoId]);
    member = await t.client('other@pmo.example', ['MEMBER'], [pmoId]);
    auditor = await t.client('auditor@org.example', ['AUDITOR']);
    leadership = await t.client('board@org.example', ['LEADERSHIP']);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const open = (extra: Row = {}) => ({
    pmoId,
    supporter: 'coach@pmo.example',
    supportedPerson: PERSON,
    topic: 'Running steering meetings',
    requestedAs: 'COACH',
    goals: ['Chair the next steering meeting'],
    willingToChange: true,
    startedOn: daysFromToday(-20),
    agreedUntil: daysFromToday(10),
    ...extra,
  });

  it('records qualifications (ADMIN and PMO heads) and lists them', async () => {
    await head.ok(QUALIFY, { input: { person: 'coach@pmo.example', kind: 'COACH', issuer: 'ICF', validFrom: daysFromToday(-400) } });
    const counsellor = await t.admin.ok(QUALIFY, { input: { person: 'coach@pmo.example', kind: 'COUNSELLOR', issuer: 'BACP', validFrom: daysFromToday(-15), validUntil: daysFromToday(300) } });
    const backwards = await head.fails(QUALIFY, { input: { person: 'x@pmo.example', kind: 'COACH', issuer: 'ICF', validFrom: daysFromToday(0), validUntil: daysFromToday(-1) } });
    const byMember = await member.fails(QUALIFY, { input: { person: 'other@pmo.example', kind: 'COACH', issuer: 'ICF', validFrom: daysFromToday(0) } });

    expect(counsellor.recordQualification).toMatchObject({ person: 'coach@pmo.example', kind: 'COUNSELLOR', validUntil: daysFromToday(300) });
    expect(backwards.extensions).toMatchObject({ code: 'QUALIFICATION_ENDS_BEFORE_IT_STARTS', field: 'validUntil' });
    expect(byMember.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await member.ok(QUALIFICATIONS, { person: 'coach@pmo.example' })).qualifications.map((q: Row) => q.kind)).toEqual(['COACH', 'COUNSELLOR']);
    expect((await auditor.ok(QUALIFICATIONS, {})).qualifications).toHaveLength(2);
  });

  it('opens engagements with a person and with a PMO, refusing a bad party with nothing recorded', async () => {
    const opened = (await coach.ok(OPEN, { input: open() })).openSupportEngagement;
    coachingId = opened.id;
    const withPmo = (await head.ok(OPEN, { input: open({ supportedPerson: null, supportedPmoId: otherPmoId, requestedAs: 'TRAINER' }) })).openSupportEngagement;
    counsellingId = (await head.ok(OPEN, { input: open({ requestedAs: 'COUNSELLOR', topic: 'Beyond the project' }) })).openSupportEngagement.id;

    expect(opened).toMatchObject({ supporter: 'coach@pmo.example', supportedPerson: PERSON, supportedPmo: null, status: 'OPEN', deliveredMostlyAs: null, labelMatches: true, revision: 0 });
    expect(withPmo).toMatchObject({ supportedPerson: null, supportedPmo: { id: otherPmoId } });
    const refusals = [
      [open({ supportedPerson: null }), 'SUPPORTED_PARTY_REQUIRED', 'supportedPerson'],
      [open({ supportedPmoId: otherPmoId }), 'SUPPORTED_PARTY_AMBIGUOUS', 'supportedPmoId'],
      [open({ supportedPerson: null, supportedPmoId: pmoId }), 'PMO_SUPPORTING_ITSELF', 'supportedPmoId'],
      [open({ agreedUntil: daysFromToday(-21) }), 'AGREED_UNTIL_BEFORE_START', 'agreedUntil'],
      [open({ goals: [] }), 'BAD_USER_INPUT', 'goals'],
    ] as const;
    for (const [input, code, field] of refusals) expect((await head.fails(OPEN, { input })).extensions).toMatchObject({ code, field });
    expect((await auditor.fails(OPEN, { input: open() })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await head.ok(ENGAGEMENTS, { pmoId })).supportEngagements).toHaveLength(3);
  });

  it('records sessions by their rules, each refusal with its own code and nothing changed', async () => {
    const session = (extra: Row = {}) => ({ engagementId: coachingId, heldOn: daysFromToday(-5), hours: 1.5, mode: 'MENTOR', notes: MENTOR_NOTES, ...extra });
    const first = (await coach.ok(SESSION, { input: session({ activityId, commandId: 'session-1' }) })).recordSupportSession;
    const retried = (await coach.ok(SESSION, { input: session({ activityId, commandId: 'session-1' }) })).recordSupportSession;
    expect(retried.revision).toBe(first.revision);
    expect(first.sessions).toEqual([
      expect.objectContaining({ mode: 'MENTOR', notes: MENTOR_NOTES, workEntry: expect.objectContaining({ person: 'coach@pmo.example', hours: 1.5, description: 'Support session (mentor)' }) }),
    ]);
    expect(first.sessions[0].workEntry.description).not.toContain('Pemberton');

    const refusals = [
      [session({ heldOn: daysFromToday(-21) }), 'SESSION_OUTSIDE_ENGAGEMENT', 'heldOn'],
      [session({ heldOn: daysFromToday(1) }), 'SESSION_IN_FUTURE', 'heldOn'],
      [session({ hours: 0 }), 'BAD_USER_INPUT', 'hours'],
      [session({ hours: 24.5 }), 'BAD_USER_INPUT', 'hours'],
      [session({ mode: 'COACH', heldOn: daysFromToday(-500) }), 'SESSION_OUTSIDE_ENGAGEMENT', 'heldOn'],
      [session({ engagementId: counsellingId, mode: 'COUNSELLOR', heldOn: daysFromToday(-20) }), 'COUNSELLOR_QUALIFICATION_REQUIRED', 'mode'],
      [session({ hours: 23, activityId }), 'WORK_DAY_OVER_24H', 'hours'],
    ] as const;
    for (const [input, code, field] of refusals) expect((await coach.fails(SESSION, { input })).extensions).toMatchObject({ code, field });
    expect((await member.fails(SESSION, { input: session() })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await coach.ok(ENGAGEMENT, { id: coachingId })).supportEngagement.revision).toBe(first.revision);

    await head.ok(SESSION, { input: session({ mode: 'COACH', hours: 1 }) });
    await head.ok(SESSION, { input: session({ mode: 'MENTOR', hours: 1, heldOn: daysFromToday(-4) }) });
    const notWilling = (await head.ok(RENEGOTIATE, { input: { engagementId: coachingId, willingToChange: false, reason: 'Sponsor asked for it, not the PM' } })).renegotiateEngagement;
    expect(notWilling.agreements.map((a: Row) => a.reason)).toEqual([null, 'Sponsor asked for it, not the PM']);
    expect((await head.fails(SESSION, { input: session({ mode: 'COACH' }) })).extensions).toMatchObject({ code: 'COACHING_NEEDS_WILLINGNESS_TO_CHANGE', field: 'mode' });
    const shown = (await head.ok(ENGAGEMENT, { id: coachingId })).supportEngagement;
    expect(shown).toMatchObject({ deliveredMostlyAs: 'MENTOR', labelMatches: false, willingToChange: false });
    expect(shown.byMode).toEqual([
      { mode: 'TRAINER', sessions: 0, hours: 0 },
      { mode: 'MENTOR', sessions: 2, hours: 2.5 },
      { mode: 'COACH', sessions: 1, hours: 1 },
      { mode: 'COUNSELLOR', sessions: 0, hours: 0 },
    ]);
  });

  it('keeps COUNSELLOR notes for the supporter alone, everywhere', async () => {
    before = new Date().toISOString();
    await coach.ok(SESSION, { input: { engagementId: counsellingId, heldOn: daysFromToday(-2), hours: 1, mode: 'COUNSELLOR', notes: SECRET } });
    expect(scanDirectoryFor(dataDir, [SECRET, 'Wrexham', 'Quillfeather', MENTOR_NOTES, PERSON])).toEqual([]);
    expect((await coach.ok(ENGAGEMENT, { id: counsellingId })).supportEngagement.sessions[0].notes).toBe(SECRET);
    for (const reader of [t.admin, head, auditor, leadership]) {
      expect((await reader.ok(ENGAGEMENT, { id: counsellingId })).supportEngagement.sessions[0]).toMatchObject({ mode: 'COUNSELLOR', notes: null });
    }
    const history = (await t.admin.ok(HISTORY, { id: counsellingId })).history.edges.map((edge: { node: Row }) => edge.node);
    expect(history.find((node: Row) => node.type === 'SupportSessionRecorded')).toMatchObject({ data: { notes: null, mode: 'COUNSELLOR' }, erasedFields: ['notes'] });
    const log = JSON.stringify((await t.admin.ok(AUDIT_LOG, { filter: { pmoId } })).auditLog);
    for (const format of ['ndjson', 'csv']) {
      const text = await (await fetch(`${t.url}/export/audit.ndjson?format=${format}`, { headers: { authorization: `Bearer ${t.admin.token}` } })).text();
      expect(text).toContain(MENTOR_NOTES);
      for (const shown of [text, log]) {
        expect(shown).not.toMatch(/Wrexham|Quillfeather/);
        expect(shown).not.toContain(SEALED_PREFIX);
      }
    }
  });

  it('reports the assistance of a period, now and as of before', async () => {
    const period = { pmoId, from: daysFromToday(-10), to: daysFromToday(0) };
    const report = (await leadership.ok(REPORT, period)).assistanceReport;
    expect(report).toMatchObject({ pmo: { id: pmoId }, engagements: 2, requestedAsCoaching: 1, deliveredAsCoaching: 0, mislabelled: [{ id: coachingId, requestedAs: 'COACH', deliveredMostlyAs: 'MENTOR' }] });
    expect(report.byMode).toEqual([
      { mode: 'TRAINER', sessions: 0, hours: 0 },
      { mode: 'MENTOR', sessions: 2, hours: 2.5 },
      { mode: 'COACH', sessions: 1, hours: 1 },
      { mode: 'COUNSELLOR', sessions: 1, hours: 1 },
    ]);
    expect((await t.admin.ok(REPORT, { ...period, asOf: before })).assistanceReport).toMatchObject({ engagements: 1 });
    expect((await t.admin.fails(REPORT, { ...period, from: daysFromToday(1) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('closes an engagement once; no session after it', async () => {
    const closed = (await head.ok(CLOSE, { input: { engagementId: coachingId, outcome: 'PARTLY_MET', reason: 'PM moved on' } })).closeSupportEngagement;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'PARTLY_MET' });
    expect((await head.fails(CLOSE, { input: { engagementId: coachingId, outcome: 'GOALS_MET', reason: 'again' } })).extensions).toMatchObject({ code: 'SUPPORT_ENGAGEMENT_CLOSED' });
    expect((await head.fails(SESSION, { input: { engagementId: coachingId, heldOn: daysFromToday(0), hours: 1, mode: 'MENTOR' } })).extensions).toMatchObject({
      code: 'SUPPORT_ENGAGEMENT_CLOSED',
      field: 'engagementId',
    });
    expect((await head.ok(ENGAGEMENTS, { pmoId, status: 'CLOSED' })).supportEngagements).toEqual([{ id: coachingId, status: 'CLOSED' }]);
    expect((await head.ok(ENGAGEMENT, { id: coachingId, asOf: before })).supportEngagement.status).toBe('OPEN');
  });

  it('erases a supported person: ADMIN only, once, and no byte of the notes remains', async () => {
    expect((await head.fails(ERASE, { input: { person: PERSON, reason: 'Asked' } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const receipt = (await t.admin.ok(ERASE, { input: { person: PERSON, reason: 'Subject asked to be forgotten' } })).eraseSupportedPersonData;
    const again = (await t.admin.ok(ERASE, { input: { person: PERSON, reason: 'Asked again' } })).eraseSupportedPersonData;
    // Two engagements named the person, with three sessions' notes between them.
    expect(receipt).toMatchObject({ person: PERSON, erasedBy: 'admin@test', reason: 'Subject asked to be forgotten', eventsAffected: 6 });
    expect(again).toEqual(receipt);
    const shown = (await coach.ok(ENGAGEMENT, { id: counsellingId })).supportEngagement;
    expect(shown).toMatchObject({ supportedPerson: null, sessions: [{ notes: null, hours: 1 }] });
    expect((await coach.ok(ENGAGEMENT, { id: coachingId })).supportEngagement.sessions.map((s: Row) => s.notes)).toEqual([null, null, null]);
    expect((await head.fails(OPEN, { input: open() })).extensions).toMatchObject({ code: 'SUPPORTED_PERSON_ERASED', field: 'supportedPerson' });
    await t.close();
    expect(scanDirectoryFor(dataDir, [SECRET, 'Wrexham', 'Quillfeather', MENTOR_NOTES, PERSON])).toEqual([]);
  });
});
