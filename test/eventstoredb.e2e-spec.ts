import * as fs from 'node:fs';
import { Projector } from '@throughline/read-models';
import { EventStoreDbTestDouble } from '../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import { daysFromToday, today } from './support/days';
import { eventually } from './support/eventually';
import type { GraphQLClient } from './support/graphql-client';
import { AUDIT_LOG, DEFINE_OBJECTIVE, ESTABLISH_PMO, GET_OBJECTIVE, GET_PMO, RECORD_PROGRESS } from './support/operations';
import { freePort } from '@throughline/testing';
import { ServiceProcess } from './support/service-process';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

jest.setTimeout(90_000);

/** The wait a mutation allows the read models before giving up (common/decide.handler.ts). */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;
const STORE_DEADLINE_MS = 3_000;


const ready = async (url: string) => {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, body: (await response.json()) as { status: string; store: string; reason?: string } };
};

/** Every audit row the instance's read model holds, as positions, in the order it lists them. */
const auditPositions = async (client: GraphQLClient): Promise<string[]> => {
  const positions: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { auditLog: { edges: { node: { position: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
      await client.ok(AUDIT_LOG, { first: 100, after });
    positions.push(...page.auditLog.edges.map((edge) => edge.node.position));
    if (!page.auditLog.pageInfo.hasNextPage) return positions;
    after = page.auditLog.pageInfo.endCursor;
  }
};

const objectiveInput = (pmoId: string, title: string) => ({
  pmoId,
  title,
  metric: { name: 'Instances in step', unit: '%', baseline: 0, target: 100 },
  startsOn: daysFromToday(-5),
  dueOn: daysFromToday(30),
  owner: 'Grace',
});

describe('the service on EventStoreDB (the test double, over a real socket)', () => {
  let double: EventStoreDbTestDouble;
  const dataDirs: string[] = [];
  const apps: TestApp[] = [];
  // Every call the service makes runs under this deadline, so it leaves a loaded machine room;
  // it stays well below the read-your-writes wait the outage test tells it apart from.
  const env = () => ({
    PMO_EVENT_STORE: 'eventstoredb',
    EVENTSTORE_CONNECTION_STRING: double.connectionString,
    PMO_EVENTSTORE_DEADLINE_MS: String(STORE_DEADLINE_MS),
  });
  /** An instance with its own data directory (read models, secret, token), kept across restarts. */
  const instance = async (dataDir = tempDataDir()) => {
    if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
    const app = await startTestApp({ dataDir, env: env() });
    apps.push(app);
    return app;
  };
  const close = async (app: TestApp) => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };

  beforeAll(async () => {
    double = await EventStoreDbTestDouble.start();
  });
  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    await double.stop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  let first: TestApp;
  let second: TestApp;
  let pmoId: string;
  let objectiveId: string;

  it('reads its own writes, and a second instance with its own read models sees them from the same store', async () => {
    first = await instance();
    second = await instance();
    expect(await ready(first.url)).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', store: 'eventstoredb' }) });

    pmoId = (await first.admin.ok(ESTABLISH_PMO, { input: { name: 'Scaled-out office', kind: 'PORTFOLIO' } })).establishPmo.id;
    const defined = await first.admin.ok(DEFINE_OBJECTIVE, { input: objectiveInput(pmoId, 'Serve from every instance') });
    objectiveId = defined.defineObjective.id;

    // Read your writes: the instance that took the mutations answers from its read models at once.
    const own = await first.admin.ok(GET_PMO, { id: pmoId });
    expect(own.pmo.objectives).toEqual([{ id: objectiveId, status: 'ACTIVE' }]);

    // The other instance follows the store by subscription.
    const seen = await eventually(async () => {
      const answer = await second.admin.ok(GET_PMO, { id: pmoId });
      return answer.pmo?.objectives?.length === 1 ? answer.pmo : null;
    });
    expect(seen).toMatchObject({ id: pmoId, name: 'Scaled-out office', objectives: [{ id: objectiveId }] });
    expect(await auditPositions(second.admin)).toEqual(await auditPositions(first.admin));
    // Writes go both ways.
    await second.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 40, measuredOn: today() } });
    await eventually(async () => ((await first.admin.ok(GET_OBJECTIVE, { id: objectiveId })).objective.currentValue === 40 ? true : null));
  });

  it('resumes its read models after a restart: what it missed is applied, nothing twice', async () => {
    const dataDir = first.dataDir;
    await close(first);
    // Written while the first instance is down.
    await second.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 55, measuredOn: today() } });

    first = await instance(dataDir);

    // Resumed from its checkpoint, not rebuilt from the start.
    expect(first.app.get(Projector).schema).toBe('kept');
    expect((await first.admin.ok(GET_OBJECTIVE, { id: objectiveId })).objective.currentValue).toBe(55);
    const rows = await auditPositions(first.admin);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows).toEqual(await auditPositions(second.admin));
    // One audit row per event of the service's streams in the store.
    const stored = double.events().filter((event) => /^(pmo|objective)-/.test(event.streamName));
    expect(rows).toHaveLength(stored.length);
  });

  it('while the store is away: /ready says unavailable and a mutation fails fast with UNAVAILABLE; then it recovers', async () => {
    await double.stop();

    const down = await eventually(async () => {
      const answer = await ready(first.url);
      return answer.status === 503 && answer.body.status === 'unavailable' ? answer.body : null;
    });
    expect(down).toMatchObject({ store: 'eventstoredb', reason: expect.stringContaining(`127.0.0.1:${double.port}`) });
    const started = Date.now();
    const refused = await first.admin.fails(RECORD_PROGRESS, { input: { objectiveId, value: 60, measuredOn: today() } });
    const took = Date.now() - started;
    expect(refused.extensions?.code).toBe('UNAVAILABLE');
    // Refused by the store's own deadline, not left to the read-your-writes wait.
    expect(took).toBeLessThan(READ_YOUR_WRITES_TIMEOUT_MS);

    // The same server comes back with the same events.
    await double.restart();
    for (const app of [first, second]) {
      await eventually(async () => ((await ready(app.url)).status === 200 ? true : null), 30_000);
    }
    const recorded = await first.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 70, measuredOn: today() } });
    expect(recorded.recordProgress.currentValue).toBe(70);
    await eventually(async () => ((await second.admin.ok(GET_OBJECTIVE, { id: objectiveId })).objective.currentValue === 70 ? true : null));
    expect(await auditPositions(second.admin)).toEqual(await auditPositions(first.admin));
  });
});

