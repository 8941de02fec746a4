/**
 * Erasing a contact's personal data through the network's own mutations, on a real data directory
 * and on two instances sharing EventStoreDB: the name, organisation, role, assessment reasons and
 * the summaries of every touchpoint the person took part in become unreadable everywhere (answers
 * now and as of before, history, the audit log and its export, replay), no byte of them or of the
 * key is left in any file, and the rest of the record stays: counts, stances, groups, the map.
 */
import * as fs from 'node:fs';
import { PersonalDataVault, SEALED_PREFIX } from '@throughline/event-store';
import { scanDirectoryFor } from '@throughline/testing';
import { daysFromToday } from './support/days';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { eventually } from './support/eventually';
import { AUDIT_LOG, ESTABLISH_PMO } from './support/operations';
import { runCli } from './support/run-cli';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

// Distinctive, so a scan of raw bytes cannot find them by chance.
const ERASED = { name: 'Zebedee Quartermaine-Oyelaran', organisation: 'Vexillology Guild of Ruthin', role: 'Chief Heraldic Liaison' };
const KEPT = { name: 'Philippa Marchbanks-Ndiaye', organisation: 'Finance', role: 'Controller' };
const REASON = 'Wary of the cutover after the Thistlewood incident';
const SHARED_SUMMARY = 'Walked Zebedee and Philippa through the Ouroboros migration runbook';
const OWN_SUMMARY = 'Philippa alone reviewed the Kestrel budget lines';

