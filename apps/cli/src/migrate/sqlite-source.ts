import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { type CommandRecord, SqliteEventStore, type StoredRecordedEvent } from '@throughline/event-store';
import { MigrationUsageError } from './migration-error';

/**
 * The SQLite event store a migration copies from. Events are read through the store itself, in
 * position order and in the form they were stored (not upcast: the hashes cover that form).
 * Command records and counts come from a second, read-only connection to the same file: the port
 * finds a command only by its id, and a migration needs every record, by where it starts.
 */
export class SqliteSource {
  private constructor(
    readonly file: string,
    readonly store: SqliteEventStore,
    private readonly db: Database.Database,
  ) {}

  /** Opens `events.sqlite` in the data directory; a missing file is refused, never created empty. */
  static open(file: string): SqliteSource {
    if (!fs.existsSync(file)) throw new MigrationUsageError(`no event store at ${path.resolve(file)}: set PMO_DATA_DIR to the service's data directory`);
    const store = new SqliteEventStore({ file });
    try {
      return new SqliteSource(file, store, new Database(file, { readonly: true, fileMustExist: true }));
    } catch (error) {
      void store.close();
      throw error;
    }
  }

  eventCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  /** How many events lie at or before `position` in the global order. */
  eventsUpTo(position: bigint): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events WHERE position <= ?').get(position) as { n: number }).n;
  }

  /** The source's first event at or after `position`, or null when there is none. */
  async eventAtOrAfter(position: bigint): Promise<StoredRecordedEvent | null> {
    const [event] = await this.store.readAllStored({ after: position > 0n ? position - 1n : 0n, maxCount: 1 });
    return event ?? null;
  }

  /** Every command record, indexed by the stream and revision where its events begin. */
  commandIndex(): CommandIndex {
    const rows = this.db
      .prepare('SELECT command_id, command_hash, stream_id, from_revision, to_revision, recorded_at FROM commands')
      .iterate() as IterableIterator<CommandRow>;
    const index = new CommandIndex();
    for (const row of rows) {
      index.add({
        commandId: row.command_id,
        commandHash: row.command_hash,
        streamId: row.stream_id,
        fromRevision: row.from_revision,
        toRevision: row.to_revision,
        recordedAt: row.recorded_at,
      });
    }
    return index;
  }

  async close(): Promise<void> {
    this.db.close();
    await this.store.close();
  }
}

interface CommandRow {
  readonly command_id: string;
  readonly command_hash: string;
  readonly stream_id: string;
  readonly from_revision: number;
  readonly to_revision: number;
  readonly recorded_at: string;
}

/** Command records by the stream and revision of their first event. */
export class CommandIndex {
  private readonly byStart = new Map<string, CommandRecord>();

  add(record: CommandRecord): void {
    this.byStart.set(startKey(record.streamId, record.fromRevision), record);
  }

  /** The record of the command whose events begin at this stream and revision, if any. */
  startingAt(streamId: string, revision: number): CommandRecord | undefined {
    return this.byStart.get(startKey(streamId, revision));
  }

  get size(): number {
    return this.byStart.size;
  }

  records(): IterableIterator<CommandRecord> {
    return this.byStart.values();
  }
}

const startKey = (streamId: string, revision: number): string => `${revision}\u0000${streamId}`;
