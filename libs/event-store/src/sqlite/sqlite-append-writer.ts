import type Database from 'better-sqlite3';
import { checkExpectedRevision } from '../append-rules';
import { CommandAlreadyRecordedError, DuplicateEventIdError } from '../errors';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { EMPTY_STREAM_HEAD, type StreamHead, sealEvents, stampRecordedAt } from '../sealed-event';
import { type CommandRow, toCommandRecord, toEventParams } from './sqlite-rows';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly command: AppendOptions['command'];
}

export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

/**
 * Writes a batch of appends in one transaction (one fsync), each inside its own savepoint: an
 * append that fails is rolled back alone, including any AUTOINCREMENT position it consumed, so the
 * others still commit and the global order keeps no hole.
 */
export class SqliteAppendWriter {
  private readonly findCommand: Database.Statement<[string], CommandRow>;
  private readonly streamHead: Database.Statement<[string], StreamHead>;
  private readonly lastRecordedAt: Database.Statement<[], { recorded_at: string }>;
  private readonly insertEvent: Database.Statement<[ReturnType<typeof toEventParams>]>;
  private readonly insertCommand: Database.Statement;
  private readonly writeBatch: Database.Transaction<(batch: readonly AppendRequest[]) => AppendOutcome[]>;
  private readonly writeOne: Database.Transaction<(request: AppendRequest, last: string | null) => AppendResult>;

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
    this.insertEvent = db
      .prepare<[ReturnType<typeof toEventParams>]>(
        `INSERT INTO events
           (id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, prev_hash)
         VALUES
           (@id, @stream_id, @revision, @type, @schema_version, @data, @metadata, @recorded_at, @hash, @prev_hash)`,
      )
      .safeIntegers(true);
    this.insertCommand = db.prepare(
      `INSERT INTO commands (command_id, command_hash, stream_id, from_revision, to_revision, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    // Nested better-sqlite3 transactions run as SAVEPOINTs inside the outer one.
    this.writeOne = db.transaction((request: AppendRequest, last: string | null) => this.apply(request, last));
    this.writeBatch = db.transaction((batch: readonly AppendRequest[]) => this.applyAll(batch));
  }

  /** Commits the batch; throws only when the transaction as a whole could not commit. */
  write(batch: readonly AppendRequest[]): AppendOutcome[] {
    // IMMEDIATE takes the write lock up front, so the checks below cannot be raced by another process.
    return this.writeBatch.immediate(batch);
  }

  private applyAll(batch: readonly AppendRequest[]): AppendOutcome[] {
    // Read once per transaction: another process may have written since our last batch.
    let last = this.lastRecordedAt.get()?.recorded_at ?? null;
    return batch.map((request): AppendOutcome => {
      try {
        const result = this.writeOne(request, last);
        last = result.recordedAt;
        return { ok: true, result };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }

  private apply({ streamId, events, expected, command }: AppendRequest, last: string | null): AppendResult {
    // The command check comes first: a retried command must learn it already ran, even though its
    // expected revision no longer holds.
    const existing = command && this.findCommand.get(command.id);
    if (existing) throw new CommandAlreadyRecordedError(toCommandRecord(existing));

    const head = this.streamHead.get(streamId) ?? EMPTY_STREAM_HEAD;
    checkExpectedRevision(streamId, expected, head.revision);

    const recordedAt = stampRecordedAt(this.clock, last);
    const sealed = sealEvents(streamId, events, head, recordedAt);
    let position = 0n;
    for (const event of sealed) {
      try {
        position = this.insertEvent.run(toEventParams(event)).lastInsertRowid as bigint;
      } catch (error) {
        if (isUniqueViolationOn(error, 'events.id')) throw new DuplicateEventIdError(event.id);
        throw error;
      }
    }
    const from = sealed[0].revision;
    const to = sealed[sealed.length - 1].revision;
    if (command) this.insertCommand.run(command.id, command.hash, streamId, from, to, recordedAt);
    return { streamId, nextRevision: to, position, recordedAt };
  }
}

/** Duck-typed: the driver's errors may come from another realm (e.g. under jest), failing instanceof. */
function isUniqueViolationOn(error: unknown, column: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}
