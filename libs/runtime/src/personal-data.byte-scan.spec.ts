/**
 * The byte-level promise of erasure, on a real data directory: SQLite events, read models and
 * personal keys as the service lays them out. Plaintext personal data never reaches any file, and
 * once a person is erased neither their key nor anything it sealed can be read back from any
 * byte of any file there (databases, `-wal`, `-shm`, `-journal`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Decider, DomainEvent, PersonalFieldRules } from '@throughline/domain';
import {
  decideOn,
  NO_VIEW,
  PERSONAL_KEYS_FILE,
  PersonalDataVault,
  SqliteEventStore,
  SqlitePersonalKeyStore,
  StoreVerifier,
} from '@throughline/event-store';
import { AuditLogReader, PersonalDataErasuresProjection, Projector, ReadModelDb } from '@throughline/read-models';
import { filesUnder, scanDirectoryFor } from '@throughline/testing';
import { EVENTS_FILE, READ_MODELS_FILE } from './open-event-store';
import { projectionsFor } from './projections';

// Synthetic events, as a context that records people would declare them.
type Record_ = { readonly event: DomainEvent };
const RULES: PersonalFieldRules = {
  ContactNoted: { subjects: (data) => [data['contactId'] as string], fields: ['name', 'organisation', 'role'] },
  MeetingNoted: { subjects: (data) => data['contactIds'] as string[], fields: ['summary'] },
};
const recorder: Decider<Record_, DomainEvent, null> = { initialState: null, evolve: () => null, decide: ({ event }) => [event] };

const ADA = '0b7c6f0e-0000-4000-8000-0000000000a1';
const BOB = '0b7c6f0e-0000-4000-8000-0000000000b2';
const ADA_NAME = 'Zenobia Quarrington-Velasquez';
const ADA_ORGANISATION = 'Thistlewood Orbital Cartography';
const ADA_ROLE = 'Chief Periwinkle Officer';
const BOB_NAME = 'Bartholomew Ingleby-Fairweather';
const SUMMARY = 'Agreed the Marigold-Kestrel migration timetable over oat flat whites';

describe('erasure, byte for byte, on a data directory', () => {
  let dir: string;
  let events: SqliteEventStore;
  let readModels: ReadModelDb;
  let projector: Projector;
  let vault: PersonalDataVault;
  const erasedHere: string[] = [];

  const record = async (streamId: string, event: DomainEvent) =>
    decideOn(events, { decider: recorder, view: NO_VIEW }, {
      streamId,
      command: { event },
      context: { now: '2026-03-01T09:00:00.000Z', today: '2026-03-01', actor: 'grace' },
      metadata: { actor: 'grace', correlationId: 'c' },
      idempotency: { commandId: `${streamId}-${event.type}`, payloadHash: 'hash-of-a-payload-naming-someone' },
    }, { seal: vault.sealer(RULES) });

  const keyOf = async (subject: string) => {
    const found = await vault.keys.lookup(subject);
    if (found.state !== 'live') throw new Error(`no live key for ${subject}`);
    return found.key;
  };
  /** A key as raw bytes and in the text encodings a store might hold it in. */
  const encodings = (key: Buffer) => [key, key.toString('base64'), key.toString('base64url'), key.toString('hex')];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-erasure-'));
    events = new SqliteEventStore({ file: path.join(dir, EVENTS_FILE) });
    readModels = ReadModelDb.open(path.join(dir, READ_MODELS_FILE));
    vault = new PersonalDataVault(new SqlitePersonalKeyStore({ file: path.join(dir, PERSONAL_KEYS_FILE) }));
    const projections = [
      ...projectionsFor(events).filter((projection) => !(projection instanceof PersonalDataErasuresProjection)),
      new PersonalDataErasuresProjection({ ContactErased: (data) => [data['contactId'] as string] }, (subject) => erasedHere.push(subject)),
    ];
    projector = new Projector(events, readModels, projections);
    await projector.start();

    await record(`contact-${ADA}`, { type: 'ContactNoted', data: { contactId: ADA, name: ADA_NAME, organisation: ADA_ORGANISATION, role: ADA_ROLE } });
    await record(`contact-${BOB}`, { type: 'ContactNoted', data: { contactId: BOB, name: BOB_NAME, organisation: null, role: null } });
    await record(`touchpoint-${ADA}`, { type: 'MeetingNoted', data: { contactIds: [ADA, BOB], summary: SUMMARY, heldOn: '2026-02-27' } });
    await projector.catchUp();
  });

  afterEach(async () => {
    await projector.stop();
    await vault.close();
    await events.close();
    readModels.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never writes a plaintext personal value to any file, while the keys sit only in the key store', async () => {
    const files = filesUnder(dir).map((file) => path.basename(file));
    expect(files).toEqual(expect.arrayContaining([EVENTS_FILE, `${EVENTS_FILE}-wal`, READ_MODELS_FILE, `${READ_MODELS_FILE}-wal`, PERSONAL_KEYS_FILE]));

    expect(scanDirectoryFor(dir, [ADA_NAME, ADA_ORGANISATION, ADA_ROLE, BOB_NAME, SUMMARY, 'Zenobia', 'Marigold'])).toEqual([]);
    // The scan does find what is there: each key, in the key store alone.
    const found = scanDirectoryFor(dir, encodings(await keyOf(ADA)));
    expect(found.map((finding) => finding.file)).toEqual([PERSONAL_KEYS_FILE]);
    // The audit log's read model holds the sealed form, which opens.
    const [contact] = new AuditLogReader(readModels, events).page({ types: ['ContactNoted'] }, null, 1);
    expect(await vault.open(contact!.data['name'] as string)).toBe(ADA_NAME);
  });

  it('after an erasure leaves no byte of the key or of what it sealed in any file, and the chains still verify', async () => {
    const adaKey = await keyOf(ADA);
    const bobKey = await keyOf(BOB);
    const sealedSummary = (await events.readStream(`touchpoint-${ADA}`))[0]!.data['summary'] as string;

    // As the service erases: the erasure is recorded first, then the key destroyed.
    await record(`contact-${ADA}`, { type: 'ContactErased', data: { contactId: ADA } });
    await projector.catchUp();
    await vault.erase(ADA);

    expect(erasedHere).toEqual([ADA]);
    expect(scanDirectoryFor(dir, encodings(adaKey))).toEqual([]);
    expect(scanDirectoryFor(dir, [ADA_NAME, ADA_ORGANISATION, ADA_ROLE, BOB_NAME, SUMMARY, 'Zenobia', 'Marigold'])).toEqual([]);
    expect(filesUnder(dir).map((file) => path.basename(file))).not.toContain(`${PERSONAL_KEYS_FILE}-journal`);
    // Bob's own data stays readable; the summary, which was Ada's too, does not.
    expect(scanDirectoryFor(dir, encodings(bobKey)).map((finding) => finding.file)).toEqual([PERSONAL_KEYS_FILE]);
    expect(await vault.open(sealedSummary)).toBeNull();
    const reopened = new PersonalDataVault(new SqlitePersonalKeyStore({ file: path.join(dir, PERSONAL_KEYS_FILE), readonly: true }));
    expect(await reopened.open(sealedSummary)).toBeNull();
    await reopened.close();

    const report = await new StoreVerifier(events).verifyAll();
    expect(report).toMatchObject({ ok: true, problemCount: 0, checkedEvents: 4 });
  });

  it('zeroes every destroyed key among many, and keeps the others', async () => {
    const subjects = Array.from({ length: 300 }, (_, n) => `0b7c6f0e-0000-4000-8000-${String(n).padStart(12, '0')}`);
    await Promise.all(subjects.map((subject) => vault.seal('x', [subject])));
    const keys = new Map(await Promise.all(subjects.map(async (subject) => [subject, await keyOf(subject)] as const)));
    const erased = subjects.filter((_, n) => n % 3 === 0);

    for (const subject of erased) await vault.erase(subject);

    const findings = scanDirectoryFor(dir, subjects.map((subject) => keys.get(subject)!));
    const foundSubjects = new Set(findings.map((finding) => subjects[finding.needle]));
    expect(erased.filter((subject) => foundSubjects.has(subject))).toEqual([]);
    expect(subjects.filter((subject) => !erased.includes(subject) && !foundSubjects.has(subject))).toEqual([]);
  });

  it('is why the key store keeps no WAL: a WAL file still holds a key its database no longer has', () => {
    const file = path.join(dir, 'wal-control.sqlite');
    const db = new (require('better-sqlite3') as typeof import('better-sqlite3'))(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('secure_delete = ON');
      db.exec('CREATE TABLE k (id TEXT PRIMARY KEY, key BLOB)');
      const key = Buffer.alloc(32, 0x5a);
      db.prepare('INSERT INTO k VALUES (?, ?)').run('ada', key);
      db.prepare('UPDATE k SET key = NULL WHERE id = ?').run('ada');
      db.pragma('wal_checkpoint(PASSIVE)');

      expect(scanDirectoryFor(dir, [key]).map((finding) => finding.file)).toEqual([`wal-control.sqlite-wal`]);
    } finally {
      db.close();
      fs.rmSync(file, { force: true });
    }
  });
});
