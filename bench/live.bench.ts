/**
 * The live-update figures alone, as `npm run bench` takes them, on a smaller organisation:
 *
 *   node -r @swc-node/register bench/live.bench.ts [--events 20000] [--mutations 200] [--subscribers 50] [--catch-up 10000] [--keep]
 *
 * Builds the service, seeds an organisation of `--events` events into a temporary data directory,
 * starts the built service on it and prints the figures as one JSON line, with the load average
 * before and after. Nothing is written to bench/results.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { measureLive } from './phases/live.phase';
import { seedDataDir } from './seed/seed';
import { ROOT, ServiceUnderTest } from './support/service';

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

const whole = (flag: string, raw: string, min: number): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${flag} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '20000' },
      mutations: { type: 'string', default: '200' },
      subscribers: { type: 'string', default: '50' },
      'catch-up': { type: 'string', default: '10000' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const events = whole('events', values.events, 2_000);
  const settings = { mutations: whole('mutations', values.mutations, 1), subscribers: whole('subscribers', values.subscribers, 1), catchUpEvents: whole('catch-up', values['catch-up'], 1) };
  if (settings.catchUpEvents >= events) throw new Error(`--catch-up ${settings.catchUpEvents} needs a store of more events than that (--events ${events})`);

  execFileSync(path.join(ROOT, 'node_modules/.bin/swc'), ['apps', 'libs', 'bench', '--out-dir', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-live-'));
  let service: ServiceUnderTest | null = null;
  try {
    const { summary } = await seedDataDir(dataDir, { events, year: new Date().getUTCFullYear() - 1 });
    const started = await ServiceUnderTest.start(dataDir);
    service = started.service;
    console.error(`seeded ${summary.events} events; the service projected them and was ready in ${Math.round(started.readyMs)} ms`);
    const loadBefore = loadAverage();
    const figures = await measureLive(
      { url: service.url, token: service.adminToken(), dataDir, objectiveIds: summary.anchor.objectiveIds },
      settings,
      (line) => console.error(line),
    );
    console.log(JSON.stringify({ events: summary.events, loadAverage: { before: loadBefore, after: loadAverage() }, cores: os.cpus().length, ...figures }));
  } finally {
    await service?.stop();
    if (values.keep) console.error(`data directory kept: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`live bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
