import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '@throughline/testing';
import { seedDataDir } from '../bench/seed/seed';
import { MIN_SEED_EVENTS } from '../bench/seed/simulation';
import { ESTABLISH_PMO, GET_PMO } from './support/operations';
import { runCli } from './support/run-cli';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(180_000);

/** The one line a refused start or command writes, naming the directory and the owner's pid. */
const inUse = (dataDir: string, pid: number | undefined) => `data directory ${dataDir} is in use by pid ${pid} (the service`;

describe('a data directory has one owner', () => {
  const dataDir = tempDataDir();
  const env = { PMO_DATA_DIR: dataDir };
  const services: ServiceProcess[] = [];
  const service = async () => {
    const started = new ServiceProcess(dataDir, await freePort());
    services.push(started);
    return started;
  };
  afterAll(async () => {
    for (const started of services) await started.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let first: ServiceProcess;
  let pmoId: string;

  beforeAll(async () => {
    first = await service();
    await first.start();
    pmoId = (await first.adminClient().ok(ESTABLISH_PMO, { input: { name: 'Owned office', kind: 'PORTFOLIO' } })).establishPmo.id;
  });

  it('refuses a second service on the same directory with one line naming it and the owner, and exits non-zero', async () => {
    const second = await service();

    const { code, stderr } = await second.runUntilExit(90_000);

    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.includes('is in use'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'fatal', message: expect.stringContaining(inUse(dataDir, first.pid)) });
    // The owner is undisturbed: it still takes writes and answers ready.
    await first.adminClient().ok(ESTABLISH_PMO, { input: { name: 'Still owned', kind: 'PROJECT' } });
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
  });

  it('lets the read-only commands run beside the service', () => {
    const replay = runCli('replay.ts', ['--pmo', pmoId, '--json'], env);
    const verify = runCli('audit-verify.ts', [], env);

    expect(replay.status).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ pmo: expect.objectContaining({ name: 'Owned office' }) });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('no problem found');
  });

  it('refuses the commands that write to the directory while the service runs', async () => {
    const rebuild = runCli('rebuild-projections.ts', [], env);
    // Refused before it would reach the EventStoreDB named: nothing listens there.
    const migrate = runCli('migrate.ts', ['--from', 'sqlite', '--to', 'eventstoredb'], { ...env, EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' });
    const seeding = seedDataDir(dataDir, { events: MIN_SEED_EVENTS, year: 2025 });

    expect(rebuild.status).toBe(1);
    expect(rebuild.stderr).toContain(inUse(dataDir, first.pid));
    expect(rebuild.stdout).not.toContain('rebuilt read models');
    expect(migrate.status).toBe(1);
    expect(migrate.stderr).toContain(`migrate: ${inUse(dataDir, first.pid)}`);
    await expect(seeding).rejects.toThrow(inUse(dataDir, first.pid));
  });

  it('starts on the directory of a service killed with -9, whose lock is left behind', async () => {
    await first.kill();
    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(true);
    const next = await service();

    await next.start();

    expect(next.log).toContain(`from pid ${first.pid}, which did not stop cleanly`);
    expect((await next.adminClient().ok(GET_PMO, { id: pmoId })).pmo.name).toBe('Owned office');
  });

  it('lets go of the directory when stopped with SIGTERM, so a writing command may run', async () => {
    const last = services[services.length - 1];

    expect(await last.stop()).toBe(0);

    expect(fs.existsSync(path.join(dataDir, 'owner.lock'))).toBe(false);
    const rebuild = runCli('rebuild-projections.ts', [], env);
    expect(rebuild.status).toBe(0);
    expect(rebuild.stdout).toMatch(/rebuilt read models from \d+ events/);
  });
});
