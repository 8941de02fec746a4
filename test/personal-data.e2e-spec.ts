/**
 * The service's personal-data path end to end, on a real data directory, with rules of this spec's
 * own: here a PMO's head counts as the PMO's personal data, and renaming a PMO counts as erasing
 * it. (The contexts that record people declare their own rules; what is checked here is the path
 * every rule takes: sealed on the command path, opened or null in history, the audit log, its
 * export and replay, erased on every instance through the projector, finished after a crash.)
 */
import * as fs from 'node:fs';
import { payloadHash, PersonalDataVault, PERSONAL_KEYS_FILE, SEALED_PREFIX } from '@throughline/event-store';
import { scanDirectoryFor } from '@throughline/testing';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { eventually } from './support/eventually';
import { AUDIT_LOG, ESTABLISH_PMO } from './support/operations';
import { runCli } from './support/run-cli';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

jest.mock('../libs/runtime/src/personal-data', () => {
  const actual = jest.requireActual('../libs/runtime/src/personal-data');
  const pmoOf = (data: Readonly<Record<string, unknown>>) => [data['pmoId'] as string];
  return {
    ...actual,
    PERSONAL_FIELD_RULES: {
      PmoEstablished: { subjects: pmoOf, fields: ['head'] },
      PmoHeadAssigned: { subjects: pmoOf, fields: ['head', 'previousHead'] },
    },
    PERSONAL_DATA_ERASURES: { PmoRenamed: pmoOf },
  };
});

jest.setTimeout(120_000);

const HEAD = 'Ottoline Wraxall-Penhaligon';
const NEXT_HEAD = 'Peregrine Ashdown-Vasquez';
const HISTORY = `query($id: ID!) { history(entity: { type: PMO, id: $id }) { edges { node { type data erasedFields } } } }`;
const ASSIGN_HEAD = `mutation($input: AssignPmoHeadInput!) { assignPmoHead(input: $input) { id } }`;
const RENAME = `mutation($input: RenamePmoInput!) { renamePmo(input: $input) { id } }`;
const VERIFY = `{ verifyIntegrity { ok problemCount } }`;

type Node = { type: string; data: Record<string, unknown>; erasedFields: string[] };

