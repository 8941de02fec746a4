import type { Database } from 'better-sqlite3';
import type { Projection } from './projection';
import type { ReadModelDb } from './read-model-db';
import { type SharedReadModelFile, openSharedReadModelFile } from './read-model-file.fixture';

/** A projection that only owns a table: enough for ensureSchema and reset. */
const notes: Projection = {
  name: 'notes',
  tables: ['note'],
  ddl: ['CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'],
  apply: () => undefined,
};

describe('ReadModelDb generation', () => {
  let file: SharedReadModelFile;
  let db: ReadModelDb;
  let other: Database;

  beforeEach(() => {
    file = openSharedReadModelFile('read-generation-');
    ({ db, other } = file);
    db.ensureSchema([notes]);
  });

  afterEach(() => file.close());

  it('given nothing written, when asked again, then it answers the same', () => {
    const first = db.generation();

    other.prepare('SELECT COUNT(*) FROM note').get();
    db.connection.prepare('SELECT COUNT(*) FROM note').get();

    expect(db.generation()).toBe(first);
  });

  it.each([
    ['inserts a row', (c: Database) => c.prepare("INSERT INTO note (text) VALUES ('b')").run()],
    ['updates a row', (c: Database) => c.prepare("UPDATE note SET text = 'changed'").run()],
    ['deletes every row', (c: Database) => c.prepare('DELETE FROM note').run()],
    ['writes a row and rolls it back', (c: Database) => c.transaction(() => { c.prepare("INSERT INTO note (text) VALUES ('b')").run(); throw new Error('undone'); })()],
  ] as const)('given a generation, when this connection %s, then the next one differs', (_what, write) => {
    db.connection.prepare("INSERT INTO note (text) VALUES ('a')").run();
    const before = db.generation();

    try {
      write(db.connection);
    } catch {
      // The rolled-back write throws to undo itself.
    }

    expect(db.generation()).not.toBe(before);
  });

  it('given a generation, when another connection commits, then the next one differs', () => {
    const before = db.generation();

    other.prepare("INSERT INTO note (text) VALUES ('from elsewhere')").run();

    expect(db.generation()).not.toBe(before);
  });

  it('given a generation, when the schema is reset here, then the next one differs', () => {
    const before = db.generation();

    db.reset([notes]);

    expect(db.generation()).not.toBe(before);
  });

  it('given a change, when asked twice after it, then both answers agree and are later than before it', () => {
    const before = db.generation();
    other.prepare("INSERT INTO note (text) VALUES ('x')").run();

    const [after, again] = [db.generation(), db.generation()];

    expect(after).toBe(again);
    expect(after).toBeGreaterThan(before);
  });
});
