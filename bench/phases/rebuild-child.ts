/**
 * Rebuilds every read model of PMO_DATA_DIR the way `npm run projections:rebuild` does (same
 * projections, same batch size), in a process of its own so its peak memory is its own. Run from
 * the build (dist/bench/phases/rebuild-child.js), it prints one JSON line.
 */
import { Projector, ReadModelDb } from '@throughline/read-models';
import { loadConfig, openEventStore, readModelsLocation, projectionsFor } from '@throughline/runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = openEventStore(config);
  const db = ReadModelDb.open(readModelsLocation(config));
  let events = 0;
  let peakHeapMb = 0;
  const projector = new Projector(store, db, projectionsFor(store), {
    onProgress: ({ applied }) => {
      events = applied;
      peakHeapMb = Math.max(peakHeapMb, process.memoryUsage().heapUsed / 2 ** 20);
    },
  });
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  try {
    const started = process.hrtime.bigint();
    await projector.rebuild();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      JSON.stringify({
        events,
        ms,
        // maxRSS is in KiB: the most this process ever held resident, start-up included.
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        rssBeforeMb,
        peakHeapMb,
      }),
    );
  } finally {
    await projector.stop();
    db.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`rebuild failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