describe('a data directory moved from the embedded store to EventStoreDB', () => {
  it('rebuilds its read models from EventStoreDB instead of resuming the embedded store\'s', async () => {
    const dataDir = tempDataDir();
    const double = await EventStoreDbTestDouble.start();
    try {
      const embedded = await startTestApp({ dataDir });
      await embedded.admin.ok(ESTABLISH_PMO, { input: { name: 'Only in SQLite', kind: 'PORTFOLIO' } });
      await embedded.app.close();

      const moved = await startTestApp({ dataDir, env: { PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString } });
      try {
        const created = await moved.admin.ok(ESTABLISH_PMO, { input: { name: 'In EventStoreDB', kind: 'PORTFOLIO' } });

        const listed = await moved.admin.ok('{ pmos { id name } }');
        expect(listed.pmos).toEqual([{ id: created.establishPmo.id, name: 'In EventStoreDB' }]);
        expect(await auditPositions(moved.admin)).toHaveLength(double.events().filter((event) => event.streamName.startsWith('pmo-')).length);
      } finally {
        await moved.app.close();
      }
    } finally {
      await double.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('start-up against an EventStoreDB that cannot serve it (the service as its own process)', () => {
  // How long the start-up check waits is bounded by the service itself (at most 8 s, as its
  // message says); the limit here only ends a service that never exits, so a slow machine's
  // boot time cannot make a correct service fail.
  const START_UP_LIMIT_MS = 60_000;
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDataDir();
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const startAgainst = async (connectionString: string) =>
    new ServiceProcess(dataDir, await freePort(), { PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString }).runUntilExit(
      START_UP_LIMIT_MS,
    );

  it('exits non-zero with one line naming host:port when nothing listens there', async () => {
    const port = await freePort();

    const { code, stderr } = await startAgainst(`esdb://127.0.0.1:${port}?tls=false`);

    expect(code).not.toBeNull(); // null: still running when the limit passed, and killed
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'fatal', message: expect.stringContaining(`EventStoreDB at 127.0.0.1:${port}`) });
  });

  it('exits non-zero naming host:port when the server accepts connections and never answers', async () => {
    const silent = await EventStoreDbTestDouble.start({ silent: true });
    try {
      const { code, stderr } = await startAgainst(`esdb://127.0.0.1:${silent.port}?tls=false`);

      expect(code).not.toBeNull();
      expect(code).not.toBe(0);
      expect(stderr).toContain(`EventStoreDB at 127.0.0.1:${silent.port} did not answer`);
      // It gave up on its own deadline, bounded whatever the configured per-call deadline.
      const waited = Number(/did not answer within (\d+) ms/.exec(stderr)?.[1]);
      expect(waited).toBeGreaterThan(0);
      expect(waited).toBeLessThanOrEqual(8_000);
    } finally {
      await silent.stop();
    }
  });

  it('never prints the password of the connection string, failing or running', async () => {
    const silent = await EventStoreDbTestDouble.start({ silent: true });
    try {
      const failed = await startAgainst(`esdb://admin:s3cret@127.0.0.1:${silent.port}?tls=false`);
      expect(failed.code).not.toBe(0);
      expect(failed.stderr).toContain(`127.0.0.1:${silent.port}`);
      expect(`${failed.stdout}${failed.stderr}`).not.toContain('s3cret');
    } finally {
      await silent.stop();
    }

    const server = await EventStoreDbTestDouble.start();
    const service = new ServiceProcess(dataDir, await freePort(), {
      PMO_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: `esdb://admin:s3cret@127.0.0.1:${server.port}?tls=false`,
      PMO_EVENTSTORE_DEADLINE_MS: String(STORE_DEADLINE_MS),
      LOG_LEVEL: 'info',
    });
    try {
      await service.start();
      await service.adminClient().ok(ESTABLISH_PMO, { input: { name: 'Quiet office', kind: 'PORTFOLIO' } });
      await server.stop();
      const unavailable = await eventually(async () => {
        const answer = await ready(service.url);
        return answer.body.status === 'unavailable' ? answer.body : null;
      });
      await eventually(async () => (/subscribing again/.test(service.log) ? true : null));

      expect(unavailable.reason).toContain(`127.0.0.1:${server.port}`);
      expect(JSON.stringify(unavailable)).not.toContain('s3cret');
      expect(service.log).toContain(`127.0.0.1:${server.port}`);
      expect(service.log).not.toContain('s3cret');
    } finally {
      await service.kill();
      await server.stop();
    }
  });
});
