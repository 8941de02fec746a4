import type { Database, Statement } from 'better-sqlite3';
import type { Measurement } from '@throughline/domain';
import { ReadModelDb } from '../read-model-db';

interface Row {
  objective_id: string;
  value: number;
  measured_on: string;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}

const toMeasurement = (row: Row): Measurement => ({
  value: row.value,
  measuredOn: row.measured_on,
  note: row.note,
  recordedAt: row.recorded_at,
  recordedBy: row.recorded_by,
});

const COLUMNS = 'objective_id, value, measured_on, note, recorded_at, recorded_by';

/** One measurement and its place in the objective's list: the revision of its event in the objective's stream. */
export interface SequencedMeasurement {
  readonly sequence: number;
  readonly measurement: Measurement;
}

/** Exclusive bounds on the sequence, and which way to read from them. */
export interface MeasurementPageRange {
  readonly after: number | null;
  readonly before: number | null;
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
}
/** [objective id, measured on, value]. */
type DayRow = [string, string, number];

/** What a measurement says about the day it was taken on. */
export type MeasuredValue = Pick<Measurement, 'measuredOn' | 'value'>;

/** Later than any instant the store records: "as known now". */
const LATER_THAN_ANY = '9999-12-31T23:59:59.999Z';

/** Objectives' measurements in the order recorded, now or as of an instant. */
export class ObjectiveMeasurementReader {
  private readonly db: Database;
  private readonly all: Statement<[string], Row>;
  private readonly upTo: Statement<[string, string], Row>;
  /** Pages and counts, one statement per shape, prepared on first use. */
  private readonly statements = new Map<string, Statement>();
  private readonly onOrBefore: Statement<[{ ids: string; day: string; cut: string }], DayRow>;

  /** The table must exist: construct after the projector (which creates it). */
  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    this.all = this.db.prepare(
      `SELECT ${COLUMNS} FROM objective_measurement WHERE objective_id IN (SELECT value FROM json_each(?)) ORDER BY objective_id, sequence`,
    );
    this.upTo = this.db.prepare(
      `SELECT ${COLUMNS} FROM objective_measurement
       WHERE objective_id IN (SELECT value FROM json_each(?)) AND stored_at <= ?
       ORDER BY objective_id, sequence`,
    );
    // Per objective, one seek back from the day for the measurement that held then, and one for its value.
    this.onOrBefore = this.db
      .prepare<[{ ids: string; day: string; cut: string }], DayRow>(
        `WITH held AS (
           SELECT j.value AS objective_id,
             (SELECT m.sequence FROM objective_measurement m INDEXED BY objective_measurement_day
              WHERE m.objective_id = j.value AND m.measured_on <= @day AND m.stored_at <= @cut
              ORDER BY m.measured_on DESC, m.sequence DESC LIMIT 1) AS sequence
           FROM json_each(@ids) j)
         SELECT h.objective_id, m.measured_on, m.value FROM held h
         JOIN objective_measurement m ON m.objective_id = h.objective_id AND m.sequence = h.sequence`,
      )
      .raw(true);
  }

  /**
   * The measurement each objective stood at on `day`, as known at `asOf` (now when null): the
   * latest measured on or before it, the later recorded winning a tie, as the domain's
   * currentMeasurement picks; absent for one measured on no day up to then. Only the day and the
   * value, which is all a judgment on the day reads.
   */
  currentOn(objectiveIds: readonly string[], day: string, asOf: string | null = null): Map<string, MeasuredValue> {
    const current = new Map<string, MeasuredValue>();
    if (objectiveIds.length === 0) return current;
    // Of one day's measurements the later recorded holds, as the domain's currentMeasurement picks.
    for (const [objectiveId, measuredOn, value] of this.onOrBefore.all({ ids: JSON.stringify([...new Set(objectiveIds)]), day, cut: asOf ?? LATER_THAN_ANY })) {
      current.set(objectiveId, { measuredOn, value });
    }
    return current;
  }

  /**
   * Each objective's measurements, recorded at or before `asOf` when given; lined up with
   * `objectiveIds`. With `limit`, at most that many of each, every objective one range read that
   * stops there.
   */
  listMany(objectiveIds: readonly string[], asOf: string | null = null, limit?: number): Measurement[][] {
    if (limit !== undefined) {
      return objectiveIds.map((id) => this.page(id, asOf, { after: null, before: null, direction: 'forward', limit }).map((row) => row.measurement));
    }
    if (objectiveIds.length === 0) return [];
    const ids = JSON.stringify([...new Set(objectiveIds)]);
    const rows = asOf === null ? this.all.all(ids) : this.upTo.all(ids, asOf);
    const byObjective = new Map<string, Measurement[]>();
    for (const row of rows) {
      let list = byObjective.get(row.objective_id);
      if (!list) byObjective.set(row.objective_id, (list = []));
      list.push(toMeasurement(row));
    }
    return objectiveIds.map((id) => byObjective.get(id) ?? []);
  }

  /**
   * A page of one objective's measurements in the order recorded, recorded at or before `asOf`
   * when given: at most `range.limit` strictly between the bounds, nearest the start of the
   * direction first. The primary key (objective_id, sequence) is the order, so a page reads a page.
   */
  page(objectiveId: string, asOf: string | null, range: MeasurementPageRange): SequencedMeasurement[] {
    if (!Number.isInteger(range.limit) || range.limit < 1) throw new RangeError(`limit must be a positive integer, got ${range.limit}`);
    const conditions = ['objective_id = @objectiveId'];
    if (asOf !== null) conditions.push('stored_at <= @asOf');
    if (range.after !== null) conditions.push('sequence > @after');
    if (range.before !== null) conditions.push('sequence < @before');
    const order = range.direction === 'forward' ? 'ASC' : 'DESC';
    const rows = this.prepared<Row & { sequence: number }>(
      `SELECT ${COLUMNS}, sequence FROM objective_measurement WHERE ${conditions.join(' AND ')} ORDER BY sequence ${order} LIMIT @limit`,
    ).all({ objectiveId, asOf, after: range.after, before: range.before, limit: range.limit });
    return rows.map((row) => ({ sequence: row.sequence, measurement: toMeasurement(row) }));
  }

  /** How many measurements the objective had recorded at `asOf` (now when null). */
  count(objectiveId: string, asOf: string | null = null): number {
    const sql = `SELECT COUNT(*) AS n FROM objective_measurement WHERE objective_id = @objectiveId${asOf === null ? '' : ' AND stored_at <= @asOf'}`;
    return this.prepared<{ n: number }>(sql).get({ objectiveId, asOf })?.n ?? 0;
  }

  private prepared<R>(sql: string): Statement<[Record<string, unknown>], R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Statement<[Record<string, unknown>], R>;
  }

  list(objectiveId: string, asOf: string | null = null): Measurement[] {
    return this.listMany([objectiveId], asOf)[0] ?? [];
  }
}
