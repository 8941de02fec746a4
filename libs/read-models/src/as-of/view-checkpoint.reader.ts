import type { Database, Statement } from 'better-sqlite3';
import type { EntityKind } from '../entity-state.projection';
import { ReadModelDb } from '../read-model-db';

/** A stream's view at a revision, and when that revision was recorded. */
export interface ViewCheckpoint {
  readonly revision: number;
  readonly recordedAt: string;
  readonly view: unknown;
}

/** Where AsOfFolds finds a view to start from instead of the stream's first event. */
export interface CheckpointSource {
  /**
   * The latest checkpoint of the stream recorded at or before the instant, folded with exactly
   * `view` (null when there is none, or when the stream's checkpoints hold another projection).
   */
  atOrBefore(streamId: string, view: unknown, asOf: string): ViewCheckpoint | null;
}

/** Reads view_checkpoint rows (see ViewCheckpointProjection). */
export class ViewCheckpointReader implements CheckpointSource {
  private readonly latest: Statement<[string, string], { revision: number; recorded_at: string; state: string }>;
  /** Every kind's category, with the view projection its checkpoints were folded with (null: none kept). */
  private readonly views = new Map<string, unknown>();

  /**
   * `kinds`: every kind the entity_state projection folds; `checkpointed`: those given to the
   * ViewCheckpointProjection. The table must exist: construct after the projector (which creates it).
   */
  constructor(db: Database | ReadModelDb, kinds: readonly EntityKind[], checkpointed: readonly EntityKind[]) {
    const connection = db instanceof ReadModelDb ? db.connection : db;
    const kept = new Set(checkpointed.map((k) => k.category));
    for (const kind of kinds) this.views.set(kind.category, kept.has(kind.category) ? kind.view : null);
    // Recorded time never falls along a stream, so the last row at or before the instant is the latest by revision.
    this.latest = connection.prepare(
      `SELECT revision, recorded_at, state FROM view_checkpoint
        WHERE stream_id = ? AND recorded_at <= ? ORDER BY revision DESC LIMIT 1`,
    );
  }

  atOrBefore(streamId: string, view: unknown, asOf: string): ViewCheckpoint | null {
    const checkpointed = this.viewOf(streamId);
    if (checkpointed === null || checkpointed === undefined || checkpointed !== view) return null;
    const row = this.latest.get(streamId, asOf);
    return row ? { revision: row.revision, recordedAt: row.recorded_at, view: JSON.parse(row.state) as unknown } : null;
  }

  /** The longest category the stream id starts with decides, as in entity_state. */
  private viewOf(streamId: string): unknown {
    let found: { category: string; view: unknown } | null = null;
    for (const [category, view] of this.views) {
      if (streamId.length > category.length + 1 && streamId.startsWith(`${category}-`) && (found === null || category.length > found.category.length)) {
        found = { category, view };
      }
    }
    return found?.view;
  }
}
