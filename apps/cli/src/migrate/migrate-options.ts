import * as path from 'node:path';
import { EVENTS_FILE } from '@throughline/runtime';
import { MigrationUsageError } from './migration-error';

export const USAGE = `Copies every event of this data directory's SQLite event store (PMO_DATA_DIR, default ./data)
into EventStoreDB (EVENTSTORE_CONNECTION_STRING), in global order with ids, metadata and hashes
intact, together with the command records; then verifies the copy. Stop the service first.
Running it again after an interruption continues where the copy stopped.

usage: npm run migrate -- --from sqlite --to eventstoredb [--batch <n>] [--limit <n>] [--dry-run]

  --from      the store to copy from: sqlite
  --to        the store to copy into: eventstoredb
  --batch     events read at a time, and the most written in one append (default 500)
  --limit     stop after copying about this many events (a command's events stay together);
              run again to go on
  --dry-run   only report what is there and what would be copied; write nothing

exit status: 0 copied and verified (or a dry run / --limit run went well), 1 the migration stopped
or the copy did not verify, 2 wrong usage or configuration`;

export interface MigrateOptions {
  readonly sourceFile: string;
  readonly connectionString: string;
  readonly batch: number;
  readonly limit: number | null;
  readonly dryRun: boolean;
}

const DEFAULT_BATCH = 500;
/** Keeps one append well inside EventStoreDB's maximum append size (16 MiB by default). */
const MAX_BATCH = 5_000;

/** The parsed flags and the environment; anything wrong is a MigrationUsageError naming it. */
export function migrateOptions(
  flags: { from?: string; to?: string; batch?: string; limit?: string; 'dry-run'?: boolean },
  env: NodeJS.ProcessEnv,
): MigrateOptions {
  if (flags.from === undefined || flags.to === undefined) throw new MigrationUsageError('--from and --to are required');
  if (flags.from !== 'sqlite') throw new MigrationUsageError(`--from ${flags.from} is not supported: migrations copy from sqlite`);
  if (flags.to !== 'eventstoredb') throw new MigrationUsageError(`--to ${flags.to} is not supported: migrations copy into eventstoredb`);
  const connectionString = env.EVENTSTORE_CONNECTION_STRING?.trim();
  if (!connectionString) {
    throw new MigrationUsageError('EVENTSTORE_CONNECTION_STRING is not set: it names the EventStoreDB to copy into, e.g. esdb://localhost:2113?tls=false');
  }
  return {
    sourceFile: path.join(path.resolve(env.PMO_DATA_DIR?.trim() || 'data'), EVENTS_FILE),
    connectionString,
    batch: flags.batch === undefined ? DEFAULT_BATCH : count('--batch', flags.batch, MAX_BATCH),
    limit: flags.limit === undefined ? null : count('--limit', flags.limit, Number.MAX_SAFE_INTEGER),
    dryRun: flags['dry-run'] === true,
  };
}

function count(flag: string, value: string, max: number): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new MigrationUsageError(`${flag} ${value} must be a whole number from 1 to ${max}`);
  return n;
}
