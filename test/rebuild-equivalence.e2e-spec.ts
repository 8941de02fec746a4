import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Database } from 'better-sqlite3';
import { SqliteEventStore } from '@throughline/event-store';
import { AuditLogProjection, AuditLogReader, EntityStateProjection, Projector, ReadModelDb, ViewCheckpointProjection, type Projection } from '@throughline/read-models';
import { auditLogReaderFor, ENTITY_KINDS, projectionsFor } from '@throughline/runtime';
import { seedDataDir } from '../bench/seed/seed';
import { tempDataDir } from './support/test-app';

jest.setTimeout(180_000);

const EVENTS = 6000;
const YEAR = new Date().getUTCFullYear() - 1;

/**
 * Every read model, with the entity views held in a rebuild bounded to a few dozen streams, so the
 * spec also goes through views written early, read back and written again.
 */
const projections = (store: SqliteEventStore): Projection[] => {
  const all = projectionsFor(store);
  // The views' fold also feeds the as-of checkpoints, so the replacement keeps feeding them.
  const checkpoints = all.find((projection): projection is ViewCheckpointProjection => projection instanceof ViewCheckpointProjection) ?? null;
  return all.map((projection) =>
    projection instanceof EntityStateProjection ? new EntityStateProjection(ENTITY_KINDS, checkpoints, { bulkLimit: 40 }) : projection,
  );
};

/** Every row of every table, each table's rows in one order whatever the order they were written in. */
const contents = (db: Database): Record<string, unknown[]> => {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => {
      const columns = db.prepare(`SELECT * FROM "${name}" LIMIT 0`).columns().map((column) => `"${column.name}"`);
      return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all()];
    }),
  );
};

const indexes = (db: Database): unknown[] =>
  db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

describe('a rebuild and the live projection of the same history', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  const opened: ReadModelDb[] = [];
  const open = (name: string) => {
    const db = ReadModelDb.open(path.join(dataDir, name));
    opened.push(db);
    return db;
  };

  beforeAll(async () => {
    dataDir = tempDataDir();
    await seedDataDir(dataDir, { events: EVENTS, year: YEAR });
    store = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
  });

  afterAll(async () => {
    opened.forEach((db) => db.close());
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('write the same rows into every table, and the same indexes', async () => {
    // Live: small batches, each written with its checkpoint, as appends arrive.
    const live = open('live.sqlite');
    const following = new Projector(store, live, projections(store), { batchSize: 37 });
    await following.start();
    await following.stop();

    // Rebuild: over read models that already hold everything, in bulk batches of a few hundred.
    const rebuilt = open('rebuilt.sqlite');
    const first = new Projector(store, rebuilt, projections(store), { batchSize: 37 });
    await first.start();
    await first.stop();
    const rebuilding = new Projector(store, rebuilt, projections(store), { batchSize: 37, rebuildBatchSize: 450 });
    let batches = 0;
    rebuilding.onApplied(() => (batches += 1));
    await rebuilding.rebuild();
    await rebuilding.stop();

    expect(batches).toBe(Math.ceil(EVENTS / 450));
    const expected = contents(live.connection);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['entity_state', 'audit_log', 'work_version', 'network_touchpoint', 'compliance_adoption']));
    expect((expected['entity_state'] as unknown[]).length).toBeGreaterThan(1000);
    expect(contents(rebuilt.connection)).toEqual(expected);
    expect(indexes(rebuilt.connection)).toEqual(indexes(live.connection));
  });

  it('leave the audit log reading the same events from the store as a log that copied them', async () => {
    const reading = open('reading.sqlite');
    const copying = open('copying.sqlite');
    const fromStore = new Projector(store, reading, projections(store));
    const copied = new Projector(store, copying, [new AuditLogProjection()]);
    await fromStore.rebuild();
    await copied.start();
    await fromStore.stop();
    await copied.stop();

    expect(reading.connection.prepare('SELECT COUNT(*) AS n FROM audit_event').get()).toEqual({ n: 0 });
    const page = { after: null, before: null, direction: 'forward', limit: EVENTS } as const;
    const read = auditLogReaderFor(reading, store);
    const kept = new AuditLogReader(copying);
    expect(read.between({}, page)).toEqual(kept.between({}, page));
    const pmoId = (read.page({}, null, 1)[0] as { pmoId: string }).pmoId;
    expect(read.between({ pmoId }, page)).toEqual(kept.between({ pmoId }, page));
    expect(read.between({ pmoId }, page).length).toBeGreaterThan(10);
  });

  it('leave read models half-built by a failed rebuild to be thrown away at the next open, and built again', async () => {
    const file = 'interrupted.sqlite';
    const db = open(file);
    const failing = projections(store);
    const stopAt = 2000n;
    const breaking: Projection = {
      name: 'breaks',
      tables: [],
      ddl: [],
      apply: (event) => {
        if (event.position === stopAt) throw new Error('interrupted');
      },
    };
    const projector = new Projector(store, db, [...failing, breaking], { onError: () => undefined, rebuildBatchSize: 500 });
    await expect(projector.rebuild()).rejects.toThrow('interrupted');
    await projector.stop();
    db.close();

    const reopened = open(file);
    const next = new Projector(store, reopened, [...projections(store), { ...breaking, apply: () => undefined }]);
    // The file was deleted on opening (discardInterruptedRebuild): nothing of the failed load is left to drop.
    expect(next.schema).toBe('created');
    await next.start();
    await next.stop();
    expect(reopened.connection.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: EVENTS });
  });
});
