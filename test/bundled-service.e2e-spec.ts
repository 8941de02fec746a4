import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '@throughline/testing';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { EventStoreDbTestDouble } from '../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import { ensurePagesBuilt } from './support/built-pages';
import { RENAME_PMO } from './support/hostile-requests';
import { MAX_NAME } from '../apps/api/src/common/base-inputs';
import { DEFINE_OBJECTIVE, ESTABLISH_PMO, GET_PMO } from './support/operations';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..');

/**
 * `npm start` runs one bundled file, not the compiled modules the other specs load from source.
 * What a bundle can get wrong (a package that reads files beside itself, a class name Nest or
 * GraphQL depends on, an optional package's `require`, decorator metadata) shows only when it runs.
 */
beforeAll(() => {
  for (const script of ['build:service', 'build:bundle']) {
    const build = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run ${script} failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  ensurePagesBuilt();
});

describe('the bundled service that npm start runs', () => {
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    dataDir = tempDataDir();
    service = new ServiceProcess(dataDir, await freePort(), { NODE_ENV: 'production', PMO_GRAPHQL_INTROSPECTION: 'true' }, { npmStart: true });
    await service.start();
  });
  afterAll(async () => {
    await service.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a fresh data directory, records a PMO and reads it back', async () => {
    const admin = service.adminClient();
    const { establishPmo } = await admin.ok(ESTABLISH_PMO, { input: { name: 'Bundled office', kind: 'PROGRAMME' } });
    await admin.ok(RENAME_PMO, { input: { pmoId: establishPmo.id, name: 'Bundled office, renamed' } });

    const { pmo } = await admin.ok(GET_PMO, { id: establishPmo.id });

    expect(pmo).toMatchObject({ id: establishPmo.id, name: 'Bundled office, renamed', kind: 'PROGRAMME' });
  });

  it('when an input is invalid, refuses it naming the field, as class-validator does unbundled', async () => {
    const refused = await service.adminClient().fails(ESTABLISH_PMO, { input: { name: ' ', kind: 'PROJECT' } });

    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('when a nested input is invalid, refuses it naming the nested field, the nested rules read through the bundle', async () => {
    const admin = service.adminClient();
    const { establishPmo } = await admin.ok(ESTABLISH_PMO, { input: { name: 'Nested office', kind: 'PROJECT' } });
    const metric = { name: 'x'.repeat(MAX_NAME + 1), unit: 'points', baseline: 0, target: 10 };

    const refused = await admin.fails(DEFINE_OBJECTIVE, { input: { pmoId: establishPmo.id, title: 'Nested', metric, dueOn: '2030-01-31', owner: 'Grace' } });

    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'metric.name' });
  });

  it('serves the schema the sources define, every type under the name of its class', async () => {
    const { data } = (await (
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${fs.readFileSync(path.join(dataDir, 'admin.token'), 'utf8').trim()}` },
        body: JSON.stringify({ query: getIntrospectionQuery({ specifiedByUrl: true, inputValueDeprecation: true }) }),
      })
    ).json()) as { data: IntrospectionQuery };

    const committed = fs.readFileSync(path.join(ROOT, 'apps/api/schema.graphql'), 'utf8');
    expect(printSchema(lexicographicSortSchema(buildClientSchema(data)))).toBe(printSchema(lexicographicSortSchema(buildSchema(committed))));
  });

  it('serves the dashboard page it finds beside package.json', async () => {
    const response = await fetch(`${service.url}/dashboard`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('when stopped the way an operator stops it, exits cleanly', async () => {
    expect(await service.stop()).toBe(0);
  });
});

describe('the bundled service on EventStoreDB (the test double, over a real socket)', () => {
  let double: EventStoreDbTestDouble;
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    double = await EventStoreDbTestDouble.start();
    dataDir = tempDataDir();
    const env = { NODE_ENV: 'production', PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString };
    service = new ServiceProcess(dataDir, await freePort(), env, { npmStart: true });
    await service.start();
  });
  afterAll(async () => {
    await service.kill();
    await double.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('given the client left out of the bundle, loads it from node_modules and records in the store', async () => {
    const { establishPmo } = await service.adminClient().ok(ESTABLISH_PMO, { input: { name: 'Clustered office', kind: 'PORTFOLIO' } });

    expect(double.events().map((event) => event.streamName)).toContain(`pmo-${establishPmo.id}`);
  });
});
