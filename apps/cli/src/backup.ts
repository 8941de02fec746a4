/**
 * npm run backup -- --to <file>: a consistent copy of a SQLite deployment's record, taken while the
 * service runs; npm run backup -- --restore <file>: a data directory started from such a copy.
 *
 * What is copied. The events file only: every event and command record committed when the copy
 * began, each transaction whole (see copySqliteStore). The read models are not: they are derived,
 * and the service rebuilds them from the restored events. The signing secret only with
 * --with-secret, into a separate file readable by its owner alone, so the backup file can travel
 * and be stored without the key that mints ADMIN tokens; the admin token is not copied, the
 * service mints a new one from the secret when it starts.
 *
 * The personal keys (`personal-keys.sqlite`) are copied too, into `<file>.personal-keys` (mode
 * 0600): the events hold personal data sealed under them, so a restore without them could open none
 * of it. Kept apart from the events backup with a shorter retention, they are what lets an erasure
 * reach the backups: once every key copy from before the erasure is gone, the old event backups
 * hold nothing readable of the person.
 *
 * Restoring is a command rather than "put the file at <dir>/events.sqlite" because the directory
 * must be checked first: a `-wal` file left beside a new `events.sqlite` would be replayed into
 * it, and read models built from another record would be resumed from a checkpoint that means
 * nothing there. The restore takes the directory like any writer (a running service refuses it),
 * refuses one that still holds an event store, copies and verifies the backup into place, and
 * removes the stale read models.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyPersonalKeyStore, copySqliteStore, DataDirInUseError, DataDirOwner, PERSONAL_KEYS_FILE, SqliteCopyError, type SqliteCopyReport } from '@throughline/event-store';
import { ADMIN_TOKEN_FILE, SIGNING_SECRET_FILE } from '@throughline/runtime';
import { loadConfig } from '@throughline/runtime';
import { EVENTS_FILE, READ_MODELS_FILE } from '@throughline/runtime';
import { fail, parseCommandLine } from './cli-args';

const USAGE = `Backs up the SQLite event store of this data directory (PMO_DATA_DIR, default ./data) while the
service runs, or restores such a backup into a data directory.

usage: npm run backup -- --to <file> [--with-secret]
       npm run backup -- --restore <file> [--with-secret]

  --to           write a consistent, verified copy of the events to <file> (a new file), and of the
                 personal keys to <file>.personal-keys (mode 0600). Safe beside the running
                 service; the read models are not copied (they are rebuilt)
  --restore      put the backup <file> and its <file>.personal-keys into PMO_DATA_DIR, which no
                 process may be using and which must hold no events.sqlite and no
                 personal-keys.sqlite; the next start rebuilds the read models from it
  --with-secret  with --to, also copy the token signing secret to <file>.jwt-secret (mode 0600),
                 so that tokens issued before stay valid after a restore; keep it apart from the
                 backup, it mints ADMIN tokens. With --restore, put <file>.jwt-secret back

exit status: 0 done, 1 the backup or restore failed, 2 wrong usage or configuration`;

const secretOf = (backup: string) => `${backup}.jwt-secret`;
const keysOf = (backup: string) => `${backup}.personal-keys`;

async function main(): Promise<number> {
  const args = parseCommandLine(
    { to: { type: 'string' }, restore: { type: 'string' }, 'with-secret': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if ((args.to === undefined) === (args.restore === undefined)) fail('give either --to <file> or --restore <file>', USAGE);
  const config = loadConfig();
  if (config.eventStore === 'eventstoredb') {
    fail(
      'PMO_EVENT_STORE=eventstoredb keeps the record in EventStoreDB: back it up with its own procedure (a file copy of each ' +
        "node's database directory, or a volume snapshot; see EventStoreDB's documentation on backup and restore). " +
        'The read models in PMO_DATA_DIR are rebuilt from it and need no backup',
    );
  }
  if (config.eventStore !== 'sqlite') fail(`PMO_EVENT_STORE=${config.eventStore} keeps nothing to back up`);
  return args.to !== undefined ? backup(config.dataDir, path.resolve(args.to), args['with-secret']) : restore(config.dataDir, path.resolve(args.restore as string), args['with-secret']);
}

async function backup(dataDir: string, to: string, withSecret: boolean): Promise<number> {
  const secret = path.join(dataDir, SIGNING_SECRET_FILE);
  if (withSecret && !fs.existsSync(secret)) fail(`--with-secret: ${secret} does not exist (a service with an identity provider signs nothing)`);
  if (withSecret && fs.existsSync(secretOf(to))) fail(`${secretOf(to)} exists already; name a new file`);
  if (fs.existsSync(keysOf(to))) fail(`${keysOf(to)} exists already; name a new file`);
  const started = Date.now();
  const report = await copySqliteStore(path.join(dataDir, EVENTS_FILE), to);
  console.log(`backed up ${describe(report)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const keys = path.join(dataDir, PERSONAL_KEYS_FILE);
  if (fs.existsSync(keys)) {
    const copied = copyPersonalKeyStore(keys, keysOf(to));
    console.log(
      `personal keys of ${copied.subjects} people (${copied.erased} erased, kept without their key) copied to ${keysOf(to)} (mode 0600): ` +
        'store them apart from the backup, and keep them no longer than an erasure may take to reach the backups',
    );
  }
  if (withSecret) {
    fs.copyFileSync(secret, secretOf(to), fs.constants.COPYFILE_EXCL);
    fs.chmodSync(secretOf(to), 0o600);
    console.log(`signing secret copied to ${secretOf(to)} (mode 0600): store it apart from the backup`);
  }
  console.log(`restore with: PMO_DATA_DIR=<new directory> npm run backup -- --restore ${to}${withSecret ? ' --with-secret' : ''}`);
  return 0;
}

async function restore(dataDir: string, from: string, withSecret: boolean): Promise<number> {
  if (!fs.existsSync(from)) fail(`no backup at ${from}`);
  if (withSecret && !fs.existsSync(secretOf(from))) fail(`--with-secret: ${secretOf(from)} does not exist`);
  const owner = DataDirOwner.acquire(dataDir, 'backup --restore');
  try {
    const events = path.join(dataDir, EVENTS_FILE);
    const present = [events, `${events}-wal`, `${events}-shm`].filter((file) => fs.existsSync(file));
    if (present.length > 0) {
      console.error(`${dataDir} holds an event store already (${present.map((file) => path.basename(file)).join(', ')}): move these files aside together, or restore into a new directory`);
      return 1;
    }
    const keys = path.join(dataDir, PERSONAL_KEYS_FILE);
    if (fs.existsSync(keysOf(from)) && fs.existsSync(keys)) {
      console.error(`${keys} exists already: move it aside to restore the personal keys from ${keysOf(from)}`);
      return 1;
    }
    const secret = path.join(dataDir, SIGNING_SECRET_FILE);
    if (withSecret && fs.existsSync(secret)) {
      console.error(`${secret} exists already: move it aside to restore the one from ${secretOf(from)}`);
      return 1;
    }
    const report = await copySqliteStore(from, events);
    console.log(`restored ${describe(report)}`);
    if (fs.existsSync(keysOf(from))) {
      const copied = copyPersonalKeyStore(keysOf(from), keys);
      console.log(`personal keys of ${copied.subjects} people restored to ${keys}`);
    } else {
      console.log(`no ${keysOf(from)} beside the backup: queries that show personal data sealed in the restored events fail until the keys are put at ${keys}`);
    }
    // Built from another record, or from this one up to another point: rebuilt on the next start.
    const readModels = path.join(dataDir, READ_MODELS_FILE);
    const stale = [readModels, `${readModels}-wal`, `${readModels}-shm`].filter((file) => fs.existsSync(file));
    stale.forEach((file) => fs.rmSync(file));
    if (stale.length > 0) console.log(`removed the read models there; the service rebuilds them from the restored events`);
    if (withSecret) {
      fs.copyFileSync(secretOf(from), secret, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(secret, 0o600);
      // Signed with whatever secret was there before: the service mints a new one at start.
      fs.rmSync(path.join(dataDir, ADMIN_TOKEN_FILE), { force: true });
      console.log(`signing secret restored to ${secret}: tokens issued before the backup are valid again`);
    }
    console.log(`start the service with PMO_DATA_DIR=${dataDir}`);
    return 0;
  } finally {
    owner.release();
  }
}

const describe = (report: SqliteCopyReport) =>
  `${report.events} events in ${report.streams} streams (up to position ${report.headPosition ?? 0}) to ${report.file}, ` +
  `${(report.bytes / 1024 / 1024).toFixed(1)} MB, every hash chain intact`;

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    const known = error instanceof SqliteCopyError || error instanceof DataDirInUseError;
    console.error(`backup: ${known ? '' : 'failed: '}${(error as Error).message}`);
    process.exitCode = 1;
  },
);
