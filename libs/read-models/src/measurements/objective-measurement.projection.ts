import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';
import { dispatch, type EventHandlers } from '../event-handlers';
import { perConnection, type Projection } from '../projection';

export const OBJECTIVE_MEASUREMENT_TABLE = 'objective_measurement';

export interface MeasurementRow {
  objectiveId: string;
  sequence: number;
  value: number;
  measuredOn: string;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
  storedAt: string;
}

interface Context {
  readonly insert: Statement<[MeasurementRow]>;
  readonly event: RecordedEvent;
}

const handlers: EventHandlers<Context> = {
  ProgressRecorded: ({ data }, { insert, event }) => {
    const { objectiveId, value, measuredOn, note, recordedAt, recordedBy } = data;
    insert.run({
      objectiveId,
      // The stream revision orders an objective's measurements as recorded and is unique in it.
      sequence: event.revision,
      value,
      measuredOn,
      note,
      recordedAt,
      recordedBy,
      storedAt: event.metadata.recordedAt,
    });
  },
};

/**
 * Every measurement of every objective, one row each: the list that grows with an objective's
 * stream (a metrics feed records thousands) lives here rather than in the objective's view, so
 * folding the view stays linear and a list is one indexed range read.
 *
 * `recorded_at` and `recorded_by` are what the measurement says of itself; `stored_at` is when the
 * store recorded its event, the instant as-of questions compare with, as entity folds do.
 */
export class ObjectiveMeasurementProjection implements Projection {
  readonly name = OBJECTIVE_MEASUREMENT_TABLE;
  readonly tables = [OBJECTIVE_MEASUREMENT_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS objective_measurement (
      objective_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      value REAL NOT NULL,
      measured_on TEXT NOT NULL,
      note TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      stored_at TEXT NOT NULL,
      PRIMARY KEY (objective_id, sequence)
    ) WITHOUT ROWID`,
  ];
  readonly queryIndexes = [
    'CREATE INDEX IF NOT EXISTS objective_measurement_recorded ON objective_measurement (objective_id, stored_at)',
    // The measurement that held on a day is the last of the objective's measured on or before it:
    // one seek from that day backwards, whatever the length of its history.
    'CREATE INDEX IF NOT EXISTS objective_measurement_day ON objective_measurement (objective_id, measured_on, sequence, stored_at)',
  ];

  private readonly insert = perConnection((db) =>
    db.prepare<[MeasurementRow]>(
      `INSERT INTO objective_measurement
         (objective_id, sequence, value, measured_on, note, recorded_at, recorded_by, stored_at)
       VALUES (@objectiveId, @sequence, @value, @measuredOn, @note, @recordedAt, @recordedBy, @storedAt)`,
    ),
  );

  apply(event: RecordedEvent, db: Database): void {
    dispatch(handlers, event, { insert: this.insert(db), event });
  }
}
