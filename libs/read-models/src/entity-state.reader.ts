import type { Database, Statement } from 'better-sqlite3';
import { ParsedViews } from './parsed-views';
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

/** Where an entity sits in a list: when it was created, then its id. Neither ever changes. */
export type EntityKey = readonly [createdAt: string, entityId: string];

/** The filter of one page of a list; every field narrows it. */
export interface EntityPageFilter extends EntityFilter {
  /** Any of these PMOs. */
  readonly pmoIds?: readonly string[];
  /** Any of these entities. */
  readonly entityIds?: readonly string[];
  /** Created at or before this instant (ISO-8601, as the store writes it). */
  readonly createdUpTo?: string;
}

/** Exclusive bounds on the key, and which way to read from them. */
export interface EntityPageRange {
  readonly after: EntityKey | null;
  readonly before: EntityKey | null;
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
}

interface Row {
  entity_id: string;
  state: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'entity_id, state, revision, created_at, updated_at';

/**
 * The largest batch of point reads whose records are kept for later reads (ParsedViews): the
 * views an answer names (a report's objectives, a plan's activities), not a page of a long list.
 */
const REMEMBERED_BATCH = 64;

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
  /** One statement per shape of page or count, prepared on first use. */
  private readonly pages = new Map<string, Statement<[Record<string, unknown>], Row & { n: number }>>();

  private readonly db: Database;
  /** Point reads (the loaders' batches) answer a row they read before from its one parse. */
  private readonly parsed = new ParsedViews<Row, EntityRecord<unknown>>(toRecord);
  /**
   * Whether anything in the file changed since a view was read (ReadModelDb.generation): if not,
   * the view answers without its row being read again. Only a ReadModelDb knows every way its file
   * changes; on a bare connection every point read reads its row.
   */
  private readonly generation: (() => number) | null;

  /** The entity_state table must exist: construct after the projector (which creates it). */
  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    this.generation = db instanceof ReadModelDb ? () => db.generation() : null;
    this.byStreamId = this.db.prepare(`SELECT ${COLUMNS} FROM entity_state WHERE stream_id = ?`);
    this.byStreamIds = this.db.prepare(
      `SELECT stream_id, ${COLUMNS} FROM entity_state WHERE stream_id IN (SELECT value FROM json_each(?))`,
    );
  }

  get<V>(category: string, entityId: string): EntityRecord<V> | null {
    const streamId = `${category}-${entityId}`;
    const generation = this.generation?.();
    if (generation !== undefined) {
      const known = this.parsed.confirmed(streamId, generation);
      if (known !== undefined) return known as EntityRecord<V>;
    }
    const row = this.byStreamId.get(streamId);
    return row ? (this.parsed.recordOf(streamId, row, true, generation) as EntityRecord<V>) : null;
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

  /**
   * One page of a list in (created_at, entity_id) order, the order `list` answers in: at most
   * `limit` records strictly between the bounds, nearest the start of the direction first. The
   * indexes on (category, pmo_id | parent_id, created_at, entity_id) let it read only the page.
   */
  page<V>(category: string, filter: EntityPageFilter, range: EntityPageRange): EntityRecord<V>[] {
    if (!Number.isInteger(range.limit) || range.limit < 1) throw new RangeError(`limit must be a positive integer, got ${range.limit}`);
    const { conditions, params } = this.conditions(category, filter);
    if (range.after) {
      conditions.push('(created_at, entity_id) > (@afterAt, @afterId)');
      [params['afterAt'], params['afterId']] = range.after;
    }
    if (range.before) {
      conditions.push('(created_at, entity_id) < (@beforeAt, @beforeId)');
      [params['beforeAt'], params['beforeId']] = range.before;
    }
    const order = range.direction === 'forward' ? 'ASC' : 'DESC';
    const sql = `SELECT ${COLUMNS} FROM entity_state WHERE ${conditions.join(' AND ')}
                 ORDER BY created_at ${order}, entity_id ${order} LIMIT @limit`;
    return this.prepared(sql).all({ ...params, limit: range.limit }).map((row) => toRecord<V>(row));
  }

  /** How many entities the filter lets through. */
  count(category: string, filter: EntityPageFilter): number {
    const { conditions, params } = this.conditions(category, filter);
    return this.prepared(`SELECT COUNT(*) AS n FROM entity_state WHERE ${conditions.join(' AND ')}`).get(params)?.n ?? 0;
  }

  private conditions(category: string, filter: EntityPageFilter): { conditions: string[]; params: Record<string, unknown> } {
    const conditions = ['category = @category'];
    const params: Record<string, unknown> = { category };
    for (const [field, column] of FILTER_COLUMNS) {
      const value = filter[field];
      if (value === undefined) continue;
      if (value === null) conditions.push(`${column} IS NULL`);
      else {
        conditions.push(`${column} = @${field}`);
        params[field] = value;
      }
    }
    if (filter.pmoIds !== undefined) {
      conditions.push('pmo_id IN (SELECT value FROM json_each(@pmoIds))');
      params['pmoIds'] = JSON.stringify(filter.pmoIds);
    }
    if (filter.entityIds !== undefined) {
      conditions.push('entity_id IN (SELECT value FROM json_each(@entityIds))');
      params['entityIds'] = JSON.stringify(filter.entityIds);
    }
    if (filter.createdUpTo !== undefined) {
      conditions.push('created_at <= @createdUpTo');
      params['createdUpTo'] = filter.createdUpTo;
    }
    return { conditions, params };
  }

  private prepared(sql: string): Statement<[Record<string, unknown>], Row & { n: number }> {
    let statement = this.pages.get(sql);
    if (!statement) {
      statement = this.db.prepare<[Record<string, unknown>], Row & { n: number }>(sql);
      this.pages.set(sql, statement);
    }
    return statement;
  }

  /** One query for many ids; the result lines up with `entityIds`, null where none exists. */
  getMany<V>(category: string, entityIds: readonly string[]): (EntityRecord<V> | null)[] {
    if (entityIds.length === 0) return [];
    // Most batches are of one (an operation about one entity): a key lookup, without a JSON list to build and read.
    if (entityIds.length === 1) return [this.get<V>(category, entityIds[0]!)];
    const streamIds = entityIds.map((id) => `${category}-${id}`);
    const found = new Map<string, EntityRecord<V>>();
    // A batch as large as a page of a list is a scan: its rows are not kept for later reads.
    const remember = streamIds.length <= REMEMBERED_BATCH;
    const generation = remember ? this.generation?.() : undefined;
    let unread = streamIds;
    if (generation !== undefined) {
      unread = [];
      for (const streamId of streamIds) {
        const known = this.parsed.confirmed(streamId, generation);
        if (known !== undefined) found.set(streamId, known as EntityRecord<V>);
        else unread.push(streamId);
      }
    }
    if (unread.length > 0) {
      for (const row of this.byStreamIds.all(JSON.stringify(unread))) {
        found.set(row.stream_id, this.parsed.recordOf(row.stream_id, row, remember, generation) as EntityRecord<V>);
      }
    }
    return streamIds.map((streamId) => found.get(streamId) ?? null);
  }
}
