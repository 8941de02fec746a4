import type { Database } from 'better-sqlite3';
import type { ReadModelDb } from './read-model-db';
import { type SharedReadModelFile, openSharedReadModelFile } from './read-model-file.fixture';

/** Lets the current turn of the event loop end: immediates run in the order they were set. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ReadModelDb read snapshot', () => {
  let file: SharedReadModelFile;
  let db: ReadModelDb;
  let other: Database;

  const count = (connection: Database): number => connection.prepare('SELECT COUNT(*) FROM note').pluck().get() as number;
  const addNote = (connection: Database, text: string): void => {
    connection.prepare('INSERT INTO note (text) VALUES (?)').run(text);
  };

  beforeEach(() => {
    file = openSharedReadModelFile('read-snapshot-');
    ({ db, other } = file);
    db.connection.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });

  afterEach(() => file.close());

  it('given a held snapshot, when another connection commits, then reads this turn see the snapshot and reads next turn see the commit', async () => {
    addNote(db.connection, 'before');
    db.holdReadSnapshot();
    expect(count(db.connection)).toBe(1);

    addNote(other, 'meanwhile');

    expect(count(db.connection)).toBe(1);
    await nextTurn();
    expect(db.connection.inTransaction).toBe(false);
    expect(count(db.connection)).toBe(2);
  });

  it('given a held snapshot, when this connection writes, then the write commits at once and later reads this turn see it', () => {
    db.holdReadSnapshot();
    expect(count(db.connection)).toBe(0);

    db.transaction(() => addNote(db.connection, 'projected'));

    // Committed, not a savepoint waiting for the turn to end: another connection sees it now.
    expect(db.connection.inTransaction).toBe(false);
    expect(count(other)).toBe(1);
    expect(count(db.connection)).toBe(1);
  });

  it('given a write that fails inside the snapshot turn, when it rolls back, then nothing of it is kept', () => {
    db.holdReadSnapshot();
    count(db.connection);

    expect(() =>
      db.transaction(() => {
        addNote(db.connection, 'half');
        throw new Error('projection failed');
      }),
    ).toThrow('projection failed');

    expect(count(other)).toBe(0);
    expect(db.connection.inTransaction).toBe(false);
  });

  it('given requests in one turn, when each holds the snapshot, then they share one transaction and it ends with the turn', async () => {
    db.holdReadSnapshot();
    db.holdReadSnapshot();
    db.holdReadSnapshot();
    expect(db.connection.inTransaction).toBe(true);

    await nextTurn();

    expect(db.connection.inTransaction).toBe(false);
  });

  it('given a transaction someone else opened on the connection, when a snapshot is asked for, then that transaction is left to its owner', async () => {
    db.connection.exec('BEGIN IMMEDIATE');
    addNote(db.connection, 'theirs');

    db.holdReadSnapshot();
    await nextTurn();

    expect(db.connection.inTransaction).toBe(true);
    db.connection.exec('ROLLBACK');
    expect(count(db.connection)).toBe(0);
  });

  it('given a held snapshot, when the database is closed, then it closes and the turn ends without error', async () => {
    db.holdReadSnapshot();
    count(db.connection);

    db.close();
    await nextTurn();

    expect(db.connection.open).toBe(false);
  });
});
