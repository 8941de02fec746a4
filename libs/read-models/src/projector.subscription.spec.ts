import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  MemoryEventStore,
  openEventStoreDbEventStore,
  StoreUnavailableError,
  type EventStore,
  type EventStoreDbEventStore,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
} from '@throughline/event-store';
import { EventStoreDbTestDouble } from '../../event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import { incremented, opened } from './array-event-store.fixture';
import type { Projection } from './projection';
import { Projector, type ProjectorProgress } from './projector';
import { ProjectionFailedError } from './projector-errors';
import { ReadModelDb } from './read-model-db';
import { canSubscribe, type SubscribableStore } from './subscription-feed';

/** Records every event position it applies, once per row: a second apply of one event fails. */
class PositionLog implements Projection {
  readonly name = 'position_log';
  readonly tables = ['position_log'];
  readonly ddl = ['CREATE TABLE IF NOT EXISTS position_log (position TEXT PRIMARY KEY, stream_id TEXT NOT NULL)'];
  failOn: string | null = null;

  apply(event: RecordedEvent, db: Database): void {
    if (event.streamId === this.failOn) throw new Error('boom');
    db.prepare('INSERT INTO position_log (position, stream_id) VALUES (?, ?)').run(String(event.position), event.streamId);
  }
}

const counter = () => `counter-${randomUUID()}`;
const logged = (db: ReadModelDb): bigint[] =>
  db.connection
    .prepare('SELECT position FROM position_log')
    .pluck()
    .all()
    .map((p) => BigInt(p as string))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const storedCheckpoint = (db: ReadModelDb) => db.connection.prepare("SELECT position FROM checkpoint WHERE name = 'projector'").pluck().get();

const positionsOf = async (store: EventStore): Promise<GlobalPosition[]> => {
  const positions: GlobalPosition[] = [];
  for (;;) {
    const after = positions[positions.length - 1];
    const batch = await store.readAll(after === undefined ? {} : { after });
    if (batch.length === 0) return positions;
    positions.push(...batch.map((event) => event.position));
  }
};

