import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';
import { ArrayEventStore, closed, incremented, opened } from './array-event-store.fixture';
import { counterKind } from './counter.fixture';
import { EntityStateProjection } from './entity-state.projection';
import type { Projection } from './projection';
import { Projector, type ProjectorProgress } from './projector';
import { ProjectionFailedError, ProjectorStoppedError, ProjectorTimeoutError } from './projector-errors';
import { ReadModelDb } from './read-model-db';

const A = 'counter-0b7c6f0e-0000-4000-8000-00000000000a';
const B = 'counter-0b7c6f0e-0000-4000-8000-00000000000b';

/** Records every event position it applies in a table, and counts its apply calls. */
class PositionLog implements Projection {
  readonly name = 'position_log';
  readonly tables = ['position_log'];
  readonly ddl = ['CREATE TABLE IF NOT EXISTS position_log (position INTEGER PRIMARY KEY, type TEXT NOT NULL)'];
  applied: bigint[] = [];
  failAt: bigint | null = null;

  apply(event: RecordedEvent, db: Database): void {
    this.applied.push(event.position);
    if (event.position === this.failAt) throw new Error('boom');
    db.prepare('INSERT INTO position_log (position, type) VALUES (?, ?)').run(event.position, event.type);
  }
}

const fiveEvents = async (store: ArrayEventStore) => {
  await store.append(A, [opened('pmo-1'), incremented(2)]);
  await store.append(B, [opened('pmo-1', 'x')]);
  await store.append(A, [incremented(3), closed()]);
};

const logged = (db: ReadModelDb) =>
  db.connection
    .prepare('SELECT position FROM position_log ORDER BY position')
    .pluck()
    .all()
    .map((p) => BigInt(p as number));

const entityRows = (db: ReadModelDb) =>
  db.connection.prepare('SELECT * FROM entity_state ORDER BY stream_id').all();

const storedCheckpoint = (db: ReadModelDb) =>
  db.connection.prepare("SELECT position FROM checkpoint WHERE name = 'projector'").pluck().get();