describe('personal data through the service', () => {
  const dataDir = tempDataDir();
  let t: TestApp;
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const history = async (id: string): Promise<Node[]> => (await t.admin.ok(HISTORY, { id })).history.edges.map((edge: { node: Node }) => edge.node);
  const exported = async (format: 'ndjson' | 'csv') =>
    (await fetch(`${t.url}/export/audit.ndjson?format=${format}`, { headers: { authorization: `Bearer ${t.admin.token}` } })).text();
  const keyOf = async (subject: string) => {
    const found = await t.app.get(PersonalDataVault).keys.lookup(subject);
    return found.state === 'live' ? found.key : null;
  };
  const establish = async (name: string, commandId?: string) =>
    (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind: 'PORTFOLIO', head: HEAD, ...(commandId ? { commandId } : {}) } })).establishPmo.id as string;

  it('seals on the way in: no file holds the plaintext, not even the command record', async () => {
    t = await startTestApp({ dataDir });
    const input = { name: 'Sealed office', kind: 'PORTFOLIO', head: HEAD, commandId: 'establish-sealed-office' };
    const pmoId = (await t.admin.ok(ESTABLISH_PMO, { input })).establishPmo.id as string;
    await t.admin.ok(ASSIGN_HEAD, { input: { pmoId, head: NEXT_HEAD } });

    expect(scanDirectoryFor(dataDir, [HEAD, NEXT_HEAD, 'Wraxall', 'Ashdown'])).toEqual([]);
    // A plain hash of the payload would let a guessed name be confirmed after an erasure.
    expect(scanDirectoryFor(dataDir, [payloadHash({ operation: 'establishPmo', input })])).toEqual([]);
    // The same command again is still known for what it is.
    expect((await t.admin.ok(ESTABLISH_PMO, { input })).establishPmo.id).toBe(pmoId);
    expect((await t.admin.fails(ESTABLISH_PMO, { input: { ...input, head: 'Someone Else' } })).extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('opens at the edge: history, the audit log and its export show the plaintext, never a sealed string', async () => {
    const pmoId = await establish('Open office');

    const [established] = await history(pmoId);
    expect(established).toMatchObject({ type: 'PmoEstablished', data: { head: HEAD }, erasedFields: [] });
    const log = (await t.admin.ok(AUDIT_LOG, { filter: { pmoId } })).auditLog.edges.map((edge: { node: Node }) => edge.node);
    expect(log[0].data.head).toBe(HEAD);
    for (const format of ['ndjson', 'csv'] as const) {
      const text = await exported(format);
      expect(text).toContain(HEAD);
      expect(text).not.toContain(SEALED_PREFIX);
    }
  });

  it('after an erasure shows null with the field named everywhere, keeps the chains whole, and leaves no byte of the key', async () => {
    const pmoId = await establish('Erased office');
    await t.admin.ok(ASSIGN_HEAD, { input: { pmoId, head: NEXT_HEAD } });
    const key = await keyOf(pmoId);
    expect(key).not.toBeNull();
    const replayed = (asOf: string) => runCli('replay.ts', ['--pmo', pmoId, '--as-of', asOf, '--json'], { PMO_DATA_DIR: dataDir });
    const before = new Date().toISOString();
    expect(JSON.parse(replayed(before).stdout).pmo.head).toBe(NEXT_HEAD);

    await t.admin.ok(RENAME, { input: { pmoId, name: 'Renamed office' } });

    const nodes = await history(pmoId);
    expect(nodes.find((node) => node.type === 'PmoEstablished')).toMatchObject({ data: { head: null }, erasedFields: ['head'] });
    expect(nodes.find((node) => node.type === 'PmoHeadAssigned')).toMatchObject({ data: { head: null, previousHead: null }, erasedFields: ['head', 'previousHead'] });
    const ndjson = (await exported('ndjson')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(ndjson.filter((line) => line.streamId === `pmo-${pmoId}` && line.type === 'PmoEstablished')).toMatchObject([{ data: { head: null }, erasedFields: ['head'] }]);
    const csv = await exported('csv');
    const erasedRows = csv.split('\r\n').filter((row) => row.includes(`pmo-${pmoId}`));
    expect(erasedRows).toHaveLength(3);
    for (const row of erasedRows) expect(row).not.toMatch(/Ottoline|Peregrine/);
    expect(csv).not.toContain(SEALED_PREFIX);
    // Asked as of an instant before the erasure, replay shows what is readable now: nothing.
    expect(JSON.parse(replayed(before).stdout).pmo.head).toBeNull();
    expect((await t.admin.ok(VERIFY)).verifyIntegrity).toEqual({ ok: true, problemCount: 0 });
    expect(runCli('audit-verify.ts', [], { PMO_DATA_DIR: dataDir }).status).toBe(0);
    expect(await keyOf(pmoId)).toBeNull();
    expect(scanDirectoryFor(dataDir, [key as Buffer, (key as Buffer).toString('base64'), (key as Buffer).toString('hex')])).toEqual([]);
    // Nothing more is recorded about the erased subject.
    expect((await t.admin.fails(ASSIGN_HEAD, { input: { pmoId, head: HEAD } })).extensions?.code).toBe('PERSONAL_DATA_ERASED');
  });

  it('finishes at the next start an erasure recorded just before the process died', async () => {
    const pmoId = await establish('Interrupted office');
    const vault = t.app.get(PersonalDataVault);
    // The process dies between recording the erasure and destroying the key.
    const erase = jest.spyOn(vault, 'erase').mockResolvedValue(undefined);
    const forget = jest.spyOn(vault, 'forget').mockImplementation(() => undefined);
    await t.admin.ok(RENAME, { input: { pmoId, name: 'Interrupted, renamed' } });
    expect(await keyOf(pmoId)).not.toBeNull();
    erase.mockRestore();
    forget.mockRestore();
    await t.close();

    t = await startTestApp({ dataDir });

    expect(await keyOf(pmoId)).toBeNull();
    expect((await history(pmoId))[0]).toMatchObject({ data: { head: null }, erasedFields: ['head'] });
    expect(fs.readdirSync(dataDir)).toContain(PERSONAL_KEYS_FILE);
    expect(fs.readdirSync(dataDir)).not.toContain(`${PERSONAL_KEYS_FILE}-journal`);
    await t.close();
  });
});

describe('personal data on instances sharing EventStoreDB', () => {
  const instances = eventStoreDbInstances();
  const historyOn = async (app: TestApp, id: string): Promise<Node[]> => (await app.admin.ok(HISTORY, { id })).history.edges.map((edge: { node: Node }) => edge.node);
  const headOn = async (app: TestApp, id: string) => (await historyOn(app, id)).find((node) => node.type === 'PmoEstablished')?.data['head'];

  it('opens on every instance what one sealed, and on none once one erased it; the server keeps no plaintext, and no key after a scavenge', async () => {
    const [a, b] = [await instances.instance(), await instances.instance()];
    const pmoId = (await a.admin.ok(ESTABLISH_PMO, { input: { name: 'Shared office', kind: 'PORTFOLIO', head: HEAD } })).establishPmo.id as string;
    // B reads the event from the server and the key from it too, and keeps the key cached.
    expect(await headOn(b, pmoId)).toBe(HEAD);
    const found = await a.app.get(PersonalDataVault).keys.lookup(pmoId);
    const key = found.state === 'live' ? found.key : Buffer.alloc(0);
    const held = (needle: Buffer) =>
      instances.double().events().some((event) => Buffer.from(event.data).includes(needle) || Buffer.from(event.customMetadata).includes(needle));
    expect(held(Buffer.from(HEAD))).toBe(false);
    expect(held(Buffer.from(key.toString('base64')))).toBe(true);

    await a.admin.ok(RENAME, { input: { pmoId, name: 'Shared, renamed' } });

    expect(await headOn(a, pmoId)).toBeNull();
    // B's projector meets the erasure and forgets the key it had cached.
    await eventually(async () => ((await headOn(b, pmoId)) === null ? true : null));
    expect((await historyOn(b, pmoId))[0]?.erasedFields).toEqual(['head']);
    expect((await b.admin.fails(ASSIGN_HEAD, { input: { pmoId, head: HEAD } })).extensions?.code).toBe('PERSONAL_DATA_ERASED');
    // The key's bytes stay on the server until a scavenge, and not after.
    expect(held(Buffer.from(key.toString('base64')))).toBe(true);
    instances.double().scavenge();
    expect(held(Buffer.from(key.toString('base64')))).toBe(false);
    expect(await headOn(b, pmoId)).toBeNull();
  });
});
