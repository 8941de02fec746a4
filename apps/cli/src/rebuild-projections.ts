import { DataDirOwner } from '@throughline/event-store';
import { Projector } from '@throughline/read-models';
import { loadConfig, connectEventStore, openReadModels, projectionsFor } from '@throughline/runtime';

/**
 * Drops every read model and rebuilds it from the events, printing progress. Safe to run at any
 * time: read models are derived data. It refuses a data directory a running service owns, whose
 * projector writes the same file (and would serve half-built answers meanwhile).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Read models live in the data directory with every store but memory, which keeps nothing.
  const owner = config.eventStore === 'memory' ? null : DataDirOwner.acquire(config.dataDir, 'projections:rebuild');
  const store = await connectEventStore(config);
  const db = openReadModels(config);
  const head = await store.headPosition();
  const started = Date.now();
  let lastPrint = 0;
  let count = 0;
  const projector = new Projector(store, db, projectionsFor(store), {
    onProgress: ({ position, applied }) => {
      count = applied;
      if (Date.now() - lastPrint < 500) return;
      lastPrint = Date.now();
      const share = head ? ` (${((Number(position) / Number(head)) * 100).toFixed(1)}% of the feed)` : '';
      process.stdout.write(`\r${applied} events applied${share}   `);
    },
  });
  try {
    await projector.rebuild();
    const seconds = (Date.now() - started) / 1000;
    console.log(`\nrebuilt read models from ${count} events in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001))} events/s)`);
  } finally {
    await projector.stop();
    db.close();
    await store.close();
    owner?.release();
  }
}

main().catch((error: unknown) => {
  console.error(`projections:rebuild failed: ${(error as Error).message}`);
  process.exit(1);
});
