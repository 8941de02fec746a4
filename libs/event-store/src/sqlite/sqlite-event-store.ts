import Database from 'better-sqlite3';
import { AppendListeners } from '../append-listeners';
import { assertAppendable, resolveReadAll, resolveReadStream } from '../append-rules';
import { StoreUnavailableError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  CommandRecord,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import type { EventsByPosition } from '../events-by-position';
import { type StoredEventReader, type StoredRecordedEvent, type Upcaster, Upcasters } from '../upcasting';
import { type AppendOutcome, type AppendRequest, SqliteAppendWriter } from './sqlite-append-writer';
import { type CommandRow, EVENT_COLUMNS, type EventRow, toCommandRecord, toRecordedEvent, toStoredRecordedEvent } from './sqlite-rows';
import { migrate } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created with its schema when missing. */
  readonly file: string;
  /** FULL (default) fsyncs every commit; NORMAL may lose the last commits on power loss, never corrupts. */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How long to wait for another connection's write lock before failing. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  readonly clock?: () => Date;
  readonly upcasters?: Upcasters | readonly Upcaster[];
}

export interface SqliteEventStoreStats {
  /** Write transactions committed by this instance; a batch of grouped appends counts once. */
  readonly commits: number;
}

interface PendingAppend extends AppendRequest {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Bounds how long one flush holds the event loop when appends pile up. */
const MAX_APPENDS_PER_TRANSACTION = 1000;

/**
 * The embedded EventStore: one SQLite file in WAL mode. Appends that arrive while the event loop
 * is busy are queued and committed together on the next macrotask, in one transaction, so many
 * concurrent commands share one fsync. A promise settles only after its transaction committed.
 */
export class SqliteEventStore implements EventStore, StoredEventReader, EventsByPosition {
  readonly name = 'sqlite';
  readonly file: string;
  private readonly db: Database.Database;
  private readonly writer: SqliteAppendWriter;
  private readonly upcasters: Upcasters;
  private readonly listeners = new AppendListeners();
  private readonly statements: ReturnType<typeof prepareReads>;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closing: Promise<void> | undefined;
  private commits = 0;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.db = new Database(options.file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      migrate(this.db);
      this.statements = prepareReads(this.db);
      this.writer = new SqliteAppendWriter(this.db, options.clock ?? (() => new Date()));
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.upcasters = Upcasters.from(options.upcasters);
  }

  /** Opens (and creates or migrates) the file; same as the constructor, for async wiring. */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    return new SqliteEventStore(options);
  }

  get stats(): SqliteEventStoreStats {
    return { commits: this.commits };
  }

