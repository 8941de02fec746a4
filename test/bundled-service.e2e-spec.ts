import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '@throughline/testing';
import { ensurePagesBuilt } from './support/built-pages';
import { RENAME_PMO } from './support/hostile-requests';
import { ESTABLISH_PMO, GET_PMO } from './support/operations';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = 'dist/service/main.js';

/**
 * `npm start` runs one bundled file, not the compiled modules the other specs load from source.
 * What a bundle can get wrong (a package that reads files beside itself, a class name Nest or
 * GraphQL depends on, an optional package's `require`, decorator metadata) shows only when it runs.
 */
describe('the bundled service that npm start runs', () => {
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    for (const script of ['build:service', 'build:bundle']) {
      const build = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run ${script} failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
    }
    ensurePagesBuilt();
    dataDir = tempDataDir();
    service = new ServiceProcess(dataDir, await freePort(), { NODE_ENV: 'production' }, { built: BUNDLE });
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

  it('serves the dashboard page it finds beside package.json', async () => {
    const response = await fetch(`${service.url}/dashboard`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('when stopped the way an operator stops it, exits cleanly', async () => {
    expect(await service.stop()).toBe(0);
  });
});
