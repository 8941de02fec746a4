import * as fs from 'node:fs';
import Database from 'better-sqlite3';
import { elapsedMs } from './stats';

/** What writing a read-model file's rows and indexes afresh took. */
export interface WriteFloor {
  readonly ms: number;
  readonly rows: number;
  readonly tables: number;
  readonly indexes: number;
  readonly bytes: number;
}

/** The page cache a rebuild loads with (ReadModelDb's bulk load), in KiB as cache_size takes it. */
const LOAD_CACHE_KIB = 32 * 1024;

const removeWithCompanions = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
};

/**
 * The least a rebuild that writes these read models can take: every row of `source` (a rebuilt
 * read-model file) inserted into a fresh file at `scratch` in one transaction, table by table in
 * rowid order, then every index built in another, with no journal, no fsync and the rebuild's page
 * cache. No event is read, parsed or folded, and the source is read once beforehand so that its
 * reads come from the page cache. The scratch file is removed afterwards.
 */
export function measureWriteFloor(source: string, scratch: string): WriteFloor {
  removeWithCompanions(scratch);
  const db = new Database(scratch);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
    db.prepare('ATTACH ? AS source').run(source);
    const schema = db
      .prepare<[], { type: 'table' | 'index'; name: string; sql: string }>(
        "SELECT type, name, sql FROM source.sqlite_schema WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
      )
      .all();
    const tables = schema.filter((entry) => entry.type === 'table');
    const indexes = schema.filter((entry) => entry.type === 'index');
    let rows = 0;
    for (const table of tables) rows += (db.prepare(`SELECT count(*) AS n FROM source."${table.name}"`).get() as { n: number }).n;

    const started = process.hrtime.bigint();
    db.transaction(() => {
      for (const table of tables) {
        db.exec(table.sql);
        db.exec(`INSERT INTO main."${table.name}" SELECT * FROM source."${table.name}"`);
      }
    })();
    db.transaction(() => {
      for (const index of indexes) db.exec(index.sql);
    })();
    const ms = elapsedMs(started);
    db.exec('DETACH source');
    return { ms, rows, tables: tables.length, indexes: indexes.length, bytes: fs.statSync(scratch).size };
  } finally {
    db.close();
    removeWithCompanions(scratch);
  }
}
