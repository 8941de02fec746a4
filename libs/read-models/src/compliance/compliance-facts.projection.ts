import type { Database, Statement } from 'better-sqlite3';
import { addDays } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { dispatch, type EventHandlers } from '../event-handlers';
import { perConnection, type Projection } from '../projection';

export const COMPLIANCE_TABLES = [
  'compliance_pmo',
  'compliance_pmo_end',
  'compliance_pmo_move',
  'compliance_standard',
  'compliance_version',
  'compliance_retirement',
  'compliance_adoption',
  'compliance_leeway',
  'compliance_deviation',
  'compliance_decision',
] as const;

type Row = Record<string, string | number | bigint | null>;

interface Context {
  readonly insert: Record<(typeof COMPLIANCE_TABLES)[number], Statement<[Row]>>;
  readonly event: RecordedEvent;
}

const stored = (event: RecordedEvent) => ({ position: event.position, storedAt: event.metadata.recordedAt });

const handlers: EventHandlers<Context> = {
  PmoEstablished: ({ data }, { insert, event }) => {
    // In being from its establishment day; a PMO recorded without one, from the day it was recorded.
    const existsFrom = data.establishedOn ?? event.metadata.recordedAt.slice(0, 10);
    insert.compliance_pmo.run({ pmoId: data.pmoId, parentId: data.parentId, kind: data.kind, existsFrom, ...stored(event) });
  },
  // A merged PMO's last day is the day before the merger takes effect.
  PmoMerged: ({ data }, { insert, event }) => {
    insert.compliance_pmo_end.run({ pmoId: data.pmoId, existsUntil: addDays(data.effectiveOn, -1), ...stored(event) });
  },
  PmoMovedToSuccessor: ({ data }, { insert, event }) => {
    insert.compliance_pmo_move.run({ pmoId: data.pmoId, parentId: data.parentId, ...stored(event) });
  },
  StandardPublished: ({ data }, { insert, event }) => {
    insert.compliance_standard.run({ standardId: data.standardId, publisherPmoId: data.pmoId, title: data.title, appliesTo: JSON.stringify(data.appliesTo), ...stored(event) });
    insert.compliance_version.run({ standardId: data.standardId, version: data.version, effectiveFrom: data.effectiveFrom, adoptionDueOn: data.adoptionDueOn, ...stored(event) });
  },
  StandardRevised: ({ data }, { insert, event }) => {
    insert.compliance_version.run({ standardId: data.standardId, version: data.version, effectiveFrom: data.effectiveFrom, adoptionDueOn: data.adoptionDueOn, ...stored(event) });
  },
  StandardRetired: ({ data }, { insert, event }) => {
    insert.compliance_retirement.run({ standardId: data.standardId, retiredOn: data.retiredOn, ...stored(event) });
  },
  StandardAdopted: ({ data }, { insert, event }) => {
    insert.compliance_adoption.run({ standardId: data.standardId, pmoId: data.pmoId, version: data.version, adoptedOn: data.adoptedOn, ...stored(event) });
  },
  StandardVersionKept: ({ data }, { insert, event }) => {
    insert.compliance_leeway.run({ standardId: data.standardId, pmoId: data.pmoId, version: data.version, until: data.until, ...stored(event) });
  },
  DeviationRequested: ({ data }, { insert, event }) => {
    const { deviationId, standardId, pmoId, significance, from, until, requestedOn } = data;
    insert.compliance_deviation.run({ deviationId, standardId, pmoId, significance, fromDay: from, untilDay: until, requestedOn, ...stored(event) });
  },
  DeviationApproved: ({ data }, { insert, event }) => insert.compliance_decision.run({ deviationId: data.deviationId, status: 'APPROVED', decidedOn: data.decidedOn, ...stored(event) }),
  DeviationRejected: ({ data }, { insert, event }) => insert.compliance_decision.run({ deviationId: data.deviationId, status: 'REJECTED', decidedOn: data.decidedOn, ...stored(event) }),
  DeviationWithdrawn: ({ data }, { insert, event }) => insert.compliance_decision.run({ deviationId: data.deviationId, status: 'WITHDRAWN', decidedOn: data.decidedOn, ...stored(event) }),
};

/**
 * The facts the compliance rule reads, one row each with the instant the store recorded it
 * (`stored_at`), so "as known at asOf" is a WHERE clause rather than a fold of every stream: a
 * report over 200 PMOs and 20 standards reads a few thousand narrow rows and computes in memory.
 * Rows are only ever inserted; the position orders them as recorded (the later adoption wins a tie).
 */
