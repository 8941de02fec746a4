/**
 * The insight funnel alone, on a seeded data directory no service runs on:
 *   npm run seed -- --events 20000 --data-dir D && node -r @swc-node/register bench/insights.bench.ts D
 * (after `npm run build`). `npm run bench` takes the same figure as part of the whole run.
 */
import { measureInsights } from './phases/insights.phase';
import { ServiceUnderTest } from './support/service';
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: node -r @swc-node/register bench/insights.bench.ts <seeded data dir> [requests]');
  const seed = JSON.parse(fs.readFileSync(path.join(dataDir, 'seed.json'), 'utf8')) as { insights: { busiestPmoId: string }; year: number };
  const { service, readyMs } = await ServiceUnderTest.start(dataDir);
  try {
    const figure = await measureInsights(service.url, service.adminToken(), seed.insights.busiestPmoId, seed.year, Number(process.argv[3] ?? 50));
    console.log(JSON.stringify({ readyMs: Math.round(readyMs), ...figure }, null, 2));
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
