import type { Database, Statement } from 'better-sqlite3';
import { ReadModelDb } from './read-model-db';

/** One entity's folded state as the entity_state projection last wrote it. */
export interface EntityRecord<S> {
  readonly entityId: string;
  readonly state: S;
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

const toRecord = <S>(row: Row): EntityRecord<S> => ({
  entityId: row.entity_id,
  state: JSON.parse(row.state) as S,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Queries over entity_state. The state type is the caller's claim: rows hold what evolve produced. */
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

  get<S>(category: string, entityId: string): EntityRecord<S> | null {
    const row = this.byStreamId.get(`${category}-${entityId}`);
    return row ? toRecord<S>(row) : null;
  }

  /** Oldest first (by creation, then id), so the order is stable across calls. */
  list<S>(category: string, filter: EntityFilter = {}): EntityRecord<S>[] {
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
    return statement.all(...params).map((row) => toRecord<S>(row));
  }

  /** One query for many ids; the result lines up with `entityIds`, null where none exists. */
  getMany<S>(category: string, entityIds: readonly string[]): (EntityRecord<S> | null)[] {
    if (entityIds.length === 0) return [];
    const streamIds = entityIds.map((id) => `${category}-${id}`);
    const found = new Map<string, EntityRecord<S>>();
    for (const row of this.byStreamIds.all(JSON.stringify(streamIds))) found.set(row.stream_id, toRecord<S>(row));
    return streamIds.map((streamId) => found.get(streamId) ?? null);
  }
}
