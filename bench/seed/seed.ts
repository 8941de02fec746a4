/**
 * Fills a data directory with a synthetic organisation's year, written through the real command
 * path into the real SQLite event store:
 *
 *   npm run seed -- --events 200000 [--data-dir ./data] [--year 2025] [--seed 42] [--large-network]
 *
 * The read models are built by the service on its next start (or `npm run projections:rebuild`).
 * The distribution is described in bench/README.md; a summary is printed and kept in seed.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirOwner, SqliteEventStore } from '@throughline/event-store';
import { seedLargeNetwork } from './network-at-scale';
import { SimulatedClock } from './seed-writer';
import { MIN_SEED_EVENTS, seedOrganisation, type SeedSummary } from './simulation';

const USAGE = `usage: npm run seed -- --events N [--data-dir D] [--year YYYY] [--seed S] [--large-network]

  --events    events to write, at least ${MIN_SEED_EVENTS} (about 700 per person-year of work)
  --data-dir  data directory (default: $PMO_DATA_DIR or ./data); its event store must be empty
  --year      calendar year to simulate (default: last year)
  --seed      seed of the generator (default 42): the same seed gives the same organisation
  --large-network
              then adds one PMO with a network of 2,000 contacts and 50,000 touchpoints over the
              two years up to yesterday (about 60,000 events more than N), as the bench measures`;

export const SEED_SUMMARY_FILE = 'seed.json';
const EVENTS_FILE = 'events.sqlite';

export interface SeedRun {
  readonly summary: SeedSummary;
  readonly seconds: number;
}

/** Seeds `dataDir`, refusing one whose event store already holds events. */
export async function seedDataDir(
  dataDir: string,
  options: { events: number; year: number; seed?: number; progress?: boolean },
): Promise<SeedRun> {
  fs.mkdirSync(dataDir, { recursive: true });
  // A service on the same directory would append beside the simulation and project its rows twice.
  const owner = DataDirOwner.acquire(dataDir, 'seed');
  const clock = new SimulatedClock();
  const store = new SqliteEventStore({ file: path.join(dataDir, EVENTS_FILE), clock: clock.read });
  const started = process.hrtime.bigint();
  try {
    const head = await store.headPosition();
    if (head !== null) throw new Error(`${path.join(dataDir, EVENTS_FILE)} already holds events; seed an empty data directory`);
    let lastPrint = 0;
    const summary = await seedOrganisation(store, clock, {
      events: options.events,
      year: options.year,
      seed: options.seed,
      onDay: (day, appended) => {
        if (!options.progress || Date.now() - lastPrint < 500) return;
        lastPrint = Date.now();
        process.stderr.write(`\r${day}: ${appended} of ${options.events} events   `);
      },
    });
    if (options.progress) process.stderr.write('\n');
    fs.writeFileSync(path.join(dataDir, SEED_SUMMARY_FILE), `${JSON.stringify(summary, null, 2)}\n`);
    return { summary, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    await store.close();
    owner.release();
  }
}

const wholeNumber = (flag: string, raw: string | undefined, fallback?: number): number => {
  if (raw === undefined) {
    if (fallback === undefined) fail(`--${flag} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value)) fail(`--${flag} must be a whole number, got "${raw}"`);
  return value;
};

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: {
        events: { type: 'string' },
        'data-dir': { type: 'string' },
        year: { type: 'string' },
        seed: { type: 'string' },
        'large-network': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  const text = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  const events = wholeNumber('events', text('events'));
  if (events < MIN_SEED_EVENTS) fail(`--events must be at least ${MIN_SEED_EVENTS}, got ${events}`);
  const thisYear = new Date().getUTCFullYear();
  const year = wholeNumber('year', text('year'), thisYear - 1);
  if (year >= thisYear) fail(`--year must lie in the past (work is never logged ahead of today), got ${year}`);
  const seed = wholeNumber('seed', text('seed'), 42);
  const dataDir = path.resolve(text('data-dir') ?? (process.env.PMO_DATA_DIR?.trim() || 'data'));

  const { summary, seconds } = await seedDataDir(dataDir, { events, year, seed, progress: true });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const largeNetwork = values['large-network'] === true ? await seedLargeNetwork(dataDir, { lastDay: yesterday, seed }) : undefined;
  if (largeNetwork) fs.writeFileSync(path.join(dataDir, SEED_SUMMARY_FILE), `${JSON.stringify({ ...summary, largeNetwork }, null, 2)}\n`);
  console.log(
    JSON.stringify({ dataDir, seconds: Math.round(seconds * 10) / 10, eventsPerSec: Math.round(summary.events / seconds), ...summary, ...(largeNetwork ? { largeNetwork } : {}) }, null, 2),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
