import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { Projection } from './projection';

/** Bumped when the bookkeeping below changes shape, so old files are rebuilt rather than misread. */
const BOOKKEEPING_VERSION = 1;

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Hash of everything that decides the rows: projection names, DDL, declared fingerprints, and the source. */
export const schemaFingerprint = (projections: readonly Projection[], source: string | null = null): string => {
  const described = [...projections]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => ({ name: p.name, ddl: [...p.ddl, ...(p.queryIndexes ?? [])], fingerprint: p.fingerprint ?? null }));
  return createHash('sha256')
    .update(JSON.stringify({ bookkeeping: BOOKKEEPING_VERSION, projections: described, ...(source === null ? {} : { source }) }))
    .digest('hex');
};

export interface ReadModelDbOptions {
  /**
   * The event store the read models are built from, when it is not the embedded one (e.g.
   * 'eventstoredb'). It is part of the schema fingerprint: read models built from another store are
   * rebuilt rather than resumed at a checkpoint that means another event there.
   */
  readonly source?: string;
}

/** What opening found: read models that fit, none yet, or others that were dropped to be rebuilt. */
export type SchemaOutcome = 'kept' | 'created' | 'rebuilt';

/**
 * Stored as the fingerprint while a rebuild runs: it matches no projection set, so read models
 * left half-built are never resumed; the next open deletes their file (discardInterruptedRebuild).
 */
const REBUILDING = 'rebuilding';

/**
 * WAL pages a rebuild that has to load in WAL (beginBulkLoad) lets accumulate before copying them
 * into the database (SQLite's default is 1,000). Every batch touches pages all over the B-trees,
 * and a checkpoint copies each page once however many batches changed it since the last: with the
 * default it ran after every batch. Disk, not memory: the WAL is truncated when the rebuild ends.
 */
const BULK_WAL_PAGES = 50_000;

/**
 * Pages SQLite keeps in memory while a rebuild loads the tables (KiB, as cache_size takes it
 * negative). Rows keyed by random ids land all over their B-trees; with the default 2 MiB most
 * inserts fetched their page back from the OS. Bounded, so a rebuild's memory does not grow with
 * the store (peak RSS must stay within 400 MB rebuilding 1,000,000 events).
 */
const BULK_CACHE_KIB = 32 * 1024;

/**
 * The SQLite file holding read models and their checkpoint. Everything in it is derived from the
 * events and can be rebuilt, hence synchronous=NORMAL: a crash may lose the last batches, never
 * tear one, because each batch is written with its checkpoint in one transaction.
 */
export class ReadModelDb {
  private readonly selectCheckpoint;
  private readonly upsertCheckpoint;
  private readonly beginSnapshot;
  private readonly endSnapshot;
  /** Whether the open transaction is the shared read snapshot of this turn (holdReadSnapshot). */
  private snapshotHeld = false;
  /** This connection's rows written so far, and data_version, which moves with other connections' commits. */
  private readonly changeCounters;
  private seenChanges = -1;
  private seenDataVersion = -1;
  private currentGeneration = 0;
  /** A rebuild is loading with the journal in memory and no syncs (beginBulkLoad). */
  private loadingUnsynced = false;

