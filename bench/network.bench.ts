/**
 * The network figures alone, as `npm run bench` takes them at its end, on a smaller organisation:
 *
 *   node -r @swc-node/register bench/network.bench.ts [--events 20000] [--health 50] [--map 5] [--keep]
 *
 * Builds the service, seeds an organisation of `--events` events into a temporary data directory,
 * adds the PMO with 2,000 contacts and 50,000 touchpoints, starts the built service on it and
 * prints the figures as one JSON line. Nothing is written to bench/results.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { measureNetworkAtScale } from './phases/network.phase';
import { seedDataDir } from './seed/seed';
import { ROOT } from './support/service';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { events: { type: 'string', default: '20000' }, health: { type: 'string', default: '50' }, map: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  execFileSync(path.join(ROOT, 'node_modules/.bin/swc'), ['apps', 'libs', 'bench', '--out-dir', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-network-'));
  try {
    await seedDataDir(dataDir, { events: Number(values.events), year: new Date().getUTCFullYear() - 1 });
    const figures = await measureNetworkAtScale(dataDir, { health: Number(values.health), map: Number(values.map) }, (line) => console.error(line));
    console.log(JSON.stringify({ loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), ...figures }));
  } finally {
    if (values.keep) console.error(`data directory kept: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`network bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
