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

/** Later than any instant the store records: "as known now". */
const LATER_THAN_ANY = '9999-12-31T23:59:59.999Z';

/** Objectives' measurements in the order recorded, now or as of an instant. */
export class ObjectiveMeasurementReader {
  private readonly db: Database;
  private readonly all: Statement<[string], Row>;
  private readonly upTo: Statement<[string, string], Row>;
  private readonly onOrBefore: Statement<[string, string, string], Row>;

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
    this.onOrBefore = this.db.prepare(
      `SELECT ${COLUMNS} FROM objective_measurement
       WHERE objective_id IN (SELECT value FROM json_each(?)) AND measured_on <= ? AND stored_at <= ?
       ORDER BY objective_id, sequence`,
    );
  }

  /**
   * The measurement each objective stood at on `day`, as known at `asOf` (now when null): the
   * latest measured on or before it, the later recorded winning a tie, as the domain's
   * currentMeasurement picks; null for one measured on no day up to then.
   */
  currentOn(objectiveIds: readonly string[], day: string, asOf: string | null = null): Map<string, Measurement | null> {
    const current = new Map<string, Measurement | null>(objectiveIds.map((id) => [id, null]));
    if (objectiveIds.length === 0) return current;
    // Rows come in the order recorded, so `>=` lets the later recorded of one day win.
    for (const row of this.onOrBefore.all(JSON.stringify([...current.keys()]), day, asOf ?? LATER_THAN_ANY)) {
      const held = current.get(row.objective_id) ?? null;
      if (held === null || row.measured_on >= held.measuredOn) current.set(row.objective_id, toMeasurement(row));
    }
    return current;
  }

  /** Each objective's measurements, recorded at or before `asOf` when given; lined up with `objectiveIds`. */
  listMany(objectiveIds: readonly string[], asOf: string | null = null): Measurement[][] {
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

  list(objectiveId: string, asOf: string | null = null): Measurement[] {
    return this.listMany([objectiveId], asOf)[0] ?? [];
  }
}
