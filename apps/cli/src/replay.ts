import * as fs from 'node:fs';
import * as path from 'node:path';
import { AsOfFolds } from '@throughline/read-models';
import { loadConfig, isEntityId, connectEventStore, EVENTS_FILE, openPersonalDataVault, readModelsLocation } from '@throughline/runtime';
import { fail, parseCommandLine } from './cli-args';
import { findPmoEntities } from './replay/pmo-entities';
import { snapshotPmo } from './replay/pmo-snapshot';
import { renderSnapshot } from './replay/render-snapshot';

const USAGE = `Prints a PMO as it stood at a recorded instant: its mandate, its objectives (target, current
value, health) and its plan. Reads the events in this data directory (PMO_DATA_DIR, default ./data);
safe while the service runs. Personal data is shown as it is now: null once its person was erased,
whatever the instant asked for.

usage: npm run replay -- --pmo <id> [--as-of <instant>] [--json]

  --pmo     the PMO's id
  --as-of   an ISO 8601 instant, e.g. 2026-03-31T17:00:00Z (default: now)
  --json    print JSON instead of text`;

/** An ISO 8601 date-time with an explicit offset, normalised to the store's UTC form. */
function parseInstant(raw: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) return null;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

async function main(): Promise<void> {
  const args = parseCommandLine(
    {
      pmo: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const pmoId = args.pmo?.trim().toLowerCase();
  if (!pmoId) fail('--pmo is required', USAGE);
  if (!isEntityId(pmoId)) fail(`--pmo ${args.pmo} is not a PMO id`);
  const asOf = args['as-of'] === undefined ? new Date().toISOString() : parseInstant(args['as-of']);
  if (!asOf) fail(`--as-of ${args['as-of']} is not an ISO 8601 instant with a time zone, e.g. 2026-03-31T17:00:00Z`);

  const config = loadConfig();
  const eventsFile = path.join(config.dataDir, EVENTS_FILE);
  if (config.eventStore === 'sqlite' && !fs.existsSync(eventsFile)) fail(`no event store at ${eventsFile}; set PMO_DATA_DIR to the service's data directory`);
  const store = await connectEventStore(config);
  // Only read: the keys personal data is sealed under, beside the events.
  const vault = openPersonalDataVault(config, store, { readonly: true });
  try {
    const owned = await findPmoEntities(store, config.eventStore === 'memory' ? null : readModelsLocation(config), pmoId);
    const folded = await snapshotPmo(new AsOfFolds(store), pmoId, owned, asOf);
    if (!folded) {
      console.error(`PMO ${pmoId} did not exist as of ${asOf}`);
      process.exitCode = 1;
      return;
    }
    // Folded from the events, personal fields are sealed: every one is opened, or null once erased.
    const snapshot = await vault.openDeep(folded);
    console.log(args.json ? JSON.stringify(snapshot, null, 2) : renderSnapshot(snapshot));
  } finally {
    await vault.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`replay failed: ${(error as Error).message}`);
  process.exit(1);
});
