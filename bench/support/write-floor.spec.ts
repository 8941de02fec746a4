import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { measureWriteFloor } from './write-floor';

describe('the write floor of a rebuild', () => {
  let dir: string;
  let source: string;
  const scratch = () => path.join(dir, 'scratch.sqlite');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-write-floor-'));
    source = path.join(dir, 'read-models.sqlite');
    const db = new Database(source);
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE entry (id TEXT PRIMARY KEY, pmo_id TEXT NOT NULL, hours REAL NOT NULL) WITHOUT ROWID;
      CREATE INDEX entry_pmo ON entry (pmo_id, hours);
      CREATE TABLE log (position INTEGER PRIMARY KEY, type TEXT NOT NULL);
      CREATE INDEX log_type ON log (type, position);
      CREATE UNIQUE INDEX log_type_unique ON log (type, position);
    `);
    const entry = db.prepare('INSERT INTO entry VALUES (?, ?, ?)');
    const log = db.prepare('INSERT INTO log VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 300; i++) entry.run(`e${i}`, `p${i % 7}`, i / 8);
      for (let i = 0; i < 200; i++) log.run(i, i % 2 ? 'WorkLogged' : 'WorkCorrected');
    })();
    db.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('given a rebuilt read-model file, when its floor is measured, then every row of every table and every index is written again', () => {
    const floor = measureWriteFloor(source, scratch());

    expect(floor).toEqual({ ms: expect.any(Number), rows: 500, tables: 2, indexes: 3, bytes: expect.any(Number) });
    expect(floor.ms).toBeGreaterThan(0);
    // Two tables and three indexes take a page each at least, beside the schema's.
    expect(floor.bytes).toBeGreaterThanOrEqual(6 * 4096);
  });

  it('when it is done, leaves the source as it was and no scratch file behind', () => {
    const before = fs.readdirSync(dir).sort();

    measureWriteFloor(source, scratch());

    expect(fs.readdirSync(dir).sort()).toEqual(before);
    const db = new Database(source, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM entry').get()).toEqual({ n: 300 });
    db.close();
  });

  it('given a scratch file left by an earlier run, starts from an empty file', () => {
    fs.writeFileSync(scratch(), 'left over');

    expect(measureWriteFloor(source, scratch()).rows).toBe(500);
    expect(fs.existsSync(scratch())).toBe(false);
  });
});
