import type { Database, Statement } from 'better-sqlite3';
import type { EntityKind, FoldObserver } from '../entity-state.projection';
import { perConnection, type Projection } from '../projection';

export const VIEW_CHECKPOINT_TABLE = 'view_checkpoint';

/** Events between two checkpoints of a stream: the most an as-of fold reads past the read model. */
export const DEFAULT_CHECKPOINT_INTERVAL = 128;

interface CheckpointRow {
  streamId: string;
  revision: number;
  recordedAt: string;
  state: string;
}

export interface ViewCheckpointOptions {
  readonly interval?: number;
}

/**
 * The view of every long stream every `interval` revisions, keyed by stream and revision with the
 * instant its last event was recorded: a question about the past loads the last checkpoint
 * recorded at or before the instant and folds at most `interval - 1` events from the store,
 * however long the stream (see AsOfFolds).
 *
 * It folds nothing itself: the entity_state projection, which folds every view with the same
 * evolve, tells it of each one (FoldObserver), so a checkpoint is by construction what the read
 * model held at that revision, and a rebuild writes them again with everything else. Only the
 * kinds given are checkpointed; a kind whose events carry personal data is left out, so no
 * sealed personal field outlives its erasure here (those streams fold from the store, as before).
 * Rows are only ever inserted: a view at a revision never changes.
 */
export class ViewCheckpointProjection implements Projection, FoldObserver {
  readonly name = VIEW_CHECKPOINT_TABLE;
  readonly tables = [VIEW_CHECKPOINT_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS view_checkpoint (
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      state TEXT NOT NULL,
      PRIMARY KEY (stream_id, revision)
    ) WITHOUT ROWID`,
  ];
  readonly fingerprint: string;
  readonly interval: number;

  private readonly categories: ReadonlySet<string>;
  private readonly pending: CheckpointRow[] = [];
  private readonly statements = perConnection(
    (db: Database): Statement<[CheckpointRow]> =>
      db.prepare('INSERT OR REPLACE INTO view_checkpoint (stream_id, revision, recorded_at, state) VALUES (@streamId, @revision, @recordedAt, @state)'),
  );

  constructor(kinds: readonly EntityKind[], options: ViewCheckpointOptions = {}) {
    this.interval = options.interval ?? DEFAULT_CHECKPOINT_INTERVAL;
    if (!Number.isInteger(this.interval) || this.interval < 1) throw new RangeError('interval must be a positive integer');
    this.categories = new Set(kinds.map((k) => k.category));
    this.fingerprint = JSON.stringify({ interval: this.interval, kinds: [...kinds].map((k) => `${k.category}@${k.version ?? 1}`).sort() });
  }

  folded(streamId: string, kind: EntityKind, view: unknown, revision: number, recordedAt: string): void {
    if ((revision + 1) % this.interval !== 0 || !this.categories.has(kind.category)) return;
    this.pending.push({ streamId, revision, recordedAt, state: JSON.stringify(view) });
  }

  apply(): void {
    // Fed by folded(), called from the entity_state projection's apply of the same event.
  }

  flush(db: Database): void {
    const insert = this.statements(db);
    for (const row of this.pending) insert.run(row);
  }

  endBatch(): void {
    this.pending.length = 0;
  }
}
