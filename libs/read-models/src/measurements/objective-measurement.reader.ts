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

/** Objectives' measurements in the order recorded, now or as of an instant. */
export class ObjectiveMeasurementReader {
  private readonly db: Database;
  private readonly all: Statement<[string], Row>;
  private readonly upTo: Statement<[string, string], Row>;

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