  private constructor(
    readonly connection: Database,
    private readonly source: string | null,
  ) {
    connection.exec(`
      CREATE TABLE IF NOT EXISTS checkpoint (name TEXT PRIMARY KEY, position TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS schema_fingerprint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL,
        tables TEXT NOT NULL
      );
    `);
    this.selectCheckpoint = connection.prepare<[string], { position: string }>(
      'SELECT position FROM checkpoint WHERE name = ?',
    );
    this.upsertCheckpoint = connection.prepare<[string, string]>(
      'INSERT INTO checkpoint (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.beginSnapshot = connection.prepare('BEGIN DEFERRED');
    this.changeCounters = connection
      .prepare<[], [changes: number, dataVersion: number]>('SELECT total_changes(), data_version FROM pragma_data_version')
      .raw();
    this.endSnapshot = connection.prepare('COMMIT');
  }

  /**
   * Lets every read on this connection until the current turn of the event loop ends share one
   * read transaction. Outside a transaction, each statement takes and drops SQLite's shared lock
   * on its own (two fcntl calls and a stat of the file here, several times the cost of a
   * primary-key lookup); requests that arrive together now pay that once. The snapshot is the
   * newest committed state when the turn's first read runs, it ends before the turn does, and any
   * write on this connection ends it first (transaction), so a read never misses a batch that was
   * committed before it. Deferred: a turn that reads nothing takes no lock.
   */
  holdReadSnapshot(): void {
    if (this.snapshotHeld || this.connection.inTransaction) return;
    this.beginSnapshot.run();
    this.snapshotHeld = true;
    setImmediate(this.releaseReadSnapshot);
  }

  /** Ends the turn's read snapshot, if one is held; reads after it run on their own until the next hold. */
  readonly releaseReadSnapshot = (): void => {
    if (!this.snapshotHeld) return;
    this.snapshotHeld = false;
    if (this.connection.open && this.connection.inTransaction) this.endSnapshot.run();
  };

  /**
   * A number that moves whenever what the file holds may have changed since it was last asked: a
   * row written on this connection (SQLite counts every row an INSERT, UPDATE or DELETE touched,
   * even one rolled back), a commit by any other connection, in this process or another
   * (data_version), or a reset of the schema here (dropped tables count as no rows). Two equal
   * answers mean no change came in between, so what was read at the first still holds at the
   * second. Asked before the reads it vouches for, since a change that lands between the two only
   * makes the next answer differ.
   */
  generation(): number {
    const [changes, dataVersion] = this.changeCounters.get()!;
    if (changes !== this.seenChanges || dataVersion !== this.seenDataVersion) {
      this.seenChanges = changes;
      this.seenDataVersion = dataVersion;
      this.currentGeneration += 1;
    }
    return this.currentGeneration;
  }

  /**
   * Opens (creating if needed) the database at `path`; ':memory:' for specs. A file a rebuild was
   * still loading when its process ended is deleted first (discardInterruptedRebuild), so the
   * read models start empty and are built again.
   */
  static open(path: string, options: ReadModelDbOptions = {}): ReadModelDb {
    discardInterruptedRebuild(path);
    const connection = new BetterSqlite3(path);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    // Another process (the rebuild CLI, a second API instance) may hold the write lock briefly.
    connection.pragma('busy_timeout = 5000');
    return new ReadModelDb(connection, options.source ?? null);
  }

  /**
   * Makes the database hold exactly the schema of `projections`. When their fingerprint differs
   * from the stored one (or none is stored), the tables of the previous and current projection sets
   * and all checkpoints are dropped, so the projector replays from the first event.
   * @returns `kept` when the stored read models fit, `created` when there were none (a first start),
   *   `rebuilt` when others were dropped
   */
  ensureSchema(projections: readonly Projection[]): SchemaOutcome {
    assertUniqueNames(projections);
    this.releaseReadSnapshot();
    const stored = this.connection
      .prepare<[], { fingerprint: string; tables: string }>('SELECT fingerprint, tables FROM schema_fingerprint WHERE id = 1')
      .get();
    if (stored?.fingerprint === schemaFingerprint(projections, this.source)) {
      this.connection.transaction(() => createSchema(this.connection, projections))();
      return 'kept';
    }
    const previousTables = stored ? (JSON.parse(stored.tables) as string[]) : [];
    this.reset(projections, previousTables);
    return stored ? 'rebuilt' : 'created';
  }

  /**
   * Drops the projections' tables and every checkpoint, then recreates the schema, atomically.
   * With `bulk` (a rebuild), the query indexes are left for finishBulk, and until then the stored
   * fingerprint says the read models are being rebuilt.
   */
  reset(projections: readonly Projection[], alsoDrop: readonly string[] = [], options: { bulk?: boolean } = {}): void {
    assertUniqueNames(projections);
    const tables = [...new Set([...alsoDrop, ...projections.flatMap((p) => p.tables)])];
    this.releaseReadSnapshot();
    this.connection.transaction(() => {
      for (const table of tables) this.connection.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
      this.connection.exec('DELETE FROM checkpoint');
      createSchema(this.connection, projections, !options.bulk);
      this.storeFingerprint(options.bulk ? REBUILDING : schemaFingerprint(projections, this.source), projections);
    })();
    // The fingerprint row written above moves total_changes() too; dropped tables alone would not.
    this.currentGeneration += 1;
    if (options.bulk) this.beginBulkLoad();
  }

  /**
   * A rebuild's load writes rows nothing reads until it ends, into a file already marked as being
   * rebuilt (REBUILDING, committed in WAL mode just before). So it runs with the rollback journal
   * in memory and without syncing: every page goes to the file once, where WAL would write it to
   * the log and copy it again at each checkpoint (a 1,000,000-event rebuild: 76 s in WAL, 64 s so).
   * A batch that fails still rolls back; a crash part way may tear the file, which the next open
   * then throws away whole (discardInterruptedRebuild). Where another connection holds the file
   * open, the journal cannot leave WAL and the load stays in it, with rare checkpoints instead.
   */
  private beginBulkLoad(): void {
    this.connection.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    let mode: unknown = null;
    // Another connection makes the switch fail at once (SQLITE_BUSY): no point waiting for it to go.
    const patience = this.connection.pragma('busy_timeout', { simple: true }) as number;
    this.connection.pragma('busy_timeout = 0');
    try {
      mode = this.connection.pragma('journal_mode = MEMORY', { simple: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    } finally {
      this.connection.pragma(`busy_timeout = ${patience}`);
    }
    this.loadingUnsynced = mode === 'memory';
    if (this.loadingUnsynced) this.connection.pragma('synchronous = OFF');
    else this.connection.pragma(`wal_autocheckpoint = ${BULK_WAL_PAGES}`);
  }

  /** Creates the query indexes a bulk reset left out. Call inside the transaction that writes the rebuild's last rows. */
  createQueryIndexes(projections: readonly Projection[]): void {
    for (const projection of projections) for (const statement of projection.queryIndexes ?? []) this.connection.exec(statement);
  }

  /**
   * Ends a rebuild's load, whichever way it ended: the file goes back to WAL and synchronous=NORMAL
   * with SQLite's default page cache. With `whole` (the load finished), the fingerprint that says
   * the read models are whole is stored last, in a transaction of its own, once everything the
   * load wrote is on disk: marked whole in the load's last transaction, a crash could have left
   * the mark on disk and rows that were not.
   */
  endBulk(whole?: readonly Projection[]): void {
    if (!this.connection.open) return;
    this.releaseReadSnapshot();
    this.connection.pragma('cache_size = -2000');
    if (this.loadingUnsynced) {
      this.loadingUnsynced = false;
      // Leaving the memory journal commits a change of the file's header in that journal's mode:
      // with synchronous=FULL that commit syncs the whole file, the unsynced load included.
      this.connection.pragma('synchronous = FULL');
      this.connection.pragma('journal_mode = WAL');
      this.connection.pragma('synchronous = NORMAL');
    }
    this.connection.pragma('wal_autocheckpoint = 1000');
    if (whole) this.storeFingerprint(schemaFingerprint(whole, this.source), whole);
    this.connection.pragma('wal_checkpoint(TRUNCATE)');
  }

  private storeFingerprint(fingerprint: string, projections: readonly Projection[]): void {
    this.connection
      .prepare(
        `INSERT INTO schema_fingerprint (id, fingerprint, tables) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, tables = excluded.tables`,
      )
      .run(fingerprint, JSON.stringify(projections.flatMap((p) => p.tables)));
  }

  readCheckpoint(name: string): bigint | null {
    const row = this.selectCheckpoint.get(name);
    return row ? BigInt(row.position) : null;
  }

  /** Call inside the transaction that wrote the rows up to `position`. */
  writeCheckpoint(name: string, position: bigint): void {
    this.upsertCheckpoint.run(name, position.toString());
  }

  /**
   * Runs `fn` in one (immediate) write transaction: all of it commits, or none of it. A read
   * snapshot held this turn ends first: inside it, the write would be a savepoint of a reader's
   * transaction, committed only when the turn ends.
   */
  transaction<T>(fn: () => T): T {
    this.releaseReadSnapshot();
    return this.connection.transaction(fn).immediate();
  }

  close(): void {
    this.releaseReadSnapshot();
    if (this.connection.open) this.connection.close();
  }
}

const createSchema = (db: Database, projections: readonly Projection[], withQueryIndexes = true): void => {
  for (const projection of projections) {
    for (const statement of projection.ddl) db.exec(statement);
    if (withQueryIndexes) for (const statement of projection.queryIndexes ?? []) db.exec(statement);
  }
};

const assertUniqueNames = (projections: readonly Projection[]): void => {
  const seen = new Set<string>();
  for (const { name } of projections) {
    if (seen.has(name)) throw new Error(`two projections are named ${name}`);
    seen.add(name);
  }
};

/** What SQLite says of a file it cannot read as a database, or whose pages do not hold together. */
const UNREADABLE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Deletes the read-model file at `path` (with its WAL, shared-memory and journal files) when a
 * rebuild was loading it and did not finish: its fingerprint still says REBUILDING, or the file no
 * longer reads as a database, which only a load without journal or syncs can leave behind (a crash
 * or power loss part way). The read models are derived data, and these are known to be incomplete.
 * @returns whether the file was deleted
 */
export function discardInterruptedRebuild(path: string): boolean {
  if (path === '' || path === ':memory:' || path.startsWith('file:') || !existsSync(path)) return false;
  let interrupted = false;
  try {
    const probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const hasMarks = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_fingerprint'").get() !== undefined;
      const stored = hasMarks ? probe.prepare<[], { fingerprint: string }>('SELECT fingerprint FROM schema_fingerprint WHERE id = 1').get() : undefined;
      interrupted = stored?.fingerprint === REBUILDING;
    } finally {
      probe.close();
    }
  } catch (error) {
    if (!UNREADABLE.has((error as { code?: string }).code ?? '')) throw error;
    interrupted = true;
  }
  if (interrupted) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  return interrupted;
}
