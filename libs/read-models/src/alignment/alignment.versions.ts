import type { Database, Statement } from 'better-sqlite3';

/** One work entry as believed during a recorded interval. */
export interface WorkFacts {
  readonly workEntryId: string;
  readonly pmoId: string;
  readonly person: string;
  readonly workedOn: string;
  readonly hours: number;
  readonly activityId: string | null;
  readonly retracted: 0 | 1;
}

/** One period of an activity's contribution to an objective; `linkNo` tells periods apart. */
export interface LinkFacts {
  readonly activityId: string;
  readonly linkNo: number;
  readonly objectiveId: string;
  readonly weight: number;
  readonly effectiveFrom: string;
  readonly endedOn: string | null;
  /** As the link event gave them; no rule reads them, the contributions list shows them. */
  readonly rationale: string;
  readonly linkedAt: string;
}

export type ActivityVersionStatus = 'PLANNED' | 'DONE' | 'CANCELLED';

export interface ActivityFacts {
  readonly activityId: string;
  readonly planId: string;
  readonly pmoId: string;
  readonly title: string | null;
  readonly status: ActivityVersionStatus;
  readonly startsOn: string;
  readonly endsOn: string;
}

export interface ObjectiveFacts {
  readonly objectiveId: string;
  readonly pmoId: string;
  /** ACTIVE, or the outcome it was closed with. */
  readonly status: string;
  readonly closedOn: string | null;
}

export type Version<F> = F & { readonly versionId: number; readonly recordedFrom: string };

/** The writes every versioned table shares; lookups differ per table and live beside it. */
export interface VersionedTable<F> {
  readonly table: string;
  readonly close: Statement<[string, number]>;
  readonly remove: Statement<[number]>;
  readonly insert: Statement<[F & { recordedFrom: string }]>;
  /** `version_id AS versionId, recorded_from AS recordedFrom, <column> AS <field>...` */
  readonly selectList: string;
}

export const versionedTable = <F>(
  db: Database,
  table: string,
  columns: { readonly [K in keyof F & string]: string },
): VersionedTable<F> => {
  const fields = Object.keys(columns) as (keyof F & string)[];
  const names = fields.map((field) => columns[field]);
  return {
    table,
    close: db.prepare(`UPDATE ${table} SET recorded_to = ? WHERE version_id = ?`),
    remove: db.prepare(`DELETE FROM ${table} WHERE version_id = ?`),
    insert: db.prepare(
      `INSERT INTO ${table} (${names.join(', ')}, recorded_from)
       VALUES (${fields.map((field) => `@${field}`).join(', ')}, @recordedFrom)`,
    ),
    selectList: [
      'version_id AS versionId',
      'recorded_from AS recordedFrom',
      ...fields.map((field) => `${columns[field]} AS ${field}`),
    ].join(', '),
  };
};

/** Records the first version of a fact. */
export const begin = <F>(table: VersionedTable<F>, facts: F, recordedAt: string): void => {
  table.insert.run({ ...facts, recordedFrom: recordedAt });
};

/**
 * Ends `current` at `recordedAt` and starts `next` there. A version replaced at the very instant it
 * was recorded (two events of one append share recordedAt) is visible at no instant at all, so it
 * is replaced in place instead of being kept as an empty interval.
 */
export const supersede = <F>(
  table: VersionedTable<F>,
  current: Version<F>,
  next: F,
  recordedAt: string,
): void => {
  if (recordedAt < current.recordedFrom) {
    // Recorded time running backwards would leave intervals that end before they start.
    throw new Error(
      `${table.table}: event recorded at ${recordedAt} precedes the current version ` +
        `recorded at ${current.recordedFrom}`,
    );
  }
  if (recordedAt === current.recordedFrom) table.remove.run(current.versionId);
  else table.close.run(recordedAt, current.versionId);
  table.insert.run({ ...next, recordedFrom: recordedAt });
};
