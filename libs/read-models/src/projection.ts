import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';

/**
 * One read model fed from the global feed. The projector applies every event to every projection,
 * in position order, inside the transaction that also writes the checkpoint: a projection never
 * commits on its own, and an event it throws on is never skipped.
 */
export interface Projection {
  /** Unique within a read-model database; part of the schema fingerprint. */
  readonly name: string;
  /** Idempotent statements (CREATE TABLE/INDEX IF NOT EXISTS ...), run at open and after a reset. */
  readonly ddl: readonly string[];
  /**
   * Idempotent CREATE INDEX statements that only queries read: apply never looks rows up through
   * them and none is UNIQUE (a unique index decides what an insert does, so it belongs in ddl).
   * Run with ddl at open; a rebuild creates them once after the bulk load instead, since building
   * an index from sorted rows costs a fraction of keeping it up to date row by row.
   */
  readonly queryIndexes?: readonly string[];
  /** Every table the DDL creates, dropped on rebuild or when the fingerprint changes. */
  readonly tables: readonly string[];
  /**
   * Anything besides name and DDL that changes the rows apply writes (e.g. the folds it uses).
   * Changing it makes the next start drop and rebuild the read models.
   */
  readonly fingerprint?: string;
  /** Synchronous; runs inside the batch transaction. Throwing rolls the whole batch back. */
  apply(event: RecordedEvent, db: Database): void;
  /**
   * Runs inside the batch transaction after the batch's last event and before its checkpoint:
   * write here what apply gathered, so rows touched many times in a batch are written once.
   */
  flush?(db: Database): void;
  /** Called after each batch transaction, committed or rolled back: drop per-batch caches here. */
  endBatch?(): void;
  /**
   * A rebuild starts: the tables are empty, and until finishBulk the projection may keep rows in
   * memory across batches (bounded) instead of writing them at every batch's flush. Rows still
   * reach the database by finishBulk, and nothing reads the read models as complete before then.
   */
  beginBulk?(): void;
  /** Writes everything held since beginBulk; runs inside the rebuild's closing transaction. */
  finishBulk?(db: Database): void;
  /** The rebuild failed: forget what is held without writing it (the tables are reset before use). */
  abandonBulk?(): void;
}

/**
 * Builds something once per connection (typically prepared statements) and hands the same
 * instance back afterwards, so apply stays cheap when a rebuild runs through millions of events.
 */
export const perConnection = <T>(build: (db: Database) => T): ((db: Database) => T) => {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
};
