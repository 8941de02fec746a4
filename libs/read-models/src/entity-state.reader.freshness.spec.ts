import type { Database, Statement } from 'better-sqlite3';
import { type CounterState, counterKind, recordedCounterEvent } from './counter.fixture';
import { EntityStateProjection } from './entity-state.projection';
import { EntityStateReader } from './entity-state.reader';
import type { ReadModelDb } from './read-model-db';
import { type SharedReadModelFile, openSharedReadModelFile } from './read-model-file.fixture';

const A = '0b7c6f0e-0000-4000-8000-00000000000a';
const B = '0b7c6f0e-0000-4000-8000-00000000000b';

const opened = (streamId: string, position: bigint) =>
  recordedCounterEvent(streamId, 0, { type: 'CounterOpened', data: { pmoId: 'pmo-1', parentId: null } }, position, '2026-03-01T09:00:00.000Z');

/** Lets the current turn of the event loop end: immediates run in the order they were set. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A view answers from memory only while nothing in the file has changed since its row was read:
 * whoever writes, from whichever connection, the next read sees what is stored.
 */
describe('EntityStateReader, views read before', () => {
  let file: SharedReadModelFile;
  let db: ReadModelDb;
  let other: Database;
  let reader: EntityStateReader;

  /** Another process (a second instance, the rebuild CLI) rewrites a view's row as it likes. */
  const rewriteElsewhere = (id: string, view: object) =>
    other.prepare('UPDATE entity_state SET state = ? WHERE stream_id = ?').run(JSON.stringify(view), `counter-${id}`);

  beforeEach(() => {
    file = openSharedReadModelFile('entity-freshness-');
    ({ db, other } = file);
    const projection = new EntityStateProjection([counterKind]);
    db.ensureSchema([projection]);
    db.transaction(() => {
      projection.apply(opened(`counter-${A}`, 1n), db.connection);
      projection.apply(opened(`counter-${B}`, 2n), db.connection);
      projection.flush(db.connection);
    });
    projection.endBatch();
    reader = new EntityStateReader(db);
  });

  afterEach(() => file.close());

  it('given a view read, when another connection rewrites its row at the same revision, then the next read answers the row as stored', () => {
    reader.get<CounterState>('counter', A);
    reader.getMany<CounterState>('counter', [A, B]);

    rewriteElsewhere(A, { status: 'CLOSED', pmoId: 'pmo-1', parentId: null, count: 9, lastChangedBy: 'cli' });

    expect(reader.get<CounterState>('counter', A)?.view).toMatchObject({ status: 'CLOSED', count: 9 });
    expect(reader.getMany<CounterState>('counter', [B, A]).map((record) => record?.view)).toEqual([
      expect.objectContaining({ status: 'OPEN', count: 0 }),
      expect.objectContaining({ status: 'CLOSED', count: 9 }),
    ]);
  });

  it('given views read, when another connection deletes a row, then the next reads answer null for it', () => {
    reader.getMany<CounterState>('counter', [A, B]);

    other.prepare('DELETE FROM entity_state WHERE stream_id = ?').run(`counter-${A}`);

    expect(reader.get('counter', A)).toBeNull();
    expect(reader.getMany('counter', [A, B]).map((record) => record?.entityId ?? null)).toEqual([null, B]);
  });

  it('given a view read, when this connection rewrites its row outside any batch, then the next read answers the row as stored', () => {
    reader.get<CounterState>('counter', A);

    db.connection.prepare('UPDATE entity_state SET state = ? WHERE stream_id = ?').run(JSON.stringify({ status: 'CLOSED', count: 3 }), `counter-${A}`);

    expect(reader.get<CounterState>('counter', A)?.view).toMatchObject({ status: 'CLOSED', count: 3 });
  });

  it('given the read models reset, when a view read before is asked for, then it is gone', () => {
    reader.get('counter', A);

    db.reset([new EntityStateProjection([counterKind])]);

    expect(reader.get('counter', A)).toBeNull();
    expect(reader.getMany('counter', [A, B])).toEqual([null, null]);
  });

  it('given a held read snapshot with a view read, when another connection rewrites it during the turn, then this turn answers the snapshot and the next turn the new row', async () => {
    db.holdReadSnapshot();
    const before = reader.get<CounterState>('counter', A);

    rewriteElsewhere(A, { status: 'CLOSED', pmoId: 'pmo-1', parentId: null, count: 5, lastChangedBy: 'cli' });

    expect(reader.get<CounterState>('counter', A)).toBe(before);
    await nextTurn();
    expect(reader.get<CounterState>('counter', A)?.view).toMatchObject({ status: 'CLOSED', count: 5 });
  });

  it('given views read and nothing changed since, when they are read again, then they answer without reading a row', () => {
    const first = reader.get<CounterState>('counter', A);
    const both = reader.getMany<CounterState>('counter', [A, B]);
    const statement = Object.getPrototypeOf(db.connection.prepare('SELECT 1')) as Statement;
    const get = jest.spyOn(statement, 'get');
    const all = jest.spyOn(statement, 'all');
    try {
      expect(reader.get<CounterState>('counter', A)).toBe(first);
      expect(reader.getMany<CounterState>('counter', [B, A])).toEqual([both[1], both[0]]);
      expect(reader.getMany<CounterState>('counter', [B, A])[0]).toBe(both[1]);

      const sources = [...get.mock.contexts, ...all.mock.contexts].map((context) => (context as Statement).source);
      expect(sources.filter((source) => source.includes('entity_state'))).toEqual([]);
      expect(sources.length).toBeGreaterThan(0);
    } finally {
      get.mockRestore();
      all.mockRestore();
    }
  });
});
