/**
 * The organisation's summary alone, on a seeded data directory no service runs on:
 *   npm run seed -- --events 1000000 --data-dir D && npm run build && node -r @swc-node/register bench/leadership.bench.ts D [requests] [asOfRequests]
 * `npm run bench` takes the same figures as part of the whole run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureOrganisationSummary } from './phases/leadership.phase';
import { ServiceUnderTest } from './support/service';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: node -r @swc-node/register bench/leadership.bench.ts <seeded data dir> [requests] [asOfRequests]');
  const seed = JSON.parse(fs.readFileSync(path.join(dataDir, 'seed.json'), 'utf8')) as { year: number };
  // A freshly seeded store is projected by this first start: at a million events, minutes.
  const { service, readyMs } = await ServiceUnderTest.start(dataDir, { timeoutMs: 30 * 60_000 });
  try {
    const figure = await measureOrganisationSummary(service.url, service.adminToken(), seed.year, Number(process.argv[3] ?? 50), Number(process.argv[4] ?? 10));
    console.log(JSON.stringify({ readyMs: Math.round(readyMs), ...figure }, null, 2));
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
