import type { Database, Statement } from 'better-sqlite3';
import type { DomainEvent, ViewProjection } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { perConnection, type Projection } from './projection';

/** The columns queries filter on, taken from the folded view. */
export interface EntityIndex {
  readonly pmoId?: string | null;
  readonly parentId?: string | null;
  readonly status?: string | null;
}

/**
 * One aggregate type whose streams (`<category>-<id>`) are folded into entity_state rows through
 * its view projection: what the API shows of the entity, not the decider's state.
 */
export interface EntityKind<V = unknown, E extends DomainEvent = DomainEvent> {
  /** The stream prefix, e.g. 'objective'. */
  readonly category: string;
  readonly view: ViewProjection<E, V>;
  index(view: V): EntityIndex;
  /**
   * Bump when the view or index changes what is stored for existing events: the stored views are
   * then stale, and a new version makes the next start rebuild them from the events.
   */
  readonly version?: number;
}

/**
 * Erases a kind's event type so kinds of different aggregates fit in one list. The projection
 * hands each kind only events of its own streams, which its aggregate wrote.
 */
export const entityKind = <V, E extends DomainEvent>(kind: EntityKind<V, E>): EntityKind =>
  kind as unknown as EntityKind;

export const ENTITY_STATE_TABLE = 'entity_state';

/** Told of every view the projection folds, in feed order, inside the batch (e.g. ViewCheckpointProjection). */
export interface FoldObserver {
  folded(streamId: string, kind: EntityKind, view: unknown, revision: number, recordedAt: string): void;
}

interface Current {
  view: unknown;
  revision: number;
}

/** A stream's view folded in this batch and not yet written. */
interface Pending extends Current {
  readonly kind: EntityKind;
  /** Set when revision 0 is in this batch: the row is new. */
  readonly createdAt: string | null;
  readonly updatedAt: string;
}

interface Statements {
  readonly load: Statement<[string], { revision: number; state: string }>;
  readonly upsert: Statement<[UpsertRow]>;
}

interface UpsertRow {
  streamId: string;
  category: string;
  entityId: string;
  revision: number;
  state: string;
  createdAt: string;
  updatedAt: string;
  pmoId: string | null;
  parentId: string | null;
  status: string | null;
}

/**
 * Keeps the folded view of every stream of the configured kinds as JSON (column `state`), with a
 * few indexed columns for lists. Streams of other categories are ignored.
 */