describe('Projector', () => {
  let store: ArrayEventStore;
  let db: ReadModelDb;
  let log: PositionLog;
  let errors: Error[];
  const projectors: Projector[] = [];

  const projector = (options: { batchSize?: number; onProgress?: (p: ProjectorProgress) => void } = {}) => {
    const created = new Projector(store, db, [log, new EntityStateProjection([counterKind])], {
      ...options,
      onError: (error) => errors.push(error),
    });
    projectors.push(created);
    return created;
  };

  beforeEach(() => {
    store = new ArrayEventStore();
    db = ReadModelDb.open(':memory:');
    log = new PositionLog();
    errors = [];
  });

  afterEach(async () => {
    for (const p of projectors.splice(0)) await p.stop();
    db.close();
  });

  it('catches up batch by batch, committing the checkpoint with each batch', async () => {
    await fiveEvents(store);
    const progress: ProjectorProgress[] = [];
    const p = projector({ batchSize: 2, onProgress: (e) => progress.push(e) });

    await p.catchUp();

    expect(store.reads).toEqual([undefined, 2n, 4n, 5n]);
    expect(progress).toEqual([
      { position: 2n, applied: 2 },
      { position: 4n, applied: 4 },
      { position: 5n, applied: 5 },
    ]);
    expect(logged(db)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(storedCheckpoint(db)).toBe('5');
    expect(p.position).toBe(5n);
    expect(await p.isCaughtUp()).toBe(true);
    expect(entityRows(db)).toHaveLength(2);
  });

  it('reads once and applies nothing when nothing is new', async () => {
    await fiveEvents(store);
    const p = projector();
    await p.catchUp();
    store.reads.length = 0;
    log.applied = [];

    await p.catchUp();

    expect(store.reads).toEqual([5n]);
    expect(log.applied).toEqual([]);
  });

  it('rolls a failing batch back whole, stops, and skips nothing when started again', async () => {
    await fiveEvents(store);
    log.failAt = 4n;
    const p = projector({ batchSize: 2 });

    const caught = await p.catchUp().catch((error: unknown) => error);

    expect(caught).toBeInstanceOf(ProjectionFailedError);
    expect(caught).toMatchObject({ projection: 'position_log', position: 4n, streamId: A, revision: 2 });
    expect(errors).toEqual([caught]);
    // Event 3 was applied in the failed batch, and rolled back with it.
    expect(logged(db)).toEqual([1n, 2n]);
    expect(storedCheckpoint(db)).toBe('2');
    expect(p.position).toBe(2n);
    expect(db.connection.prepare('SELECT revision FROM entity_state WHERE stream_id = ?').pluck().get(A)).toBe(1);
    await expect(p.waitFor(5n)).rejects.toBe(caught);
    await expect(p.catchUp()).rejects.toBe(caught);

    // Stopped: a new append is not followed.
    store.reads.length = 0;
    await store.append(B, [incremented(1)]);
    expect(store.reads).toEqual([]);

    log.failAt = null;
    await p.start();
    expect(logged(db)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(entityRows(db)).toEqual([
      expect.objectContaining({ stream_id: A, revision: 3, status: 'CLOSED', state: expect.stringContaining('"count":5') }),
      expect.objectContaining({ stream_id: B, revision: 1 }),
    ]);
  });

  it('rejects waiters when a catch-up started by an append fails', async () => {
    const p = projector();
    await p.start();
    log.failAt = 1n;
    const waiting = p.waitFor(1n);
    await store.append(A, [opened('pmo-1')]);
    await expect(waiting).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(errors).toHaveLength(1);
  });

  describe('on a database file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'read-models-'));
      db.close();
      db = ReadModelDb.open(join(dir, 'read-models.sqlite'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const reopen = async (projector: Projector) => {
      await projector.stop();
      db.close();
      db = ReadModelDb.open(join(dir, 'read-models.sqlite'));
    };

    it('resumes from the checkpoint after reopening, applying nothing twice', async () => {
      await store.append(A, [opened('pmo-1'), incremented(2), incremented(3)]);
      const first = projector();
      expect(first.schema).toBe('created');
      await first.catchUp();
      await reopen(projectors[0]);
      await store.append(A, [incremented(4)]);
      await store.append(B, [opened('pmo-2')]);
      store.reads.length = 0;
      log = new PositionLog();

      const resumed = projector();
      expect(resumed.schema).toBe('kept');
      expect(resumed.position).toBe(3n);
      await resumed.catchUp();

      expect(store.reads[0]).toBe(3n);
      expect(log.applied).toEqual([4n, 5n]);
      expect(logged(db)).toEqual([1n, 2n, 3n, 4n, 5n]);
      expect(entityRows(db)).toEqual([
        expect.objectContaining({ stream_id: A, revision: 3, state: expect.stringContaining('"count":9') }),
        expect.objectContaining({ stream_id: B, revision: 0 }),
      ]);
    });

    it('drops and rebuilds the read models when the projections change', async () => {
      await fiveEvents(store);
      await projector().catchUp();
      await reopen(projectors[0]);

      // The same projections, but the counter fold was changed and its kind version bumped.
      const bumped = new EntityStateProjection([{ ...counterKind, version: 2 }]);
      const changed = new Projector(store, db, [bumped], { onError: (e) => errors.push(e) });
      projectors.push(changed);

      expect(changed.schema).toBe('rebuilt');
      expect(changed.position).toBeNull();
      expect(entityRows(db)).toEqual([]);
      // position_log is no longer a projection here, and was dropped with the rest.
      expect(db.connection.prepare("SELECT name FROM sqlite_master WHERE name = 'position_log'").get()).toBeUndefined();

      await changed.catchUp();
      expect(changed.position).toBe(5n);
      expect(entityRows(db)).toHaveLength(2);
    });
  });

  it('waitFor resolves once a later append is applied', async () => {
    await fiveEvents(store);
    const p = projector();
    await p.start();
    let resolved = false;
    const waiting = p.waitFor(6n).then(() => (resolved = true));

    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);

    await store.append(B, [incremented(7)]);
    await waiting;
    expect(logged(db)).toContain(6n);
    await expect(p.waitFor(3n)).resolves.toBeUndefined();
  });

  it('waitFor catches up by itself when not started', async () => {
    const p = projector();
    const { position } = await store.append(A, [opened('pmo-1')]);
    await p.waitFor(position);
    expect(logged(db)).toEqual([1n]);
  });

  it('waitFor gives up after its timeout, and stop rejects the remaining waiters', async () => {
    const p = projector();
    await p.start();
    await expect(p.waitFor(1n, { timeoutMs: 10 })).rejects.toBeInstanceOf(ProjectorTimeoutError);
    const waiting = p.waitFor(2n);
    await p.stop();
    await expect(waiting).rejects.toBeInstanceOf(ProjectorStoppedError);
    await expect(p.catchUp()).rejects.toBeInstanceOf(ProjectorStoppedError);
  });

  it('never runs two catch-ups at once, and folds requests made meanwhile into one more pass', async () => {
    await fiveEvents(store);
    let inFlight = 0;
    let most = 0;
    store.beforeRead = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
    };
    const p = projector({ batchSize: 2 });
    await p.start();
    store.reads.length = 0;

    const appends = [];
    for (let i = 0; i < 10; i++) appends.push(store.append(A, [incremented(1)]));
    await Promise.all(appends);
    await Promise.all([p.catchUp(), p.catchUp(), p.waitFor(15n)]);

    expect(most).toBe(1);
    expect(logged(db)).toHaveLength(15);
    // 10 notifications and 2 calls, served by a handful of reads rather than a pass each.
    expect(store.reads.length).toBeLessThan(12);
    expect(await p.isCaughtUp()).toBe(true);
  });

  it('rebuild reproduces the same rows from the events', async () => {
    await fiveEvents(store);
    const progress: ProjectorProgress[] = [];
    const p = projector({ batchSize: 2, onProgress: (e) => progress.push(e) });
    await p.catchUp();
    const before = { entities: entityRows(db), log: logged(db) };
    db.connection.exec("UPDATE entity_state SET state = '{}'");
    progress.length = 0;
    log.applied = [];

    await p.rebuild();

    expect({ entities: entityRows(db), log: logged(db) }).toEqual(before);
    expect(log.applied).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(progress.map((e) => e.applied)).toEqual([2, 4, 5]);
    expect(p.position).toBe(5n);
  });

  it('a rebuild holds waiters until its end, and one stopped part way is not marked whole', async () => {
    await fiveEvents(store);
    const p = projector({ batchSize: 2 });
    let reads = 0;
    let release: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => (release = resolve));
    store.beforeRead = async () => {
      reads += 1;
      if (reads === 3) await paused;
    };
    let waited = false;
    const rebuilding = p.rebuild();
    // Two batches (four events) are in, the third read is held: position 2 is passed, the rebuild is not over.
    await new Promise((resolve) => setImmediate(resolve));
    void p.waitFor(2n).then(() => (waited = true), () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(p.position).toBe(4n);
    expect(waited).toBe(false);
    const stopping = p.stop();
    release();
    await expect(rebuilding).rejects.toBeInstanceOf(ProjectorStoppedError);
    await stopping;

    const next = projector();
    expect(next.schema).toBe('rebuilt');
    await next.start();
    expect(logged(db)).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it('start refuses read models that are ahead of the store', async () => {
    await fiveEvents(store);
    await projector().catchUp();
    store = new ArrayEventStore();
    await expect(projector().start()).rejects.toThrow(/rebuild/);
    expect(await projectors[1].isCaughtUp()).toBe(false);
  });
});
