import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { describePersonalKeyStoreConformance } from '../conformance/personal-key-store.conformance';
import { PersonalDataErasedError } from '../personal-data/personal-key-store';
import { copyPersonalKeyStore } from './sqlite-backup';
import { PERSONAL_KEYS_FILE, SqlitePersonalKeyStore } from './sqlite-personal-key-store';

describePersonalKeyStoreConformance('sqlite, two connections to one file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'personal-keys-'));
  const file = path.join(dir, PERSONAL_KEYS_FILE);
  return {
    stores: [new SqlitePersonalKeyStore({ file }), new SqlitePersonalKeyStore({ file })],
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqlitePersonalKeyStore', () => {
  let dir: string;
  let file: string;
  const opened: SqlitePersonalKeyStore[] = [];
  const open = (options: { readonly?: boolean } = {}) => {
    const store = new SqlitePersonalKeyStore({ file, ...options });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'personal-keys-'));
    file = path.join(dir, PERSONAL_KEYS_FILE);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes a 32-byte random key once per subject, the same for every connection', async () => {
    const first = open();
    const key = await first.keyFor('ada');

    expect(key).toHaveLength(32);
    expect(await first.keyFor('ada')).toEqual(key);
    expect(await open().keyFor('ada')).toEqual(key);
    expect(await first.keyFor('bob')).not.toEqual(key);
    expect(await open().lookup('ada')).toEqual({ state: 'live', key });
    expect(await open().lookup('cy')).toEqual({ state: 'absent' });
  });

  it('destroys a key for good, keeping a tombstone without key bytes, and refuses a new one', async () => {
    const store = open();
    const key = await store.keyFor('ada');

    await store.destroy('ada');
    await store.destroy('ada');

    expect(await store.lookup('ada')).toEqual({ state: 'destroyed' });
    expect(await open().isDestroyed('ada')).toBe(true);
    await expect(open().keyFor('ada')).rejects.toBeInstanceOf(PersonalDataErasedError);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT key, destroyed_at FROM personal_keys WHERE subject_id = ?').get('ada')).toEqual({ key: null, destroyed_at: expect.any(String) });
    } finally {
      db.close();
    }
    expect(fs.readFileSync(file).includes(key)).toBe(false);
  });

  it('keeps a tombstone for a subject that never had a key', async () => {
    await open().destroy('cy');
    await expect(open().keyFor('cy')).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('uses a rollback journal deleted at each commit and zeroes deleted content', () => {
    open();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
    expect(fs.readdirSync(dir)).toEqual([PERSONAL_KEYS_FILE]);
  });

  it('read-only, answers from the file beside a writer, and from no file at all', async () => {
    const key = await open().keyFor('ada');

    expect(await open({ readonly: true }).lookup('ada')).toEqual({ state: 'live', key });
    await expect(open({ readonly: true }).keyFor('bob')).rejects.toThrow(/read-only/);
    fs.rmSync(file);
    expect(await open({ readonly: true }).lookup('ada')).toEqual({ state: 'absent' });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('lists every subject, destroyed ones without a key', async () => {
    const store = open();
    const key = await store.keyFor('ada');
    await store.destroy('bob');
    expect([...store.entries()]).toEqual([
      { subjectId: 'ada', key },
      { subjectId: 'bob', key: null },
    ]);
  });

  it('copies to a file of its owner alone, with tombstones but no destroyed key', async () => {
    const store = open();
    const kept = await store.keyFor('ada');
    const gone = await store.keyFor('bob');
    await store.destroy('bob');
    const copy = path.join(dir, 'backup.personal-keys');

    expect(copyPersonalKeyStore(file, copy)).toEqual({ subjects: 2, erased: 1 });

    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(copy).includes(gone)).toBe(false);
    const restored = new SqlitePersonalKeyStore({ file: copy, readonly: true });
    opened.push(restored);
    expect(await restored.lookup('ada')).toEqual({ state: 'live', key: kept });
    expect(await restored.lookup('bob')).toEqual({ state: 'destroyed' });
    expect(() => copyPersonalKeyStore(file, copy)).toThrow(/exists already/);
  });
});
