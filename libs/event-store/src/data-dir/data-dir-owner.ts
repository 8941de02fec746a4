import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { type OwnerRecord, type ProcessProbe, systemProbe, whyOwnerIsGone } from './owner-liveness';

export type { OwnerRecord, ProcessProbe } from './owner-liveness';

/** Present while a process owns the data directory; JSON naming it. */
export const OWNER_LOCK_FILE = 'owner.lock';
/** An empty SQLite file whose exclusive lock serialises looking at and replacing the lock file. */
export const OWNER_GUARD_FILE = 'owner.lock.guard';

/** How long an acquisition waits for another one to finish looking (they take milliseconds). */
const GUARD_WAIT_MS = 10_000;

/** Another live process owns the directory; the message is one line naming it and what to do. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: OwnerRecord | null,
    detail?: string,
  ) {
    super(
      owner === null
        ? `data directory ${dataDir} is in use: ${detail}`
        : `data directory ${dataDir} is in use by pid ${owner.pid} (${owner.purpose} on host ${owner.hostname}, since ${owner.startedAt}): ` +
            `stop it first` +
            (detail ? `; ${detail}` : ''),
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * One process owns a data directory: the service, or a command that writes to it (rebuilding the
 * read models, migrating, seeding). Two owners would both project the same events into the one
 * read-model file and both append to the one event file, each stalling on the other's rows.
 *
 * The lock file is created whole or not at all: written under a private name, then hard-linked
 * to `owner.lock`, which fails if it exists (O_EXCL semantics, and nobody ever reads a half-written
 * lock). A lock whose process is gone (kill -9, a crash, a reboot) is stale and is replaced.
 *
 * Replacing is where a lock file alone races: two starters both judge the same lock stale, one
 * replaces it with its own, and the other, acting on what it read before, removes that fresh one.
 * Renaming the stale file away has the same flaw, since a rename moves whatever the path names by
 * then. So every look at and change of `owner.lock` by a would-be owner happens while it holds an
 * exclusive SQLite lock on `owner.lock.guard`: a kernel lock, released by the kernel even when its
 * holder is killed, held for the few milliseconds of one acquisition. Within it the lock is read,
 * judged and replaced with nothing moving underneath.
 *
 * The owner removes its lock when it ends (release, or any process exit that runs 'exit' handlers);
 * a lock naming another token is never removed.
 */
export class DataDirOwner {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(
    readonly dataDir: string,
    readonly record: OwnerRecord,
    /** The stale lock this acquisition replaced, for the log; null when the directory was free. */
    readonly replaced: { readonly owner: OwnerRecord; readonly why: string } | null,
  ) {
    process.once('exit', this.onExit);
  }

  get lockFile(): string {
    return path.join(this.dataDir, OWNER_LOCK_FILE);
  }

  /** Takes the directory (creating it if missing) or throws DataDirInUseError. */
  static acquire(dataDir: string, purpose: string, probe: ProcessProbe = systemProbe): DataDirOwner {
    const dir = path.resolve(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const record: OwnerRecord = {
      pid: probe.pid,
      hostname: probe.hostname,
      startedAt: probe.startedAt,
      bootId: probe.bootId,
      processStart: probe.processStart(probe.pid),
      purpose,
      token: randomUUID(),
    };
    const lockFile = path.join(dir, OWNER_LOCK_FILE);
    return underGuard(dir, () => {
      let replaced: DataDirOwner['replaced'] = null;
      // Twice at most: the free directory, or a stale lock removed and then the free directory.
      for (;;) {
        if (createExclusively(lockFile, record)) return new DataDirOwner(dir, record, replaced);
        const current = readLock(lockFile);
        if (current === 'missing') continue;
        if (current === 'unreadable') {
          throw new DataDirInUseError(dir, null, `its lock file ${lockFile} cannot be read; if no service or command uses the directory, delete that file`);
        }
        const why = whyOwnerIsGone(current, probe);
        if (why === null) {
          const elsewhere = current.hostname !== probe.hostname;
          throw new DataDirInUseError(dir, current, elsewhere ? `a process on another host cannot be checked: if it is gone, delete ${lockFile}` : undefined);
        }
        // Stale. Under the guard no other starter reads or replaces it meanwhile, and its owner is gone.
        fs.rmSync(lockFile, { force: true });
        replaced = { owner: current, why };
      }
    });
  }

  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    const current = readLock(this.lockFile);
    // Someone deleted ours by hand and another process took the directory: theirs stays.
    if (typeof current === 'object' && current.token === this.record.token) fs.rmSync(this.lockFile, { force: true });
  }
}

function underGuard<T>(dir: string, work: () => T): T {
  const guard = new Database(path.join(dir, OWNER_GUARD_FILE), { timeout: GUARD_WAIT_MS });
  try {
    guard.exec('BEGIN EXCLUSIVE');
    try {
      return work();
    } finally {
      guard.exec('ROLLBACK');
    }
  } finally {
    guard.close();
  }
}

/** Writes the record under a private name, then links it into place: false when a lock is there. */
function createExclusively(lockFile: string, record: OwnerRecord): boolean {
  const draft = `${lockFile}.${record.pid}.${record.token}.tmp`;
  fs.writeFileSync(draft, `${JSON.stringify(record)}\n`, { mode: 0o644, flag: 'wx' });
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readLock(lockFile: string): OwnerRecord | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as Partial<OwnerRecord>;
    const valid =
      Number.isInteger(parsed.pid) &&
      (parsed.pid as number) > 0 &&
      typeof parsed.hostname === 'string' &&
      typeof parsed.startedAt === 'string' &&
      typeof parsed.purpose === 'string' &&
      typeof parsed.token === 'string';
    if (!valid) return 'unreadable';
    const record = parsed as OwnerRecord;
    return { ...record, bootId: record.bootId ?? null, processStart: record.processStart ?? null };
  } catch {
    return 'unreadable';
  }
}
