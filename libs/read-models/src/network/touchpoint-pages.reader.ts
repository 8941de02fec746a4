import type { Database, Statement } from 'better-sqlite3';
import type { LocalDate } from '@throughline/domain';
import { ReadModelDb } from '../read-model-db';

/** A PMO's touchpoints held in [from, to], or only those that named one group. */
export interface TouchpointsHeldFilter {
  readonly pmoId: string;
  readonly groupId?: string | null;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** Where a touchpoint sits in a list: the day it was held, then the position its event was recorded at. */
export type TouchpointKey = readonly [heldOn: LocalDate, position: number];

export interface KeyedTouchpoint {
  readonly touchpointId: string;
  readonly key: TouchpointKey;
}

/** Exclusive bounds on the key, and which way to read from them. */
export interface TouchpointPageRange {
  readonly after: TouchpointKey | null;
  readonly before: TouchpointKey | null;
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
}

/**
 * Pages of a PMO's touchpoints in the order the network's lists show them (by day, then as
 * recorded), read along (pmo_id | group_id, held_on, position) indexes, so a page reads a page
 * however many touchpoints the window holds. Touchpoints never change once recorded.
 */
export class TouchpointPagesReader {
  private readonly db: Database;
  private readonly statements = new Map<string, Statement<[Record<string, unknown>], { touchpoint_id: string; held_on: string; position: number; n: number }>>();

  /** The tables must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
  }

  page(filter: TouchpointsHeldFilter, range: TouchpointPageRange): KeyedTouchpoint[] {
    if (!Number.isInteger(range.limit) || range.limit < 1) throw new RangeError(`limit must be a positive integer, got ${range.limit}`);
    // A cursor inside the window takes the place of the window's edge on its side: the planner
    // seeks to a row value only when no plain bound on held_on competes with it.
    const after = range.after !== null && range.after[0] >= filter.from ? range.after : null;
    const before = range.before !== null && range.before[0] <= filter.to ? range.before : null;
    const conditions = this.conditions(filter, {
      low: after ? '(held_on, position) > (@afterDay, @afterPosition)' : 'held_on >= @from',
      high: before ? '(held_on, position) < (@beforeDay, @beforePosition)' : 'held_on <= @to',
    });
    const order = range.direction === 'forward' ? 'ASC' : 'DESC';
    const rows = this.prepared(
      `SELECT touchpoint_id, held_on, position FROM ${this.table(filter)} WHERE ${conditions.join(' AND ')}
       ORDER BY held_on ${order}, position ${order} LIMIT @limit`,
    ).all({
      ...this.params(filter),
      afterDay: after?.[0] ?? null,
      afterPosition: after?.[1] ?? null,
      beforeDay: before?.[0] ?? null,
      beforePosition: before?.[1] ?? null,
      limit: range.limit,
    });
    return rows.map((row) => ({ touchpointId: row.touchpoint_id, key: [row.held_on, row.position] }));
  }

  count(filter: TouchpointsHeldFilter): number {
    const sql = `SELECT COUNT(*) AS n FROM ${this.table(filter)} WHERE ${this.conditions(filter).join(' AND ')}`;
    return this.prepared(sql).get(this.params(filter))?.n ?? 0;
  }

  private grouped(filter: TouchpointsHeldFilter): boolean {
    return filter.groupId !== undefined && filter.groupId !== null;
  }

  private table(filter: TouchpointsHeldFilter): string {
    return this.grouped(filter) ? 'network_touchpoint_group' : 'network_touchpoint';
  }

  private conditions(filter: TouchpointsHeldFilter, bounds = { low: 'held_on >= @from', high: 'held_on <= @to' }): string[] {
    const conditions = ['pmo_id = @pmo', bounds.low, bounds.high];
    if (this.grouped(filter)) conditions.unshift('group_id = @group');
    return conditions;
  }

  private params(filter: TouchpointsHeldFilter): Record<string, unknown> {
    return { pmo: filter.pmoId, group: filter.groupId ?? null, from: filter.from, to: filter.to };
  }

  private prepared(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
