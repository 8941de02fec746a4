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