const eventually = async (check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('Projector fed by a subscription (EventStoreDB, through the test double over a socket)', () => {
  let double: EventStoreDbTestDouble;
  let db: ReadModelDb;
  let log: PositionLog;
  let errors: Error[];
  const stores: EventStore[] = [];
  const projectors: Projector[] = [];

  const openStore = async (): Promise<EventStoreDbEventStore> => {
    // Every call, subscription confirmations included, runs under this deadline, and errors must
    // stay empty: leave a loaded machine room. A stopped double is noticed at once, not by it.
    const store = await openEventStoreDbEventStore({ connectionString: double.connectionString, deadlineMs: 5_000 });
    stores.push(store);
    return store;
  };
  const projector = (store: EventStore, options: { batchSize?: number; onProgress?: (p: ProjectorProgress) => void } = {}) => {
    const created = new Projector(store, db, [log], {
      ...options,
      onError: (error) => errors.push(error),
      resubscribeBackoff: { initialMs: 20, maxMs: 200 },
    });
    projectors.push(created);
    return created;
  };
  const append = (store: EventStore, streamId: string, events: NewEvent[]) => store.append(streamId, events, 'any');

  beforeEach(async () => {
    double = await EventStoreDbTestDouble.start();
    db = ReadModelDb.open(':memory:');
    log = new PositionLog();
    errors = [];
  });
  afterEach(async () => {
    for (const p of projectors.splice(0)) await p.stop();
    for (const store of stores.splice(0)) await store.close();
    await double.stop();
    db.close();
  });

  it('is chosen by what the store can do: EventStoreDB subscribes, the embedded stores do not', async () => {
    const store = await openStore();
    // Checked by the compiler: the adapter fits the shape the projector asks for.
    const subscribable: SubscribableStore & EventStore = store;

    expect(canSubscribe(subscribable)).toBe(true);
    expect(canSubscribe(new MemoryEventStore())).toBe(false);
  });

  it('catches up from the start, then follows appends made by another instance, each event once and in order', async () => {
    const writer = await openStore();
    const first = counter();
    await append(writer, first, [opened('pmo-1'), incremented(1), incremented(2)]);
    const p = projector(await openStore());

    await p.start();
    expect(logged(db)).toEqual(await positionsOf(writer));
    expect(await p.isCaughtUp()).toBe(true);

    // The writer is another client: the projector's store never hears of this append itself.
    const later = await append(writer, counter(), [opened('pmo-1'), incremented(5)]);
    await p.waitFor(later.position, { timeoutMs: 5_000 });

    expect(logged(db)).toEqual(await positionsOf(writer));
    expect(storedCheckpoint(db)).toBe(String(later.position));
    expect(p.position).toBe(later.position);
    expect(errors).toEqual([]);
  });

  it('commits each batch with its checkpoint, no larger than the batch size', async () => {
    const writer = await openStore();
    for (let n = 0; n < 7; n += 1) await append(writer, counter(), [opened('pmo-1')]);
    const progress: { checkpoint: unknown; rows: number; position: bigint; applied: number }[] = [];
    const p = projector(await openStore(), {
      batchSize: 3,
      onProgress: ({ position, applied }) => progress.push({ checkpoint: storedCheckpoint(db), rows: logged(db).length, position, applied }),
    });

    await p.start();

    const all = await positionsOf(writer);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress[progress.length - 1]).toMatchObject({ position: all[6], applied: 7, rows: 7 });
    for (const [index, step] of progress.entries()) {
      // The rows and the checkpoint became visible together: exactly the events up to the checkpoint.
      expect(step.checkpoint).toBe(String(step.position));
      expect(step.rows).toBe(step.applied);
      expect(all[step.applied - 1]).toBe(step.position);
      expect(step.applied - (index === 0 ? 0 : progress[index - 1].applied)).toBeLessThanOrEqual(3);
    }
  });

  it('resumes after a restart from its checkpoint, never skipping and never applying twice', async () => {
    const writer = await openStore();
    await append(writer, counter(), [opened('pmo-1'), incremented(1)]);
    const before = projector(await openStore());
    await before.start();
    await before.stop();

    await append(writer, counter(), [opened('pmo-1'), incremented(2), incremented(3)]);
    const after = projector(await openStore());
    await after.start();

    // position is the primary key: an event applied twice would have failed the batch.
    expect(logged(db)).toEqual(await positionsOf(writer));
    expect(errors).toEqual([]);
  });

  it('while the server is away, refuses waits and readiness with StoreUnavailableError; then resubscribes from its checkpoint', async () => {
    const writer = await openStore();
    await append(writer, counter(), [opened('pmo-1')]);
    const p = projector(await openStore());
    await p.start();
    const reached = p.position as bigint;

    await double.stop();
    await eventually(() => p.isCaughtUp().then(() => false, (error) => error instanceof StoreUnavailableError));
    await expect(p.waitFor(reached + 1n, { timeoutMs: 60_000 })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(errors.some((error) => /subscribing again in \d+ ms/.test(error.message))).toBe(true);

    await double.restart();
    // The writer's first calls may still meet the old connection: retry until one lands.
    await eventually(() => append(writer, counter(), [opened('pmo-2')]).then(() => true, () => false));
    await eventually(() => p.isCaughtUp().catch(() => false));

    expect(logged(db)).toEqual(await positionsOf(writer));
    expect(logged(db)).toHaveLength(2);
  });

  it('stops on a projection failure, applying nothing after it, and rebuilds from the start', async () => {
    const writer = await openStore();
    const failing = counter();
    await append(writer, counter(), [opened('pmo-1')]);
    await append(writer, failing, [opened('pmo-1')]);
    const lastAppend = await append(writer, counter(), [opened('pmo-1')]);
    log.failOn = failing;
    const p = projector(await openStore(), { batchSize: 1 });

    await expect(p.start()).rejects.toBeInstanceOf(ProjectionFailedError);
    const all = await positionsOf(writer);
    expect(logged(db)).toEqual(all.slice(0, 1));
    await expect(p.waitFor(lastAppend.position)).rejects.toBeInstanceOf(ProjectionFailedError);

    log.failOn = null;
    await p.rebuild();

    expect(logged(db)).toEqual(all);
    expect(p.position).toBe(lastAppend.position);
  });
});
