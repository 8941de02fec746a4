import type { Database, Statement } from 'better-sqlite3';
import type { EventsByPosition } from '@throughline/event-store';
import { ReadModelDb } from '../read-model-db';
import { PMO_STREAM_PREFIX, WORKDAY_STREAM_PREFIX } from './audit-log.projection';
import { type AuditEventDetail, copiedAuditEvents, storedAuditEvents, type AuditEvents } from './audit-events';

/** One event as the audit log keeps it. */
export interface AuditRow {
  /** The store's global position: the order of the log and the place a cursor names. */
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  /** The PMO the event's stream belongs to; null for streams that name none. */
  readonly pmoId: string | null;
  readonly actor: string;
  readonly recordedAt: string;
  readonly reason: string | null;
  readonly commandId: string | null;
  readonly correlationId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  /** The event's chain hash as the store recorded it. */
  readonly hash: string;
}

/** Absent fields do not filter; present ones combine with AND. */
export interface AuditLogFilter {
  readonly pmoId?: string | null;
  readonly actor?: string | null;
  /** Any of these event types; an empty list matches nothing. */
  readonly types?: readonly string[] | null;
  /** Recorded at or after this instant (ISO-8601). */
  readonly from?: string | null;
  /** Recorded at or before this instant (ISO-8601). */
  readonly to?: string | null;
}

/** Exclusive bounds on the position, and which way to read from them. */
export interface AuditPageRange {
  readonly after: bigint | null;
  readonly before: bigint | null;
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
}

interface Row {
  position_text: string;
  stream_id: string;
  type: string;
  pmo_id: string | null;
  actor: string;
  recorded_at: string;
}

// Positions may pass 2^53, so they are read as text to reach a bigint unrounded. The alias must
// differ from the column: ORDER BY position would otherwise sort the text.
const COLUMNS = 'CAST(position AS TEXT) AS position_text, stream_id, type, pmo_id, actor, recorded_at';

/**
 * Recorded instants are compared as strings, sound only in the form the store writes (UTC with
 * milliseconds): `2026-03-01T10:00:00+01:00` must become `2026-03-01T09:00:00.000Z` first.
 */