const CONTACT_FIELDS = 'id name organisation role stance erased assessments { stance reason recordedBy }';
const ADD_CONTACT = `mutation($input: AddContactInput!) { addContact(input: $input) { id } }`;
const ASSESS = `mutation($input: AssessContactInput!) { assessContact(input: $input) { id } }`;
const FORM_GROUP = `mutation($input: FormNetworkGroupInput!) { formNetworkGroup(input: $input) { id } }`;
const RECORD_TOUCHPOINT = `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id summary } }`;
const ERASE = `mutation($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { contactId erasedAt erasedBy reason eventsAffected } }`;
const CONTACT = `query($id: ID!, $asOf: DateTime) { contact(id: $id, asOf: $asOf) { ${CONTACT_FIELDS} } }`;
const TOUCHPOINTS = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) { touchpoints(pmoId: $pmoId, from: $from, to: $to) { id summary contacts { id name } } }`;
const HEALTH = `query($pmoId: ID!) { networkHealth(pmoId: $pmoId) { contacts champions critics crossGroupTouchpoints } }`;
const MAP = `query($pmoId: ID!) { networkMap(pmoId: $pmoId) { nodes { id name erased } edges { from to touchpoints } } }`;
const PERSONAL_DATA = 'query($contactId: ID!) { personalData(contactId: $contactId) }';
const HISTORY = `query($id: ID!) { history(entity: { type: CONTACT, id: $id }) { edges { node { type data erasedFields } } } }`;
const VERIFY = '{ verifyIntegrity { ok problemCount } }';

type Row = Record<string, any>;
type Client = TestApp['admin'];

/** A PMO with two contacts in one group, an assessment with a reason, and two touchpoints: one shared, one not. */
async function recordNetwork(client: Client) {
  const pmoId = (await client.ok(ESTABLISH_PMO, { input: { name: 'Network office', kind: 'PORTFOLIO' } })).establishPmo.id as string;
  const groupId = (
    await client.ok(FORM_GROUP, {
      input: { pmoId, kind: 'WIDER_BUSINESS', name: 'Finance partners', connection: 'OPERATIONAL', cadenceDays: 30, vehicles: ['ONE_TO_ONE'], formedOn: daysFromToday(-60) },
    })
  ).formNetworkGroup.id as string;
  const add = async (person: typeof ERASED) =>
    (await client.ok(ADD_CONTACT, { input: { pmoId, ...person, source: 'STAKEHOLDER', relationship: 'INTERNAL', knownSince: daysFromToday(-90), groupIds: [groupId] } }))
      .addContact.id as string;
  const erasedId = await add(ERASED);
  const keptId = await add(KEPT);
  await client.ok(ASSESS, { input: { contactId: erasedId, stance: 'CRITIC', engagement: 'RESISTANT', desiredEngagement: 'SUPPORTIVE', assessedOn: daysFromToday(-10), reason: REASON } });
  const touch = async (contactIds: string[], summary: string, heldOn: string) =>
    (await client.ok(RECORD_TOUCHPOINT, { input: { pmoId, heldOn, vehicle: 'ONE_TO_ONE', contactIds, groupIds: [groupId], summary, value: 'BOTH' } })).recordTouchpoint;
  const shared = await touch([erasedId, keptId], SHARED_SUMMARY, daysFromToday(-5));
  const own = await touch([keptId], OWN_SUMMARY, daysFromToday(-3));
  expect([shared.summary, own.summary]).toEqual([SHARED_SUMMARY, OWN_SUMMARY]);
  return { pmoId, groupId, erasedId, keptId, sharedId: shared.id as string, ownId: own.id as string };
}

const ERASED_TEXTS = [ERASED.name, ERASED.organisation, ERASED.role, REASON, SHARED_SUMMARY, 'Zebedee', 'Quartermaine', 'Thistlewood', 'Ouroboros'];

describe('erasing a contact on a SQLite data directory', () => {
  const dataDir = tempDataDir();
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no byte of the person, their assessment reason or shared summaries, or their key; the rest of the record stays', async () => {
    t = await startTestApp({ dataDir });
    const n = await recordNetwork(t.admin);
    const vault = t.app.get(PersonalDataVault);
    const found = await vault.keys.lookup(n.erasedId);
    if (found.state !== 'live') throw new Error('the contact has no key');
    const key = found.key;
    const before = new Date().toISOString();
    const health = (await t.admin.ok(HEALTH, { pmoId: n.pmoId })).networkHealth;
    // Sealed from the start: the plaintext never reached a file.
    expect(scanDirectoryFor(dataDir, ERASED_TEXTS)).toEqual([]);
    expect((await t.admin.ok(CONTACT, { id: n.erasedId })).contact).toMatchObject({ ...ERASED, assessments: [{ reason: REASON }] });

    const receipt = (await t.admin.ok(ERASE, { input: { contactId: n.erasedId, reason: 'Subject asked to be forgotten' } })).erasePersonalData;
    const again = (await t.admin.ok(ERASE, { input: { contactId: n.erasedId, reason: 'Asked again' } })).erasePersonalData;

    // ContactAdded and ContactAssessed of the person, and the one touchpoint they shared.
    expect(receipt).toMatchObject({ contactId: n.erasedId, erasedBy: 'admin@test', reason: 'Subject asked to be forgotten', eventsAffected: 3 });
    expect(again).toEqual(receipt);
    for (const asOf of [undefined, before]) {
      expect((await t.admin.ok(CONTACT, { id: n.erasedId, ...(asOf ? { asOf } : {}) })).contact).toMatchObject({
        name: null,
        organisation: null,
        role: null,
        stance: 'CRITIC',
        assessments: [{ stance: 'CRITIC', reason: null }],
      });
    }
    expect((await t.admin.ok(CONTACT, { id: n.keptId })).contact).toMatchObject(KEPT);
    const touchpoints = (await t.admin.ok(TOUCHPOINTS, { pmoId: n.pmoId, from: daysFromToday(-30), to: daysFromToday(0) })).touchpoints as Row[];
    expect(Object.fromEntries(touchpoints.map((tp) => [tp.id, tp.summary]))).toEqual({ [n.sharedId]: null, [n.ownId]: OWN_SUMMARY });
    expect((await t.admin.ok(HEALTH, { pmoId: n.pmoId })).networkHealth).toEqual(health);
    const map = (await t.admin.ok(MAP, { pmoId: n.pmoId })).networkMap;
    expect(map.nodes).toEqual(expect.arrayContaining([{ id: n.erasedId, name: null, erased: true }]));
    expect(map.edges).toEqual([{ from: [n.erasedId, n.keptId].sort()[0], to: [n.erasedId, n.keptId].sort()[1], touchpoints: 1 }]);
    const personal = (await t.admin.ok(PERSONAL_DATA, { contactId: n.erasedId })).personalData;
    expect(personal).toMatchObject({ name: null, organisation: null, role: null, erasure: { reason: 'Subject asked to be forgotten' } });
    expect(JSON.stringify(personal)).not.toMatch(/Zebedee|Thistlewood|Ouroboros/);

    const history = (await t.admin.ok(HISTORY, { id: n.erasedId })).history.edges.map((edge: { node: Row }) => edge.node);
    expect(history.find((node: Row) => node.type === 'ContactAdded')).toMatchObject({ data: { name: null, organisation: null, role: null }, erasedFields: ['name', 'organisation', 'role'] });
    expect(history.find((node: Row) => node.type === 'ContactAssessed')).toMatchObject({ data: { reason: null, stance: 'CRITIC' }, erasedFields: ['reason'] });
    const log = JSON.stringify((await t.admin.ok(AUDIT_LOG, { filter: { pmoId: n.pmoId } })).auditLog);
    for (const format of ['ndjson', 'csv']) {
      const text = await (await fetch(`${t.url}/export/audit.ndjson?format=${format}`, { headers: { authorization: `Bearer ${t.admin.token}` } })).text();
      expect(text).toContain(OWN_SUMMARY);
      for (const shown of [text, log]) {
        expect(shown).not.toMatch(/Zebedee|Thistlewood|Ouroboros/);
        expect(shown).not.toContain(SEALED_PREFIX);
      }
    }
    const replayed = runCli('replay.ts', ['--pmo', n.pmoId, '--as-of', before, '--json'], { PMO_DATA_DIR: dataDir });
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).not.toMatch(/Zebedee|Thistlewood|Ouroboros/);
    expect((await t.admin.ok(VERIFY)).verifyIntegrity).toEqual({ ok: true, problemCount: 0 });

    await t.close();
    // With the service stopped, every file as it lies, WAL and journals included.
    expect(scanDirectoryFor(dataDir, [...ERASED_TEXTS, key, key.toString('base64'), key.toString('hex')])).toEqual([]);
    expect(runCli('audit-verify.ts', [], { PMO_DATA_DIR: dataDir }).status).toBe(0);
  });
});

describe('erasing a contact on instances sharing EventStoreDB', () => {
  const instances = eventStoreDbInstances();

  it('one instance erases, the other forgets: names, reasons and shared summaries are null on both', async () => {
    const [a, b] = [await instances.instance(), await instances.instance()];
    const n = await recordNetwork(a.admin);
    expect((await b.admin.ok(CONTACT, { id: n.erasedId })).contact).toMatchObject(ERASED);

    await a.admin.ok(ERASE, { input: { contactId: n.erasedId, reason: 'Subject asked to be forgotten' } });

    await eventually(async () => (((await b.admin.ok(CONTACT, { id: n.erasedId })).contact as Row).name === null ? true : null));
    for (const app of [a, b]) {
      expect((await app.admin.ok(CONTACT, { id: n.erasedId })).contact).toMatchObject({ name: null, organisation: null, role: null, assessments: [{ reason: null }] });
      const touchpoints = (await app.admin.ok(TOUCHPOINTS, { pmoId: n.pmoId, from: daysFromToday(-30), to: daysFromToday(0) })).touchpoints as Row[];
      expect(Object.fromEntries(touchpoints.map((tp) => [tp.id, tp.summary]))).toEqual({ [n.sharedId]: null, [n.ownId]: OWN_SUMMARY });
    }
    // The health and the map, read from each instance's own read models, agree.
    const [healthA, healthB] = await Promise.all([a, b].map(async (app) => (await app.admin.ok(HEALTH, { pmoId: n.pmoId })).networkHealth));
    expect(healthA).toEqual({ contacts: 2, champions: 0, critics: 1, crossGroupTouchpoints: 0 });
    expect(healthB).toEqual(healthA);
    expect((await b.admin.ok(MAP, { pmoId: n.pmoId })).networkMap.edges).toEqual([{ from: [n.erasedId, n.keptId].sort()[0], to: [n.erasedId, n.keptId].sort()[1], touchpoints: 1 }]);
    const held = (text: string) => instances.double().events().some((event) => Buffer.from(event.data).includes(Buffer.from(text)));
    for (const text of ERASED_TEXTS) expect(held(text)).toBe(false);
  });
});
