import type { Database, Statement } from 'better-sqlite3';
import { ReadModelDb } from './read-model-db';

/** One entity's folded view as the entity_state projection last wrote it. */
export interface EntityRecord<V> {
  readonly entityId: string;
  readonly view: V;
  /** Revision of the last event folded in: the value a client sends back as expectedRevision. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Absent fields do not filter; null matches rows where the column is null (e.g. top-level PMOs
 * with `parentId: null`).
 */
export interface EntityFilter {
  readonly pmoId?: string | null;
  readonly parentId?: string | null;
  readonly status?: string | null;
}

interface Row {
  entity_id: string;
  state: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'entity_id, state, revision, created_at, updated_at';

const FILTER_COLUMNS = [
  ['pmoId', 'pmo_id'],
  ['parentId', 'parent_id'],
  ['status', 'status'],
] as const;

const toRecord = <V>(row: Row): EntityRecord<V> => ({
  entityId: row.entity_id,
  view: JSON.parse(row.state) as V,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Queries over entity_state. The view type is the caller's claim: rows hold what the kind's view produced. */
export class EntityStateReader {
  private readonly byStreamId: Statement<[string], Row>;
  private readonly byStreamIds: Statement<[string], Row & { stream_id: string }>;
  /** One statement per combination of filters, prepared on first use. */
  private readonly lists = new Map<string, Statement<unknown[], Row>>();

  private readonly db: Database;

  /** The entity_state table must exist: construct after the projector (which creates it). */
  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    this.byStreamId = this.db.prepare(`SELECT ${COLUMNS} FROM entity_state WHERE stream_id = ?`);
    this.byStreamIds = this.db.prepare(
      `SELECT stream_id, ${COLUMNS} FROM entity_state WHERE stream_id IN (SELECT value FROM json_each(?))`,
    );
  }

  get<V>(category: string, entityId: string): EntityRecord<V> | null {
    const row = this.byStreamId.get(`${category}-${entityId}`);
    return row ? toRecord<V>(row) : null;
  }

  /** Oldest first (by creation, then id), so the order is stable across calls. */
  list<V>(category: string, filter: EntityFilter = {}): EntityRecord<V>[] {
    const conditions = ['category = ?'];
    const params: unknown[] = [category];
    const key: string[] = [];
    for (const [field, column] of FILTER_COLUMNS) {
      const value = filter[field];
      if (value === undefined) continue;
      if (value === null) {
        conditions.push(`${column} IS NULL`);
        key.push(`${field}:null`);
      } else {
        conditions.push(`${column} = ?`);
        params.push(value);
        key.push(field);
      }
    }
    const cacheKey = key.join(',');
    let statement = this.lists.get(cacheKey);
    if (!statement) {
      statement = this.db.prepare(
        `SELECT ${COLUMNS} FROM entity_state WHERE ${conditions.join(' AND ')} ORDER BY created_at, entity_id`,
      );
      this.lists.set(cacheKey, statement);
    }
    return statement.all(...params).map((row) => toRecord<V>(row));
  }

  /** One query for many ids; the result lines up with `entityIds`, null where none exists. */
  getMany<V>(category: string, entityIds: readonly string[]): (EntityRecord<V> | null)[] {
    if (entityIds.length === 0) return [];
    const streamIds = entityIds.map((id) => `${category}-${id}`);
    const found = new Map<string, EntityRecord<V>>();
    for (const row of this.byStreamIds.all(JSON.stringify(streamIds))) found.set(row.stream_id, toRecord<V>(row));
    return streamIds.map((streamId) => found.get(streamId) ?? null);
  }
}