const normaliseInstant = (name: string, value: string): string => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${name} ${value} is not an ISO-8601 instant`);
  return new Date(time).toISOString();
};

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

const toAuditRow = (row: Row, position: bigint, event: AuditEventDetail): AuditRow => ({
  position,
  streamId: row.stream_id,
  revision: event.revision,
  type: row.type,
  pmoId: row.pmo_id,
  actor: row.actor,
  recordedAt: row.recorded_at,
  reason: event.reason,
  commandId: event.commandId,
  correlationId: event.correlationId,
  data: event.data,
  hash: event.hash,
});

/**
 * The filter as a test on one row, holding exactly where `page` would list the row: for events
 * already in hand (a batch the projector just applied) rather than read back one query each.
 */
export function auditRowMatcher(filter: AuditLogFilter): (row: AuditRow) => boolean {
  const types = given(filter.types) ? new Set(filter.types) : null;
  const from = given(filter.from) ? normaliseInstant('from', filter.from) : null;
  const to = given(filter.to) ? normaliseInstant('to', filter.to) : null;
  return (row) =>
    (!given(filter.pmoId) || row.pmoId === filter.pmoId) &&
    (!given(filter.actor) || row.actor === filter.actor) &&
    (types === null || types.has(row.type)) &&
    (from === null || row.recordedAt >= from) &&
    (to === null || row.recordedAt <= to);
}

/**
 * Pages of the audit_log read model, oldest first. The rows say which events and in what order;
 * each event's data and metadata come from the store by position when it is given one (the
 * projection then copies nothing: AuditLogOptions.eventsFromStore), else from the copies.
 */
export class AuditLogReader {
  private readonly db: Database;
  private readonly events: AuditEvents;
  /** One statement per combination of filters, prepared on first use. */
  private readonly statements = new Map<string, Statement<[Record<string, unknown>], Row>>();
  private readonly counts = new Map<string, Statement<[Record<string, unknown>], { n: number }>>();
  private betweenStatement: Statement<[{ first: bigint; last: bigint }], Row> | undefined;

  /** The audit_log table must exist: construct after the projector (which creates it). */
  constructor(db: Database | ReadModelDb, store?: EventsByPosition) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    this.events = store ? storedAuditEvents(store) : copiedAuditEvents(this.db);
  }

  /**
   * At most `limit` events strictly after position `after` (from the start when null). Positions
   * only grow, so a page that starts after a given position is the same page however many events
   * arrive later, apart from those appended at its end.
   */
  page(filter: AuditLogFilter, after: bigint | null, limit: number): AuditRow[] {
    return this.between(filter, { after, before: null, direction: 'forward', limit });
  }

  /**
   * At most `range.limit` events strictly between the positions, nearest the start of the
   * direction first: backward, the latest first.
   */
  between(filter: AuditLogFilter, range: AuditPageRange): AuditRow[] {
    const { limit } = range;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    if (filter.types && filter.types.length === 0) return [];
    const { conditions, params } = this.conditions(filter);
    if (range.after !== null) {
      conditions.push('position > @after');
      params['after'] = range.after;
    }
    if (range.before !== null) {
      conditions.push('position < @before');
      params['before'] = range.before;
    }
    const order = range.direction === 'forward' ? 'ASC' : 'DESC';
    return this.withEvents(this.statement(conditions, order).all({ ...params, limit }));
  }

  /** How many events the filter lets through. */
  count(filter: AuditLogFilter): number {
    if (filter.types && filter.types.length === 0) return 0;
    const { conditions, params } = this.conditions(filter);
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const sql = `SELECT COUNT(*) AS n FROM audit_log ${where}`;
    let statement = this.counts.get(sql);
    if (!statement) {
      statement = this.db.prepare<[Record<string, unknown>], { n: number }>(sql);
      this.counts.set(sql, statement);
    }
    return statement.get(params)?.n ?? 0;
  }

  private conditions(filter: AuditLogFilter): { conditions: string[]; params: Record<string, unknown> } {
    const conditions: string[] = [];
    const params: Record<string, unknown> = {};
    if (given(filter.pmoId)) {
      conditions.push('pmo_id = @pmoId');
      params['pmoId'] = filter.pmoId;
    }
    if (given(filter.actor)) {
      conditions.push('actor = @actor');
      params['actor'] = filter.actor;
    }
    if (given(filter.types)) {
      conditions.push('type IN (SELECT value FROM json_each(@types))');
      params['types'] = JSON.stringify(filter.types);
    }
    if (given(filter.from)) {
      conditions.push('recorded_at >= @from');
      params['from'] = normaliseInstant('from', filter.from);
    }
    if (given(filter.to)) {
      conditions.push('recorded_at <= @to');
      params['to'] = normaliseInstant('to', filter.to);
    }
    return { conditions, params };
  }

  /** Every event from position `first` to position `last`, both included, oldest first. */
  fromTo(first: bigint, last: bigint): AuditRow[] {
    this.betweenStatement ??= this.db.prepare<[{ first: bigint; last: bigint }], Row>(
      `SELECT ${COLUMNS} FROM audit_log WHERE position >= @first AND position <= @last ORDER BY position`,
    );
    return this.withEvents(this.betweenStatement.all({ first, last }));
  }

  /**
   * The streams attributed to a PMO: its own (once it has events) and every stream whose first
   * event named it. Empty when the read model has never seen the PMO.
   */
  streamsOf(pmoId: string): string[] {
    const own = `${PMO_STREAM_PREFIX}${pmoId}`;
    const rows = this.db
      .prepare<[{ pmoId: string; own: string }], { stream_id: string }>(
        `SELECT @own AS stream_id WHERE EXISTS (SELECT 1 FROM audit_log WHERE pmo_id = @pmoId AND stream_id = @own)
         UNION ALL
         SELECT stream_id FROM stream_pmo WHERE pmo_id = @pmoId`,
      )
      .all({ pmoId, own });
    return rows.map((row) => row.stream_id);
  }

  /** Position of the last event the audit log holds; null when it holds none. */
  lastPosition(): bigint | null {
    const row = this.db.prepare<[], { position_text: string }>('SELECT CAST(MAX(position) AS TEXT) AS position_text FROM audit_log').get();
    return row?.position_text ? BigInt(row.position_text) : null;
  }

  /** Streams whose first event named no PMO: they cannot be attributed to any. Workdays belong to none by design. */
  unattributedStreams(): string[] {
    return this.db
      .prepare<[{ prefix: string }], { stream_id: string }>(
        'SELECT DISTINCT stream_id FROM audit_log WHERE pmo_id IS NULL AND substr(stream_id, 1, length(@prefix)) <> @prefix',
      )
      .all({ prefix: WORKDAY_STREAM_PREFIX })
      .map((row) => row.stream_id);
  }

  private withEvents(rows: readonly Row[]): AuditRow[] {
    const positions = rows.map((row) => BigInt(row.position_text));
    const events = this.events.at(positions);
    return rows.map((row, index) => toAuditRow(row, positions[index] as bigint, events[index] as AuditEventDetail));
  }

  private statement(conditions: readonly string[], order: 'ASC' | 'DESC'): Statement<[Record<string, unknown>], Row> {
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const key = `${where} ${order}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<[Record<string, unknown>], Row>(`SELECT ${COLUMNS} FROM audit_log ${where} ORDER BY position ${order} LIMIT @limit`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
