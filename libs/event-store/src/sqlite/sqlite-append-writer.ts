import type Database from 'better-sqlite3';
import { checkExpectedRevision } from '../append-rules';
import { CommandAlreadyRecordedError, DuplicateEventIdError } from '../errors';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { EMPTY_STREAM_HEAD, type StreamHead, sealRows, stampRecordedAt } from '../sealed-event';
import { type CommandRow, toCommandRecord, type EventValues, toEventValues } from './sqlite-rows';
import { StreamHeads } from './stream-heads';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly command: AppendOptions['command'];
}

export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

/** Thrown out of a batch to roll all of it back, when an append failed after writing part of itself. */
class PartlyWritten extends Error {}

/**
 * Writes a batch of appends in one transaction (one fsync). An append refused by its checks has
 * written nothing, so the others commit as they are. One that fails after writing part of itself
 * (a duplicate event id) rolls the whole batch back, and the batch is written again with each
 * append inside its own savepoint, so that one is rolled back alone, including any AUTOINCREMENT
 * position it consumed, and the global order keeps no hole. Savepoints only then: two statements
 * more for every append cost a share of the command path.
 *
 * The appends of one batch are recorded at one instant (they commit together), and the heads of
 * the streams it wrote are kept (see StreamHeads), so an append reads nothing before it writes
 * unless another connection wrote to the file since this one's last batch.
 */
export class SqliteAppendWriter {
  private readonly findCommand: Database.Statement<[string], CommandRow>;
  private readonly streamHead: Database.Statement<[string], StreamHead>;
  private readonly lastRecordedAt: Database.Statement<[], { recorded_at: string }>;
  private readonly insertEvent: Database.Statement<[EventValues]>;
  private readonly insertCommand: Database.Statement;
  private readonly writeBatch: Database.Transaction<(batch: readonly AppendRequest[], isolated: boolean) => AppendOutcome[]>;
  private readonly writeOne: Database.Transaction<(request: AppendRequest, recordedAt: string) => AppendResult>;
  private readonly heads: StreamHeads;

  constructor(
    db: Database.Database,
    private readonly clock: () => Date,
  ) {
    this.findCommand = db.prepare(
      `SELECT command_id, command_hash, stream_id, from_revision, to_revision, recorded_at
         FROM commands WHERE command_id = ?`,
    );
    this.streamHead = db.prepare(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    this.lastRecordedAt = db.prepare('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1');
    // Bound by position: a name lookup per column per row costs more than the row's own work.
    this.insertEvent = db
      .prepare<[EventValues]>(
        `INSERT INTO events
           (id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, prev_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true);
    this.insertCommand = db.prepare(
      `INSERT INTO commands (command_id, command_hash, stream_id, from_revision, to_revision, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.heads = new StreamHeads(db);
    // Nested better-sqlite3 transactions run as SAVEPOINTs inside the outer one.
    this.writeOne = db.transaction((request: AppendRequest, recordedAt: string) => this.apply(request, recordedAt, true));
    this.writeBatch = db.transaction((batch: readonly AppendRequest[], isolated: boolean) => this.applyAll(batch, isolated));
  }

  /** Commits the batch; throws only when the transaction as a whole could not commit. */
  write(batch: readonly AppendRequest[]): AppendOutcome[] {
    // IMMEDIATE takes the write lock up front, so the checks below cannot be raced by another process.
    let outcomes: AppendOutcome[];
    try {
      try {
        outcomes = this.writeBatch.immediate(batch, false);
      } catch (error) {
        if (!(error instanceof PartlyWritten)) throw error;
        this.heads.rolledBack();
        outcomes = this.writeBatch.immediate(batch, true);
      }
    } catch (error) {
      this.heads.rolledBack();
      throw error;
    }
    this.heads.committed();
    return outcomes;
  }

  private applyAll(batch: readonly AppendRequest[], isolated: boolean): AppendOutcome[] {
    // Inside the transaction: another process may have written since our last batch.
    this.heads.begin();
    const last = this.heads.lastRecordedAt(() => this.lastRecordedAt.get()?.recorded_at ?? null);
    const recordedAt = stampRecordedAt(this.clock, last);
    const outcomes = batch.map((request): AppendOutcome => {
      try {
        return { ok: true, result: isolated ? this.writeOne(request, recordedAt) : this.apply(request, recordedAt, false) };
      } catch (error) {
        if (error instanceof PartlyWritten) throw error;
        return { ok: false, error };
      }
    });
    if (outcomes.some((outcome) => outcome.ok)) this.heads.recorded(recordedAt);
    return outcomes;
  }

  private apply({ streamId, events, expected, command }: AppendRequest, recordedAt: string, isolated: boolean): AppendResult {
    // The command check comes first: a retried command must learn it already ran, even though its
    // expected revision no longer holds.
    const existing = command && this.findCommand.get(command.id);
    if (existing) throw new CommandAlreadyRecordedError(toCommandRecord(existing));

    const head = this.heads.get(streamId, () => this.streamHead.get(streamId) ?? EMPTY_STREAM_HEAD);
    checkExpectedRevision(streamId, expected, head.revision);

    const rows = sealRows(streamId, events, head, recordedAt);
    let position = 0n;
    // Nothing is written before this point: a refusal above needs no rollback.
    try {
      for (const row of rows) {
        try {
          position = this.insertEvent.run(toEventValues(row)).lastInsertRowid as bigint;
        } catch (error) {
          if (isUniqueViolationOn(error, 'events.id')) throw new DuplicateEventIdError(row.id);
          throw error;
        }
      }
      if (command) this.insertCommand.run(command.id, command.hash, streamId, rows[0].revision, rows[rows.length - 1].revision, recordedAt);
    } catch (error) {
      if (!isolated) throw new PartlyWritten('an append failed part way', { cause: error });
      throw error;
    }
    const { revision, hash } = rows[rows.length - 1];
    this.heads.wrote(streamId, { revision, hash });
    return { streamId, nextRevision: revision, position, recordedAt };
  }
}

/** Duck-typed: the driver's errors may come from another realm (e.g. under jest), failing instanceof. */
function isUniqueViolationOn(error: unknown, column: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}
