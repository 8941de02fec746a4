import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import {
  type EventStoreDbEventStore,
  openEventStoreDbEventStore,
  PERSONAL_KEYS_FILE,
  SqliteEventStore,
  SqlitePersonalKeyStore,
  type StoredEventReader,
  type StoredRecordedEvent,
  StoreVerifier,
} from '@throughline/event-store';
import { EventStoreDbTestDouble } from '../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import { daysFromToday, today } from './support/days';
import { DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, LOG_WORK, PLAN_ACTIVITY, RECORD_PROGRESS } from './support/operations';
import { runCli, runCliAsync } from './support/run-cli';
import { freePort } from '@throughline/testing';
import { startTestApp, tempDataDir } from './support/test-app';

jest.setTimeout(240_000);

const MIGRATE = ['--from', 'sqlite', '--to', 'eventstoredb'];
/** A stream written straight through the store: long runs of one stream, commands of three events each. */
const BULK_STREAM = `ledger-${randomUUID()}`;
const PROGRESS_COMMAND = 'migrate-progress-week-1';
const BULK_COMMAND = 'bulk-append-4';
/** People with a key, and erased, in the source's personal key store. */
const KEPT_SUBJECT = randomUUID();
const ERASED_SUBJECT = randomUUID();

/** Every event of a store's feed as stored, page by page. */
async function everything(store: StoredEventReader): Promise<StoredRecordedEvent[]> {
  const events: StoredRecordedEvent[] = [];
  for (;;) {
    const after = events.length === 0 ? undefined : events[events.length - 1].position;
    const page = await store.readAllStored({ ...(after === undefined ? {} : { after }), maxCount: 100 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/** An event without its position, which each store assigns in its own numbering. */
const placeless = ({ position: _position, ...event }: StoredRecordedEvent) => event;

describe('npm run migrate -- --from sqlite --to eventstoredb', () => {
  const dataDir = tempDataDir();
  let source: SqliteEventStore;
  let sourceEvents: StoredRecordedEvent[];
  let pmoStream: string;
  let keptKey: Buffer;
  const doubles: EventStoreDbTestDouble[] = [];
  const targets: EventStoreDbEventStore[] = [];

  const startDouble = async () => {
    const double = await EventStoreDbTestDouble.start();
    doubles.push(double);
    return double;
  };
  const openTarget = async (double: EventStoreDbTestDouble) => {
    const target = await openEventStoreDbEventStore({ connectionString: double.connectionString });
    targets.push(target);
    return target;
  };
  const migrate = (double: EventStoreDbTestDouble, args: string[] = [], onStdout?: Parameters<typeof runCliAsync>[3]) =>
    runCliAsync('migrate.ts', [...MIGRATE, ...args], { PMO_DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: double.connectionString }, onStdout);
  /** The service's events the double holds, in its log order: no system events, no command claims. */
  const storedIds = (double: EventStoreDbTestDouble) =>
    double
      .events()
      .filter((event) => !event.streamName.startsWith('$') && !event.streamName.startsWith('_throughline.'))
      .map((event) => event.id);

  beforeAll(async () => {
    // A PMO built through the real service, one mutation carrying a commandId.
    const t = await startTestApp({ dataDir });
    try {
      const pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Digital programme office', kind: 'PROGRAMME' } })).establishPmo.id as string;
      pmoStream = `pmo-${pmoId}`;
      const metric = { name: 'On time', unit: '%', baseline: 0, target: 100 };
      const objective = await t.admin.ok(DEFINE_OBJECTIVE, { input: { pmoId, title: 'On time', metric, dueOn: daysFromToday(200), owner: 'Grace' } });
      await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId: objective.defineObjective.id, value: 30, measuredOn: today(), commandId: PROGRESS_COMMAND } });
      const plan = await t.admin.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) } });
      const activity = await t.admin.ok(PLAN_ACTIVITY, {
        input: { planId: plan.draftBusinessPlan.id, title: 'Reviews', responsible: 'Grace', mode: 'DIRECT', startsOn: daysFromToday(-30), endsOn: daysFromToday(60) },
      });
      for (const hours of [2, 3]) {
        await t.admin.ok(LOG_WORK, { input: { pmoId, workedOn: today(), hours, description: 'Gate review', activityId: activity.planActivity.id } });
      }
    } finally {
      await t.close();
    }
    // Then one long stream straight through the store: runs longer than a batch, commands of three events.
    source = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
    const metadata = { actor: 'migration-test', correlationId: randomUUID() };
    for (let n = 0; n < 8; n += 1) {
      const events = [0, 1, 2].map((k) => ({ type: 'LedgerLine', data: { n, k }, metadata }));
      await source.append(BULK_STREAM, events, n === 0 ? 'no_stream' : n * 3 - 1, n % 2 === 0 ? { command: { id: `bulk-append-${n}`, hash: `h${n}` } } : undefined);
    }
    sourceEvents = await everything(source);
    const keys = new SqlitePersonalKeyStore({ file: path.join(dataDir, PERSONAL_KEYS_FILE) });
    keptKey = await keys.keyFor(KEPT_SUBJECT);
    await keys.destroy(ERASED_SUBJECT);
    await keys.close();
  });

  afterEach(async () => {
    await Promise.all(targets.splice(0).map((target) => target.close()));
    await Promise.all(doubles.splice(0).map((double) => double.stop()));
  });

  afterAll(async () => {
    await source?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('copies every event as stored and the command records, verifies the target, and a second run copies nothing', async () => {
    expect(sourceEvents.length).toBeGreaterThan(30);
    const double = await startDouble();

    const run = await migrate(double, ['--batch', '2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`copied ${sourceEvents.length} of ${sourceEvents.length} events`);
    expect(run.stdout).toMatch(/verified: \d+ events/);
    // The service left read models whose checkpoint counts SQLite positions.
    expect(run.stdout).toContain(`move ${path.join(dataDir, 'read-models.sqlite')} aside`);

    const target = await openTarget(double);
    const copied = await everything(target);
    // Ids, streams, revisions, types, schema versions, data, metadata with recordedAt, hashes: all equal, in the same order.
    expect(copied.map(placeless)).toEqual(sourceEvents.map(placeless));
    const report = await new StoreVerifier(target).verifyAll();
    expect(report).toMatchObject({ ok: true, checkedEvents: sourceEvents.length });
    for (const commandId of [PROGRESS_COMMAND, BULK_COMMAND]) {
      const record = await source.findCommand(commandId);
      expect(record).not.toBeNull();
      expect(await target.findCommand(commandId)).toEqual(record);
    }
    expect((await source.findCommand(BULK_COMMAND))?.toRevision).toBe(14);
    // The personal keys moved too, before the events that are sealed under them; the erased stay erased.
    expect(run.stdout).toContain('personal keys and tombstones: 2 moved, 0 there already');
    expect(await target.personalKeys().lookup(KEPT_SUBJECT)).toEqual({ state: 'live', key: keptKey });
    expect(await target.personalKeys().isDestroyed(ERASED_SUBJECT)).toBe(true);

    const again = await migrate(double);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`already holding the first ${sourceEvents.length}`);
    expect(again.stdout).toContain('personal keys and tombstones: 0 moved, 2 there already');
    expect(storedIds(double)).toEqual(sourceEvents.map((event) => event.id));
  });

  it('stops after --limit events and continues where it stopped on the next run, each event stored once', async () => {
    const double = await startDouble();

    const first = await migrate(double, ['--limit', '5', '--batch', '2']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/stopped after \d+ events as --limit asked/);
    const part = storedIds(double);
    expect(part.length).toBeGreaterThanOrEqual(5);
    expect(part.length).toBeLessThan(sourceEvents.length);
    expect(part).toEqual(sourceEvents.slice(0, part.length).map((event) => event.id));

    const dry = await migrate(double, ['--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(`would copy ${sourceEvents.length - part.length} events`);
    expect(storedIds(double)).toEqual(part);

    const rest = await migrate(double);
    expect(rest.status).toBe(0);
    expect(rest.stdout).toContain(`already holding the first ${part.length}`);
    expect(storedIds(double)).toEqual(sourceEvents.map((event) => event.id));
  });

  it('resumes after the process was killed in the middle of the copy, without duplicating an event', async () => {
    const double = await startDouble();

    // Killed among the long stream's commands, whose claims are written before their events.
    const killed = await migrate(double, ['--batch', '1'], (stdout, child) => {
      if (/copied ([89]|\d\d) of/.test(stdout)) child.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    const part = storedIds(double);
    expect(part.length).toBeLessThan(sourceEvents.length);
    expect(part).toEqual(sourceEvents.slice(0, part.length).map((event) => event.id));

    // Other batches than the interrupted run's: the resumed run must not rely on repeating its appends.
    const rest = await migrate(double, ['--batch', '5']);
    expect(rest.status).toBe(0);
    expect(rest.stdout).toMatch(/verified: \d+ events/);
    expect(storedIds(double)).toEqual(sourceEvents.map((event) => event.id));
    const target = await openTarget(double);
    expect(await target.findCommand(PROGRESS_COMMAND)).toEqual(await source.findCommand(PROGRESS_COMMAND));
  });

  it('refuses a target whose stream already holds other events, naming the stream and revision, and writes nothing', async () => {
    const double = await startDouble();
    const target = await openTarget(double);
    await target.append(pmoStream, [{ type: 'PmoEstablished', data: { name: 'Another office' }, metadata: { actor: 'someone', correlationId: randomUUID() } }], 'no_stream');
    const before = storedIds(double);

    const run = await migrate(double);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`stream ${pmoStream} at revision 0`);
    expect(storedIds(double)).toEqual(before);
  });

  it('refuses a target that holds streams this source never had', async () => {
    const double = await startDouble();
    const target = await openTarget(double);
    const stranger = `pmo-${randomUUID()}`;
    await target.append(stranger, [{ type: 'PmoEstablished', data: { name: 'Elsewhere' }, metadata: { actor: 'someone', correlationId: randomUUID() } }], 'no_stream');

    const run = await migrate(double);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`stream ${stranger} at revision 0`);
    expect(storedIds(double)).toHaveLength(1);
  });

  it('exits 1 naming the event when the copy does not verify (a damaged source, copied faithfully)', async () => {
    const damagedDir = tempDataDir();
    try {
      const file = path.join(damagedDir, 'events.sqlite');
      const store = new SqliteEventStore({ file });
      const metadata = { actor: 'migration-test', correlationId: randomUUID() };
      await store.append('plan-damaged', [0, 1, 2].map((n) => ({ type: 'PlanDrafted', data: { n }, metadata })), 'no_stream');
      await store.close();
      const db = new Database(file);
      db.prepare(`UPDATE events SET data = '{"n":7}' WHERE stream_id = 'plan-damaged' AND revision = 1`).run();
      db.close();
      const double = await startDouble();

      const run = await runCliAsync('migrate.ts', MIGRATE, { PMO_DATA_DIR: damagedDir, EVENTSTORE_CONNECTION_STRING: double.connectionString });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('the copy does not verify');
      expect(run.stderr).toContain('plan-damaged revision 1: hash does not match the event content');
    } finally {
      fs.rmSync(damagedDir, { recursive: true, force: true });
    }
  });

  it('refuses wrong usage with exit 2, and never prints the credentials of the connection string', async () => {
    const env = { PMO_DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: '' };
    const missing = runCli('migrate.ts', MIGRATE, env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('EVENTSTORE_CONNECTION_STRING is not set');

    const withSecret = { ...env, EVENTSTORE_CONNECTION_STRING: 'esdb://admin:s3cret-word@127.0.0.1:2113?tls=false' };
    for (const args of [['--from', 'postgres', '--to', 'eventstoredb'], ['--from', 'sqlite', '--to', 'memory'], ['--from', 'sqlite'], [...MIGRATE, '--batch', '0']]) {
      const run = runCli('migrate.ts', args, withSecret);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--from|--to|--batch/);
      expect(run.stdout + run.stderr).not.toContain('s3cret-word');
    }

    const port = await freePort();
    const unreachable = runCli('migrate.ts', MIGRATE, { ...env, EVENTSTORE_CONNECTION_STRING: `esdb://admin:s3cret-word@127.0.0.1:${port}?tls=false` });
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain(`127.0.0.1:${port}`);
    expect(unreachable.stdout + unreachable.stderr).not.toContain('s3cret-word');

    const noSource = runCli('migrate.ts', MIGRATE, { PMO_DATA_DIR: path.join(dataDir, 'nothing-here'), EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' });
    expect(noSource.status).toBe(2);
    expect(noSource.stderr).toContain('no event store at');
    expect(fs.existsSync(path.join(dataDir, 'nothing-here'))).toBe(false);
  });
});