export class ComplianceFactsProjection implements Projection {
  readonly name = 'compliance_facts';
  readonly tables = [...COMPLIANCE_TABLES];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS compliance_pmo (
      pmo_id TEXT PRIMARY KEY, parent_id TEXT, kind TEXT NOT NULL, exists_from TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_pmo_end (
      pmo_id TEXT PRIMARY KEY, exists_until TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    // The parent a PMO moved under (a merged PMO's children): the tree as known at the instant.
    `CREATE TABLE IF NOT EXISTS compliance_pmo_move (
      position INTEGER PRIMARY KEY, pmo_id TEXT NOT NULL, parent_id TEXT NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_standard (
      standard_id TEXT PRIMARY KEY, publisher_pmo_id TEXT NOT NULL, title TEXT NOT NULL, applies_to TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_version (
      standard_id TEXT NOT NULL, version INTEGER NOT NULL, effective_from TEXT NOT NULL, adoption_due_on TEXT NOT NULL,
      position INTEGER NOT NULL, stored_at TEXT NOT NULL, PRIMARY KEY (standard_id, version))`,
    `CREATE TABLE IF NOT EXISTS compliance_retirement (
      standard_id TEXT PRIMARY KEY, retired_on TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_adoption (
      position INTEGER PRIMARY KEY, standard_id TEXT NOT NULL, pmo_id TEXT NOT NULL, version INTEGER NOT NULL, adopted_on TEXT NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_leeway (
      position INTEGER PRIMARY KEY, standard_id TEXT NOT NULL, pmo_id TEXT NOT NULL, version INTEGER NOT NULL, until TEXT NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_deviation (
      deviation_id TEXT PRIMARY KEY, standard_id TEXT NOT NULL, pmo_id TEXT NOT NULL, significance TEXT NOT NULL,
      from_day TEXT NOT NULL, until_day TEXT NOT NULL, requested_on TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS compliance_decision (
      deviation_id TEXT PRIMARY KEY, status TEXT NOT NULL, decided_on TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
  ];
  readonly queryIndexes = [
    'CREATE INDEX IF NOT EXISTS compliance_deviation_requested ON compliance_deviation (requested_on)',
    // One pair's facts, for the row a mutation answers.
    'CREATE INDEX IF NOT EXISTS compliance_adoption_pair ON compliance_adoption (standard_id, pmo_id)',
    'CREATE INDEX IF NOT EXISTS compliance_leeway_pair ON compliance_leeway (standard_id, pmo_id)',
    'CREATE INDEX IF NOT EXISTS compliance_deviation_pair ON compliance_deviation (standard_id, pmo_id)',
  ];

  private readonly statements = perConnection(
    (db: Database) =>
      ({
        compliance_pmo: db.prepare('INSERT INTO compliance_pmo VALUES (@pmoId, @parentId, @kind, @existsFrom, @position, @storedAt)'),
        compliance_pmo_end: db.prepare('INSERT INTO compliance_pmo_end VALUES (@pmoId, @existsUntil, @position, @storedAt)'),
        compliance_pmo_move: db.prepare('INSERT INTO compliance_pmo_move VALUES (@position, @pmoId, @parentId, @storedAt)'),
        compliance_standard: db.prepare('INSERT INTO compliance_standard VALUES (@standardId, @publisherPmoId, @title, @appliesTo, @position, @storedAt)'),
        compliance_version: db.prepare('INSERT INTO compliance_version VALUES (@standardId, @version, @effectiveFrom, @adoptionDueOn, @position, @storedAt)'),
        compliance_retirement: db.prepare('INSERT INTO compliance_retirement VALUES (@standardId, @retiredOn, @position, @storedAt)'),
        compliance_adoption: db.prepare('INSERT INTO compliance_adoption VALUES (@position, @standardId, @pmoId, @version, @adoptedOn, @storedAt)'),
        compliance_leeway: db.prepare('INSERT INTO compliance_leeway VALUES (@position, @standardId, @pmoId, @version, @until, @storedAt)'),
        compliance_deviation: db.prepare(
          'INSERT INTO compliance_deviation VALUES (@deviationId, @standardId, @pmoId, @significance, @fromDay, @untilDay, @requestedOn, @position, @storedAt)',
        ),
        compliance_decision: db.prepare('INSERT INTO compliance_decision VALUES (@deviationId, @status, @decidedOn, @position, @storedAt)'),
      }) as Context['insert'],
  );

  apply(event: RecordedEvent, db: Database): void {
    dispatch(handlers, event, { insert: this.statements(db), event });
  }
}
