import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';
import { perConnection, type Projection } from '../projection';

export const AUDIT_LOG_TABLE = 'audit_log';
export const STREAM_PMO_TABLE = 'stream_pmo';

/** A PMO's own stream is named after it, so it needs no remembered owner. */
export const PMO_STREAM_PREFIX = 'pmo-';

/**
 * A person's day (the 24-hour rule) spans every PMO the person works in, so it belongs to none:
 * its events show in the unfiltered log, never in a PMO's, and they are not taken for streams
 * that lost their PMO. The whole store's integrity check covers them.
 */
export const WORKDAY_STREAM_PREFIX = 'workday-';

interface Statements {
  readonly owner: Statement<[string], { pmo_id: string }>;
  readonly remember: Statement<[string, string]>;
  readonly insert: Statement<[AuditInsert]>;
}

interface AuditInsert {
  position: bigint;
  streamId: string;
  revision: number;
  type: string;
  pmoId: string | null;
  actor: string;
  recordedAt: string;
  reason: string | null;
  commandId: string | null;
  correlationId: string | null;
  data: string;
  hash: string;
}

/**
 * One row per event, tagged with the PMO its stream belongs to, so the audit log of a PMO (its own
 * stream and those of its objectives, plans, activities and work entries) is one indexed range
 * scan instead of a walk over every stream.
 */
export class AuditLogProjection implements Projection {
  readonly name = AUDIT_LOG_TABLE;
  readonly tables = [AUDIT_LOG_TABLE, STREAM_PMO_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS audit_log (
      position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      pmo_id TEXT,
      actor TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      reason TEXT,
      command_id TEXT,
      correlation_id TEXT,
      data TEXT NOT NULL,
      hash TEXT NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS audit_log_pmo ON audit_log (pmo_id, position)',
    'CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, position)',
    'CREATE INDEX IF NOT EXISTS audit_log_type ON audit_log (type, position)',
    'CREATE INDEX IF NOT EXISTS audit_log_recorded_at ON audit_log (recorded_at)',
    // Only the first event of a stream names its PMO; later ones are attributed through this.
    `CREATE TABLE IF NOT EXISTS stream_pmo (
      stream_id TEXT PRIMARY KEY,
      pmo_id TEXT NOT NULL
    ) WITHOUT ROWID`,
  ];

  private readonly statements = perConnection(prepareStatements);

  apply(event: RecordedEvent, db: Database): void {
    const statements = this.statements(db);
    statements.insert.run({
      position: event.position,
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      pmoId: this.pmoOf(event, statements),
      actor: event.metadata.actor,
      recordedAt: event.metadata.recordedAt,
      reason: event.metadata.reason ?? null,
      commandId: event.metadata.commandId ?? null,
      correlationId: event.metadata.correlationId ?? null,
      data: JSON.stringify(event.data),
      hash: event.hash,
    });
  }

  /**
   * A stream whose first event names no PMO (no current event lacks one) is attributed to none,
   * never to a guessed one: its events then show in no PMO's own log, only in the unfiltered one.
   */
  private pmoOf(event: RecordedEvent, statements: Statements): string | null {
    if (event.streamId.startsWith(PMO_STREAM_PREFIX)) return event.streamId.slice(PMO_STREAM_PREFIX.length);
    if (event.revision === 0) {
      const pmoId = event.data['pmoId'];
      if (typeof pmoId !== 'string' || pmoId === '') return null;
      statements.remember.run(event.streamId, pmoId);
      return pmoId;
    }
    return statements.owner.get(event.streamId)?.pmo_id ?? null;
  }
}

const prepareStatements = (db: Database): Statements => ({
  owner: db.prepare('SELECT pmo_id FROM stream_pmo WHERE stream_id = ?'),
  remember: db.prepare('INSERT INTO stream_pmo (stream_id, pmo_id) VALUES (?, ?)'),
  // A plain INSERT: the position is the primary key, so an event applied twice fails the batch
  // rather than being counted twice.
  insert: db.prepare(
    `INSERT INTO audit_log
       (position, stream_id, revision, type, pmo_id, actor, recorded_at, reason, command_id, correlation_id, data, hash)
     VALUES
       (@position, @streamId, @revision, @type, @pmoId, @actor, @recordedAt, @reason, @commandId, @correlationId, @data, @hash)`,
  ),
});
