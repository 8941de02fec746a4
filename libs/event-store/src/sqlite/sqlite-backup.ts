import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { type IntegrityReport, StoreVerifier } from '../integrity/verify-store';
import { SqliteEventStore } from './sqlite-event-store';

/** What a verified copy holds. */
export interface SqliteCopyReport {
  readonly file: string;
  readonly events: number;
  readonly streams: number;
  /** Position of the last event copied; null for an empty store. */
  readonly headPosition: bigint | null;
  readonly bytes: number;
  readonly integrity: IntegrityReport;
}

/** The copy could not be made or does not verify; nothing was left at the target. */
export class SqliteCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqliteCopyError';
  }
}

/**
 * Copies a SQLite event store that may be in use into a new file, consistently, and verifies the
 * copy before it appears under its name. Used to back up a running service and to restore a backup.
 *
 * `VACUUM INTO` on a read-only connection writes the database as one read transaction saw it: in
 * WAL mode the service goes on appending meanwhile (its writes land in the WAL, past this reader's
 * snapshot) and the copy holds every transaction committed before the read began, each whole. A
 * command's events and its command record commit in one transaction, so none is half-present. The
 * online backup API would restart its page copy whenever another connection writes, which under
 * steady load may never finish.
 *
 * SQLite does not fsync the file VACUUM INTO writes, so it is written under `<target>.partial`,
 * fsynced, its hash chains checked, and only then linked to the target name (never over an
 * existing file) with the directory fsynced: a target that exists is complete and verified.
 */
export async function copySqliteStore(sourceFile: string, targetFile: string): Promise<SqliteCopyReport> {
  if (!fs.existsSync(sourceFile)) throw new SqliteCopyError(`no event store at ${sourceFile}`);
  if (fs.existsSync(targetFile)) throw new SqliteCopyError(`${targetFile} exists already; name a new file`);
  const partial = `${targetFile}.partial`;
  // A leftover of an interrupted copy under our own working name.
  fs.rmSync(partial, { force: true });
  try {
    const source = new Database(sourceFile, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      source.close();
    }
    fsyncFile(partial);
    const report = await verifyCopy(partial);
    if (!report.integrity.ok) {
      const first = report.integrity.problems[0];
      throw new SqliteCopyError(
        `the copy does not verify: ${report.integrity.problemCount} problem(s), first ${first.streamId} revision ${first.revision}: ${first.problem}`,
      );
    }
    // A self-contained file (no -wal beside it) whatever mode the verification left it in.
    const db = new Database(partial);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    fsyncFile(partial);
    linkNew(partial, targetFile);
    return { ...report, file: targetFile, bytes: fs.statSync(targetFile).size };
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(leftover, { force: true });
  }
}

async function verifyCopy(file: string): Promise<Omit<SqliteCopyReport, 'bytes'>> {
  const store = new SqliteEventStore({ file });
  try {
    const integrity = await new StoreVerifier(store).verifyAll();
    return { file, events: integrity.checkedEvents, streams: integrity.streams.length, headPosition: await store.headPosition(), integrity };
  } finally {
    await store.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Gives the file its final name only if nothing has it yet, and makes the new name durable. */
function linkNew(file: string, name: string): void {
  try {
    fs.linkSync(file, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SqliteCopyError(`${name} appeared meanwhile; nothing was overwritten`);
    throw error;
  }
  const dir = fs.openSync(path.dirname(name), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/**
 * Copies a personal key store that may be in use into a new file readable by its owner only (mode
 * 0600), the same way as the events: `VACUUM INTO` from a read-only connection, fsynced, linked to
 * its name only when whole. VACUUM writes live rows only, so no destroyed key's bytes come along;
 * tombstones do, so a restored store still refuses to bring an erased person back.
 * @returns how many subjects the copy holds, and how many of them were erased
 */
export function copyPersonalKeyStore(sourceFile: string, targetFile: string): { readonly subjects: number; readonly erased: number } {
  if (!fs.existsSync(sourceFile)) throw new SqliteCopyError(`no personal key store at ${sourceFile}`);
  if (fs.existsSync(targetFile)) throw new SqliteCopyError(`${targetFile} exists already; name a new file`);
  const partial = `${targetFile}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const source = new Database(sourceFile, { readonly: true, fileMustExist: true, timeout: 5000 });
    // Created readable by its owner alone, not widened for a moment first.
    const umask = process.umask(0o077);
    try {
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      process.umask(umask);
      source.close();
    }
    fs.chmodSync(partial, 0o600);
    const copy = new Database(partial, { readonly: true, fileMustExist: true });
    let counts: { subjects: number; erased: number };
    try {
      counts = copy.prepare<[], { subjects: number; erased: number }>('SELECT count(*) AS subjects, count(destroyed_at) AS erased FROM personal_keys').get() ?? { subjects: 0, erased: 0 };
    } finally {
      copy.close();
    }
    fsyncFile(partial);
    linkNew(partial, targetFile);
    return counts;
  } finally {
    for (const leftover of [partial, `${partial}-journal`]) fs.rmSync(leftover, { force: true });
  }
}
