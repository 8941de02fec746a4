/**
 * The assistance report alone, on a seeded data directory no service runs on:
 *   npm run seed -- --events 20000 --data-dir D && node -r @swc-node/register bench/support.bench.ts D
 * (after `npm run build`). `npm run bench` takes the same figure as part of the whole run.
 */
import { measureSupport } from './phases/support.phase';
import { ServiceUnderTest } from './support/service';
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: node -r @swc-node/register bench/support.bench.ts <seeded data dir>');
  const seed = JSON.parse(fs.readFileSync(path.join(dataDir, 'seed.json'), 'utf8')) as { portfolioPmoId: string; year: number };
  const { service, readyMs } = await ServiceUnderTest.start(dataDir);
  try {
    const figure = await measureSupport(service.url, service.adminToken(), seed.portfolioPmoId, seed.year, Number(process.argv[3] ?? 50));
    console.log(JSON.stringify({ readyMs: Math.round(readyMs), ...figure }, null, 2));
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
