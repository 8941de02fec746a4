import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ReadModelDb } from './read-model-db';

/** A read-model file in a directory of its own, open here and in a second connection. */
export interface SharedReadModelFile {
  readonly db: ReadModelDb;
  /** Another process on the same file, such as a second instance or the rebuild CLI. */
  readonly other: Database;
  /** Closes both connections and removes the directory. */
  close(): void;
}

export const openSharedReadModelFile = (prefix: string): SharedReadModelFile => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'read-models.sqlite');
  const db = ReadModelDb.open(file);
  const other = new BetterSqlite3(file);
  other.pragma('busy_timeout = 5000');
  return {
    db,
    other,
    close: () => {
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
