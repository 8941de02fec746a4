import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';
import { ArrayEventStore, incremented, opened } from './array-event-store.fixture';
import { counterKind } from './counter.fixture';
import { EntityStateProjection } from './entity-state.projection';
import type { Projection } from './projection';
import { Projector } from './projector';
import { ProjectionFailedError } from './projector-errors';
import { discardInterruptedRebuild, ReadModelDb } from './read-model-db';

const A = 'counter-0b7c6f0e-0000-4000-8000-00000000000a';
const B = 'counter-0b7c6f0e-0000-4000-8000-00000000000b';

/** Throws on the event at `failAt`, as a projection with a bug would. */
class Tripwire implements Projection {
  readonly name = 'tripwire';
  readonly tables = [];
  readonly ddl = [];
  failAt: bigint | null = null;

  apply(event: RecordedEvent, _db: Database): void {
    if (event.position === this.failAt) throw new Error('boom');
  }
}

/** What the load's connection runs with, as SQLite reports it. */
const durability = (db: ReadModelDb) => ({
  journal: db.connection.pragma('journal_mode', { simple: true }),
  synchronous: db.connection.pragma('synchronous', { simple: true }),
});

describe('a rebuild on a read-model file', () => {
  let dir: string;
  let file: string;
  let store: ArrayEventStore;
  let tripwire: Tripwire;
  const open: { db: ReadModelDb; projector: Projector }[] = [];

  const openProjector = (options: { batchSize?: number; onProgress?: () => void } = {}) => {
    const db = ReadModelDb.open(file);
    const projector = new Projector(store, db, [new EntityStateProjection([counterKind]), tripwire], { ...options, onError: () => undefined });
    open.push({ db, projector });
    return { db, projector };
  };
  const closeAll = async () => {
    for (const { db, projector } of open.splice(0)) {
      await projector.stop();
      db.close();
    }
  };
  const rows = (db: ReadModelDb) => db.connection.prepare('SELECT stream_id, revision FROM entity_state ORDER BY stream_id').all();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-file-'));
    file = join(dir, 'read-models.sqlite');
    store = new ArrayEventStore();
    tripwire = new Tripwire();
    await store.append(A, [opened('pmo-1'), incremented(2)]);
    await store.append(B, [opened('pmo-1'), incremented(3), incremented(4)]);
  });
  afterEach(async () => {
    await closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given events, when a rebuild runs, then it loads with the journal in memory and no syncs, and leaves the file in WAL, whole', async () => {
    const during: ReturnType<typeof durability>[] = [];
    const { db, projector } = openProjector({ batchSize: 2, onProgress: () => during.push(durability(db)) });
    await projector.start();
    during.length = 0;

    await projector.rebuild();

    expect(during).toEqual([
      { journal: 'memory', synchronous: 0 },
      { journal: 'memory', synchronous: 0 },
      { journal: 'memory', synchronous: 0 },
    ]);
    expect(durability(db)).toEqual({ journal: 'wal', synchronous: 1 });
    await closeAll();
    const reopened = openProjector();
    expect(reopened.projector.schema).toBe('kept');
    expect(rows(reopened.db)).toEqual([
      { stream_id: A, revision: 1 },
      { stream_id: B, revision: 2 },
    ]);
  });

  it('given a rebuild that failed part way, when the file is opened again, then it is deleted and the read models are built anew', async () => {
    const { db, projector } = openProjector({ batchSize: 2 });
    await projector.start();
    tripwire.failAt = 4n;

    await expect(projector.rebuild()).rejects.toBeInstanceOf(ProjectionFailedError);

    expect(durability(db)).toEqual({ journal: 'wal', synchronous: 1 });
    await closeAll();
    tripwire.failAt = null;
    const reopened = openProjector();
    expect(reopened.projector.schema).toBe('created');
    expect(rows(reopened.db)).toEqual([]);
    await reopened.projector.start();
    expect(rows(reopened.db)).toEqual([
      { stream_id: A, revision: 1 },
      { stream_id: B, revision: 2 },
    ]);
  });

  it('given a process that ended while a rebuild was loading, when the file is opened, then what was loaded is thrown away', () => {
    const projections = [new EntityStateProjection([counterKind])];
    const loading = ReadModelDb.open(file);
    loading.reset(projections, [], { bulk: true });
    loading.transaction(() => loading.connection.prepare("INSERT INTO entity_state VALUES ('counter-x', 'counter', 'x', 0, '{}', 't', 't', NULL, NULL, NULL)").run());
    // No endBulk: the process is gone.
    loading.connection.close();

    expect(discardInterruptedRebuild(file)).toBe(true);

    const reopened = ReadModelDb.open(file);
    try {
      expect(reopened.ensureSchema(projections)).toBe('created');
      expect(rows(reopened)).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('given a file that no longer reads as a database, when it is opened, then it is replaced by an empty one', () => {
    writeFileSync(file, Buffer.alloc(8192, 0x5a));

    const db = ReadModelDb.open(file);
    try {
      expect(db.ensureSchema([new EntityStateProjection([counterKind])])).toBe('created');
      expect(durability(db)).toEqual({ journal: 'wal', synchronous: 1 });
    } finally {
      db.close();
    }
  });

  it('given whole read models or no file at all, when opened, then nothing is discarded', async () => {
    expect(discardInterruptedRebuild(file)).toBe(false);
    const { projector } = openProjector();
    await projector.start();
    await closeAll();

    expect(discardInterruptedRebuild(file)).toBe(false);
    expect(discardInterruptedRebuild(':memory:')).toBe(false);
    const reopened = openProjector();
    expect(reopened.projector.schema).toBe('kept');
    expect(rows(reopened.db)).toHaveLength(2);
  });

  it('given another connection on the file, when a rebuild runs, then it loads in WAL without waiting for that connection, and ends whole', async () => {
    const during: unknown[] = [];
    const { db, projector } = openProjector({ batchSize: 2, onProgress: () => during.push(durability(db).journal) });
    await projector.start();
    during.length = 0;
    const other = new BetterSqlite3(file);
    try {
      other.prepare('SELECT COUNT(*) FROM entity_state').get();

      await projector.rebuild();

      expect(during).toEqual(['wal', 'wal', 'wal']);
      expect(durability(db)).toEqual({ journal: 'wal', synchronous: 1 });
      expect(other.prepare('SELECT stream_id, revision FROM entity_state ORDER BY stream_id').all()).toEqual(rows(db));
    } finally {
      other.close();
    }
    await closeAll();
    expect(openProjector().projector.schema).toBe('kept');
  });
});