  /** The connection's durability settings as SQLite reports them, for diagnostics. */
  pragmas(): { journalMode: string; synchronous: number; busyTimeoutMs: number } {
    this.assertOpen();
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
      busyTimeoutMs: this.db.pragma('busy_timeout', { simple: true }) as number,
    };
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      if (this.closing) throw new StoreUnavailableError('the sqlite event store is closed');
      assertAppendable(streamId, events, expected);
      this.queue.push({ streamId, events, expected, command: options.command, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.streamRows(streamId, options).map((row) => this.upcasters.apply(toRecordedEvent(row)));
  }

  /** The events as stored, not upcast: what `verifyChain` checks. A row that no longer decodes is marked, not thrown. */
  async readStreamStored(streamId: string, options?: ReadStreamOptions): Promise<StoredRecordedEvent[]> {
    return this.streamRows(streamId, options).map(toStoredRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    return this.statements.streamRevision.get(streamId)?.revision ?? -1;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.allRows(options).map((row) => this.upcasters.apply(toRecordedEvent(row)));
  }

  /**
   * Positions close together (a page of the unfiltered log) are read as one range, scattered ones
   * (a filtered page) one primary-key seek each.
   */
  eventsAt(positions: readonly GlobalPosition[]): (RecordedEvent | undefined)[] {
    this.assertOpen();
    if (positions.length === 0) return [];
    let first = positions[0] as bigint;
    let last = first;
    for (const position of positions) {
      if (position < first) first = position;
      if (position > last) last = position;
    }
    const found = new Map<bigint, EventRow>();
    if (last - first < BigInt(positions.length * 2)) {
      for (const row of this.statements.range.all(first, last)) found.set(row.position, row);
    } else {
      for (const position of positions) {
        const row = this.statements.at.get(position);
        if (row) found.set(row.position, row);
      }
    }
    return positions.map((position) => {
      const row = found.get(position);
      return row && this.upcasters.apply(toRecordedEvent(row));
    });
  }

  /** A batch of the global feed as stored, not upcast. A row that no longer decodes is marked, not thrown. */
  async readAllStored(options?: ReadAllOptions): Promise<StoredRecordedEvent[]> {
    return this.allRows(options).map(toStoredRecordedEvent);
  }

  async headPosition(): Promise<GlobalPosition | null> {
    this.assertOpen();
    return this.statements.headPosition.get()?.position ?? null;
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const row = this.statements.findCommand.get(commandId);
    return row ? toCommandRecord(row) : null;
  }

  onAppended(listener: (position: GlobalPosition) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Commits what is queued, then closes the file. Appends after this are refused. */
  close(): Promise<void> {
    this.closing ??= Promise.resolve().then(() => {
      while (this.queue.length > 0) this.flush();
      this.listeners.clear();
      this.db.close();
    });
    return this.closing;
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, MAX_APPENDS_PER_TRANSACTION);
    if (this.queue.length > 0) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    if (batch.length === 0 || !this.db.open) return;

    let outcomes: AppendOutcome[];
    try {
      outcomes = this.writer.write(batch);
      this.commits += 1;
    } catch (cause) {
      // Nothing of the batch is stored; the verdicts on single appends were taken against state
      // that was rolled back too, so every append learns the same thing: retry later.
      const error = new StoreUnavailableError('the sqlite event store could not commit', { cause });
      for (const pending of batch) pending.reject(error);
      return;
    }

    let committedUpTo: GlobalPosition | null = null;
    outcomes.forEach((outcome, index) => {
      if (outcome.ok) {
        committedUpTo = outcome.result.position;
        batch[index].resolve(outcome.result);
      } else {
        batch[index].reject(outcome.error);
      }
    });
    if (committedUpTo !== null) this.listeners.notify(committedUpTo);
  }

  private streamRows(streamId: string, options?: ReadStreamOptions): EventRow[] {
    this.assertOpen();
    const { fromRevision, recordedAtOrBefore, maxCount } = resolveReadStream(options);
    return this.statements.readStream.all({ streamId, fromRevision, until: recordedAtOrBefore ?? null, limit: maxCount ?? -1 });
  }

  private allRows(options?: ReadAllOptions): EventRow[] {
    this.assertOpen();
    const { after, maxCount } = resolveReadAll(options);
    return this.statements.readAll.all(after, maxCount);
  }

  private assertOpen(): void {
    if (!this.db.open) throw new StoreUnavailableError('the sqlite event store is closed');
  }
}

function prepareReads(db: Database.Database) {
  return {
    readStream: db
      .prepare<{ streamId: string; fromRevision: number; until: string | null; limit: number }, EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE stream_id = @streamId AND revision >= @fromRevision
            AND (@until IS NULL OR recorded_at <= @until)
          ORDER BY revision LIMIT @limit`,
      )
      .safeIntegers(true),
    readAll: db
      .prepare<[bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true),
    range: db
      .prepare<[bigint, bigint], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position BETWEEN ? AND ? ORDER BY position`)
      .safeIntegers(true),
    at: db.prepare<[bigint], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = ?`).safeIntegers(true),
    streamRevision: db.prepare<[string], { revision: number }>(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    headPosition: db
      .prepare<[], { position: bigint }>('SELECT position FROM events ORDER BY position DESC LIMIT 1')
      .safeIntegers(true),
    findCommand: db.prepare<[string], CommandRow>(
      `SELECT command_id, command_hash, stream_id, from_revision, to_revision, recorded_at
         FROM commands WHERE command_id = ?`,
    ),
  };
}
