/**
 * npm run migrate -- --from sqlite --to eventstoredb: moves a deployment from the embedded SQLite
 * store to EventStoreDB.
 *
 * What is copied. Every event, in the source's global order, as it was stored: id, stream,
 * revision, type, schema version, data, metadata with recordedAt, hash and prevHash (through the
 * EventStoreDB store's appendStored). With the events go the command records, so a commandId
 * carried out before the move is still recognised after it. Nothing in the source is changed.
 *
 * Resuming. The copy appends one stream's consecutive events at a time, in global order, each
 * append awaited before the next, so the target always holds a prefix of the source's order. A
 * new run finds the end of that prefix by a binary search over source positions (is this source
 * event in the target, same id at the same stream and revision?): a few dozen reads even for
 * millions of events, never a read of the whole target. It then checks that the target's feed
 * begins with the source's first event and ends with the one found, and continues after it. An
 * append that was cut off either landed whole or not at all, so nothing is duplicated; a command
 * claim written just before an interruption is completed by the events of the next run.
 *
 * Refusals. Before this run writes anything, a target that holds events this source did not write
 * (another event at one of the source's stream revisions, or events beyond the copied prefix) is
 * named by stream and revision, and the run stops. While copying, each append expects the target's
 * stream at the revision before its first event; a target stream anywhere else is a conflict,
 * named the same way, and the run stops there.
 *
 * The personal keys go first (personal-keys.sqlite beside the events, when there is one): each
 * person's key becomes their key stream on the server, each tombstone a deleted stream there, so
 * what the events hold sealed opens on every instance and nobody erased comes back. Copying them
 * again changes nothing; a different key already there for a person stops the run.
 *
 * Afterwards the target is verified: every hash chain intact, every event equal to the source's at
 * the same place in the global order (id, stream, revision, hash), the same number of events, and
 * every command record found. Exit 0 only when all of that holds; 1 when the migration stopped or
 * did not verify; 2 for wrong flags or configuration. The connection string is never printed, only
 * the servers it names (host:port).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DataDirInUseError,
  DataDirOwner,
  openEventStoreDbEventStore,
  PERSONAL_KEYS_FILE,
  SqlitePersonalKeyStore,
  StoreUnavailableError,
} from '@throughline/event-store';
import { READ_MODELS_FILE } from '@throughline/runtime';
import { parseCommandLine } from './cli-args';
import { copyEvents } from './migrate/copy-events';
import { migrateOptions, type MigrateOptions, USAGE } from './migrate/migrate-options';
import { MigrationError, MigrationUsageError } from './migrate/migration-error';
import type { MigrationTarget } from './migrate/migration-target';
import { findResumePoint } from './migrate/resume-point';
import { SqliteSource } from './migrate/sqlite-source';
import { verifyMigration } from './migrate/verify-migration';

async function main(): Promise<number> {
  const flags = parseCommandLine(
    {
      from: { type: 'string' },
      to: { type: 'string' },
      batch: { type: 'string' },
      limit: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const options = migrateOptions(flags, process.env);
  const source = SqliteSource.open(options.sourceFile);
  let owner: DataDirOwner | null = null;
  let target: MigrationTarget | undefined;
  try {
    // A service writing the source meanwhile would leave the copy short of its last events. A dry run only reads.
    owner = options.dryRun ? null : DataDirOwner.acquire(path.dirname(options.sourceFile), 'migrate');
    target = await openTarget(options.connectionString);
    return await migrate(options, source, target);
  } finally {
    await target?.close();
    await source.close();
    owner?.release();
  }
}

async function migrate(options: MigrateOptions, source: SqliteSource, target: MigrationTarget): Promise<number> {
  const total = source.eventCount();
  const commands = source.commandIndex();
  console.log(`source: ${source.file}: ${total} events, ${commands.size} command records`);

  const resume = await findResumePoint(source, target);
  const remaining = total - resume.copied;
  console.log(
    resume.copied === 0
      ? `target: EventStoreDB at ${target.target}, holding none of them yet`
      : `target: EventStoreDB at ${target.target}, already holding the first ${resume.copied}: continuing after them`,
  );
  if (options.dryRun) {
    console.log(`dry run: would copy ${remaining} events; nothing was written`);
    return 0;
  }

  await copyPersonalKeys(path.join(path.dirname(source.file), PERSONAL_KEYS_FILE), target);
  const started = Date.now();
  let reported = -1;
  const outcome = await copyEvents(source, target, commands, {
    after: resume.after,
    batch: options.batch,
    limit: options.limit,
    onProgress: (copiedThisRun) => {
      if (copiedThisRun === reported) return;
      reported = copiedThisRun;
      const done = resume.copied + copiedThisRun;
      const share = total === 0 ? 100 : (done / total) * 100;
      const perSecond = Math.round(copiedThisRun / Math.max((Date.now() - started) / 1000, 0.001));
      console.log(`copied ${done} of ${total} events (${share.toFixed(1)}%, ${perSecond} events/s)`);
    },
  });
  const left = source.eventCount() - resume.copied - outcome.copied;
  if (outcome.stoppedByLimit && left > 0) {
    console.log(`stopped after ${outcome.copied} events as --limit asked; ${left} remain: run the same command again to go on`);
    return 0;
  }

  console.log('verifying the target...');
  const check = await verifyMigration(source, target, commands);
  if (!check.ok) {
    console.error(`the copy does not verify (${check.problems.length} problems):`);
    for (const problem of check.problems) console.error(`  ${problem}`);
    return 1;
  }
  console.log(
    `verified: ${check.targetEvents} events in ${check.streams} streams, the same as the source, every hash chain intact; ` +
      `${check.commands} command records found`,
  );
  console.log(`migration complete: start the service with PMO_EVENT_STORE=eventstoredb; keep ${source.file} as a backup`);
  const readModels = path.join(path.dirname(source.file), READ_MODELS_FILE);
  if (fs.existsSync(readModels)) {
    // Its checkpoint counts the SQLite store's positions, which mean nothing in EventStoreDB.
    console.log(`before that, move ${readModels} aside: the service rebuilds the read models from EventStoreDB when it finds none`);
  }
  return 0;
}

/** Every key and tombstone of the SQLite key store, onto the server, before any event that needs them. */
async function copyPersonalKeys(file: string, target: MigrationTarget): Promise<void> {
  if (!fs.existsSync(file)) return;
  const source = new SqlitePersonalKeyStore({ file, readonly: true });
  const keys = target.personalKeys();
  const counts = { adopted: 0, present: 0, erased: 0 };
  try {
    for (const { subjectId, key } of source.entries()) {
      try {
        counts[await keys.adopt(subjectId, key)] += 1;
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error;
        throw new MigrationError(`personal key of ${subjectId}: ${(error as Error).message}`);
      } finally {
        key?.fill(0);
      }
    }
  } finally {
    await source.close();
  }
  console.log(`personal keys and tombstones: ${counts.adopted} moved, ${counts.present} there already, ${counts.erased} of people erased on the server meanwhile`);
}

async function openTarget(connectionString: string): Promise<MigrationTarget> {
  try {
    return await openEventStoreDbEventStore({ connectionString });
  } catch (error) {
    // A connection string the client cannot parse is configuration; its message masks credentials.
    if (error instanceof TypeError || error instanceof RangeError) throw new MigrationUsageError(`EVENTSTORE_CONNECTION_STRING: ${error.message}`);
    throw error;
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof MigrationUsageError) {
      console.error(`migrate: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    const known = error instanceof MigrationError || error instanceof StoreUnavailableError || error instanceof DataDirInUseError;
    const hint = error instanceof StoreUnavailableError ? ' Nothing is lost: run the same command again to continue.' : '';
    console.error(`migrate: ${known ? '' : 'failed: '}${(error as Error).message}${hint}`);
    process.exitCode = 1;
  },
);