export class EntityStateProjection implements Projection {
  readonly name = ENTITY_STATE_TABLE;
  readonly tables = [ENTITY_STATE_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS entity_state (
      stream_id TEXT PRIMARY KEY,
      category TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      pmo_id TEXT,
      parent_id TEXT,
      status TEXT
    )`,
  ];
  readonly queryIndexes = [
    // In list order within each (lists are ordered by creation, then id), so a page of a PMO's or
    // a parent's entities, or of a category's, is one range read however long the list.
    'CREATE INDEX IF NOT EXISTS entity_state_pmo_order ON entity_state (category, pmo_id, created_at, entity_id)',
    'CREATE INDEX IF NOT EXISTS entity_state_parent_order ON entity_state (category, parent_id, created_at, entity_id)',
    'CREATE INDEX IF NOT EXISTS entity_state_order ON entity_state (category, created_at, entity_id)',
    'CREATE INDEX IF NOT EXISTS entity_state_status ON entity_state (category, status)',
  ];
  readonly fingerprint: string;

  /** Longest prefix first, so 'plan-item' wins over 'plan' for 'plan-item-…'. */
  private readonly kinds: readonly EntityKind[];
  /**
   * Views folded in the current batch, written once per stream by flush: a stream with many
   * events in one batch is serialised and upserted once, not once per event. Views no longer grow
   * with their stream, so this saves writes rather than hiding a quadratic cost. Only valid inside the batch's transaction, so it is emptied whenever
   * a batch ends.
   */
  private readonly batchCache = new Map<string, Pending>();
  private readonly statements = perConnection(prepareStatements);
  /**
   * In a rebuild the views stay in batchCache across batches, least recently folded first, and
   * are written when the rebuild ends or, past this many streams (10,000 by default), the older half at a batch's end:
   * most streams (a work entry, a touchpoint) take all their events within days, so a stream is
   * almost always written once, and memory stays bounded however long the history.
   */
  private readonly bulkLimit: number;
  private bulk = false;

  constructor(
    kinds: readonly EntityKind[],
    private readonly observer: FoldObserver | null = null,
    options: { bulkLimit?: number } = {},
  ) {
    this.bulkLimit = options.bulkLimit ?? 10_000;
    const categories = new Set<string>();
    for (const { category } of kinds) {
      if (categories.has(category)) throw new Error(`entity kind ${category} is configured twice`);
      categories.add(category);
    }
    this.kinds = [...kinds].sort((a, b) => b.category.length - a.category.length);
    this.fingerprint = JSON.stringify(
      [...kinds].map((k) => `${k.category}@${k.version ?? 1}`).sort(),
    );
  }

  apply(event: RecordedEvent, db: Database): void {
    const kind = this.kindOf(event.streamId);
    if (!kind) return;
    const statements = this.statements(db);
    const current = this.current(event.streamId, event.revision, statements);
    const expected = current ? current.revision + 1 : 0;
    if (event.revision !== expected) {
      // A gap or a repeat means the rows no longer match the feed; refusing is the only safe move.
      throw new Error(
        `entity_state: ${event.streamId} expected revision ${expected}, got ${event.revision} at position ${event.position}`,
      );
    }
    const recordedAt = event.metadata.recordedAt;
    const view = kind.view.evolve(
      current ? current.view : kind.view.initialState,
      { type: event.type, data: event.data },
      { revision: event.revision, recordedAt, actor: event.metadata.actor },
    );
    this.observer?.folded(event.streamId, kind, view, event.revision, recordedAt);
    const pending = this.batchCache.get(event.streamId);
    const createdAt = event.revision === 0 ? recordedAt : (pending?.createdAt ?? null);
    // Re-inserted, so the map's order is the order streams were last folded in.
    if (this.bulk && pending) this.batchCache.delete(event.streamId);
    this.batchCache.set(event.streamId, { kind, view, revision: event.revision, createdAt, updatedAt: recordedAt });
  }

  flush(db: Database): void {
    if (!this.bulk) {
      this.write(db, this.batchCache);
      return;
    }
    if (this.batchCache.size <= this.bulkLimit) return;
    const oldest = new Map<string, Pending>();
    for (const [streamId, pending] of this.batchCache) {
      if (oldest.size >= this.batchCache.size / 2) break;
      oldest.set(streamId, pending);
    }
    this.write(db, oldest);
    for (const streamId of oldest.keys()) this.batchCache.delete(streamId);
  }

  endBatch(): void {
    if (!this.bulk) this.batchCache.clear();
  }

  beginBulk(): void {
    this.batchCache.clear();
    this.bulk = true;
  }

  finishBulk(db: Database): void {
    this.write(db, this.batchCache);
    this.abandonBulk();
  }

  abandonBulk(): void {
    this.bulk = false;
    this.batchCache.clear();
  }

  /** In stream id order, so the upserts walk the primary key's B-tree once rather than hop about it. */
  private write(db: Database, views: ReadonlyMap<string, Pending>): void {
    const statements = this.statements(db);
    const streamIds = [...views.keys()];
    if (this.bulk) streamIds.sort();
    for (const streamId of streamIds) {
      const pending = views.get(streamId) as Pending;
      const { kind, view } = pending;
      const index = kind.index(view);
      statements.upsert.run({
        streamId,
        category: kind.category,
        entityId: streamId.slice(kind.category.length + 1),
        revision: pending.revision,
        state: JSON.stringify(view),
        // An existing row keeps its created_at (the upsert never updates it).
        createdAt: pending.createdAt ?? pending.updatedAt,
        updatedAt: pending.updatedAt,
        pmoId: index.pmoId ?? null,
        parentId: index.parentId ?? null,
        status: index.status ?? null,
      });
    }
  }

  private kindOf(streamId: string): EntityKind | undefined {
    return this.kinds.find((k) => streamId.length > k.category.length + 1 && streamId.startsWith(`${k.category}-`));
  }

  private current(streamId: string, revision: number, statements: Statements): Current | undefined {
    const cached = this.batchCache.get(streamId);
    if (cached) return cached;
    // A rebuild started from an empty table, and a stream's first event finds no row there.
    if (this.bulk && revision === 0) return undefined;
    const row = statements.load.get(streamId);
    return row ? { view: JSON.parse(row.state) as unknown, revision: row.revision } : undefined;
  }
}

const prepareStatements = (db: Database): Statements => ({
  load: db.prepare('SELECT revision, state FROM entity_state WHERE stream_id = ?'),
  upsert: db.prepare(
    `INSERT INTO entity_state
       (stream_id, category, entity_id, revision, state, created_at, updated_at, pmo_id, parent_id, status)
     VALUES
       (@streamId, @category, @entityId, @revision, @state, @createdAt, @updatedAt, @pmoId, @parentId, @status)
     ON CONFLICT (stream_id) DO UPDATE SET
       revision = excluded.revision, state = excluded.state, updated_at = excluded.updated_at,
       pmo_id = excluded.pmo_id, parent_id = excluded.parent_id, status = excluded.status`,
  ),
});
