/**
 * The personal keys of an embedded deployment: `personal-keys.sqlite` in the data directory, apart
 * from the events, so destroying a key never touches the event log.
 *
 * What a destroyed key must not leave behind, and how each place is closed:
 * - the row's old cell and any page it freed: `secure_delete = ON` zeroes deleted content in the
 *   database file instead of leaving it in free space;
 * - the journal: a WAL keeps every page version written until a checkpoint and then reuses the
 *   file without clearing it, and a persisted journal keeps the old pages it held, so this file
 *   uses the rollback journal in DELETE mode: the old page sits in `-journal` only while the
 *   destroying transaction runs, and the file is gone when it commits. Keys are written once per
 *   person and destroyed once, so the WAL's write speed is not needed here;
 * - the key store's history: the destroyed key's row becomes a tombstone with no key bytes.
 * The byte-scan spec (libs/runtime/src/personal-data.byte-scan.spec.ts) reads every file of a data directory after an
 * erasure and finds neither the key nor the plaintext it sealed.
 */
import * as fs from 'node:fs';
import Database from 'better-sqlite3';
import { PersonalDataErasedError, type PersonalKeyLookup, type PersonalKeyStore } from '../personal-data/personal-key-store';
import { newPersonalKey, PERSONAL_KEY_BYTES } from '../personal-data/sealed-value';

export const PERSONAL_KEYS_FILE = 'personal-keys.sqlite';

export interface SqlitePersonalKeyStoreOptions {
  readonly file: string;
  /** Only read (a command beside the running service); a missing file then holds no keys. */
  readonly readonly?: boolean;
  /** How long to wait for another connection's lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  readonly clock?: () => Date;
}

interface KeyRow {
  key: Buffer | null;
  destroyed_at: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS personal_keys (
    subject_id   TEXT PRIMARY KEY,
    key          BLOB,
    created_at   TEXT NOT NULL,
    destroyed_at TEXT,
    CHECK ((key IS NULL) = (destroyed_at IS NOT NULL))
  ) WITHOUT ROWID;
`;

export class SqlitePersonalKeyStore implements PersonalKeyStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database | null;
  private readonly clock: () => Date;
  private readonly statements: ReturnType<typeof prepare> | null;

  constructor(options: SqlitePersonalKeyStoreOptions) {
    this.clock = options.clock ?? (() => new Date());
    if (options.readonly && !fs.existsSync(options.file)) {
      this.db = null;
      this.statements = null;
      return;
    }
    const db = new Database(options.file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      db.pragma('secure_delete = ON');
      if (!options.readonly) {
        // See the module comment: no WAL and no persisted journal may keep a destroyed key.
        const mode = db.pragma('journal_mode = DELETE', { simple: true });
        if (mode !== 'delete') throw new Error(`${options.file} could not leave journal mode ${String(mode)}`);
        db.pragma('synchronous = FULL');
        db.exec(SCHEMA);
      }
      this.statements = prepare(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
  }

  get file(): string | null {
    return this.db?.name ?? null;
  }

  async lookup(subjectId: string): Promise<PersonalKeyLookup> {
    return toLookup(this.statements?.get.get(subjectId));
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const { db, statements } = this.writable();
    const create = db.transaction((): Buffer => {
      const found = toLookup(statements.get.get(subjectId));
      if (found.state === 'destroyed') throw new PersonalDataErasedError(subjectId);
      if (found.state === 'live') return found.key;
      const key = newPersonalKey();
      statements.insert.run(subjectId, key, this.clock().toISOString());
      return Buffer.from(key);
    });
    // IMMEDIATE: another process making the same subject's key waits, then finds it.
    return create.immediate();
  }

  async destroy(subjectId: string): Promise<void> {
    const { statements } = this.writable();
    const now = this.clock().toISOString();
    statements.destroy.run({ subjectId, now });
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return (await this.lookup(subjectId)).state === 'destroyed';
  }

  /** Every subject with its key, or null for a destroyed one; for moving keys to another store. */
  *entries(): Generator<{ readonly subjectId: string; readonly key: Buffer | null }> {
    if (!this.statements) return;
    for (const row of this.statements.all.iterate()) yield { subjectId: row.subject_id, key: row.key && Buffer.from(row.key) };
  }

  async close(): Promise<void> {
    if (this.db?.open) this.db.close();
  }

  private writable() {
    if (!this.db || !this.statements || this.db.readonly) throw new Error('the personal key store was opened read-only');
    if (!this.db.open) throw new Error('the personal key store is closed');
    return { db: this.db, statements: this.statements };
  }
}

function toLookup(row: KeyRow | undefined): PersonalKeyLookup {
  if (!row) return { state: 'absent' };
  if (row.destroyed_at !== null || row.key === null) return { state: 'destroyed' };
  if (row.key.length !== PERSONAL_KEY_BYTES) throw new Error(`a stored personal key has ${row.key.length} bytes`);
  return { state: 'live', key: Buffer.from(row.key) };
}

function prepare(db: Database.Database) {
  return {
    get: db.prepare<[string], KeyRow>('SELECT key, destroyed_at FROM personal_keys WHERE subject_id = ?'),
    all: db.prepare<[], KeyRow & { subject_id: string }>('SELECT subject_id, key, destroyed_at FROM personal_keys ORDER BY subject_id'),
    insert: db.prepare<[string, Buffer, string]>('INSERT INTO personal_keys (subject_id, key, created_at) VALUES (?, ?, ?)'),
    // A tombstone also for a subject that never had a key: nothing may be sealed for it later.
    destroy: db.prepare<[{ subjectId: string; now: string }]>(
      `INSERT INTO personal_keys (subject_id, key, created_at, destroyed_at) VALUES (@subjectId, NULL, @now, @now)
       ON CONFLICT (subject_id) DO UPDATE SET key = NULL, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)`,
    ),
  };
}
