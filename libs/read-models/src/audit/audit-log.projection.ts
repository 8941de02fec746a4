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

export const AUDIT_EVENT_TABLE = 'audit_event';

interface Statements {
  readonly owner: Statement<[string], { pmo_id: string }>;
  readonly remember: Statement<[string, string]>;
  readonly insert: Statement<[AuditInsert]>;
  readonly copy: Statement<[EventCopy]>;
}

interface AuditInsert {
  position: bigint;
  streamId: string;
  type: string;
  pmoId: string | null;
  actor: string;
  recordedAt: string;
}

interface EventCopy {
  position: bigint;
  revision: number;
  reason: string | null;
  commandId: string | null;
  correlationId: string | null;
  data: string;
  hash: string;
}

export interface AuditLogOptions {
  /**
   * The event store hands events back by position (EventsByPosition, the embedded stores): the
   * log then keeps only what it is filtered and ordered by, and the reader takes the rest of each
   * event from the store. Otherwise (EventStoreDB, or no store at all in a spec) each event's
   * data and metadata are copied into audit_event. Default false.
   */
  readonly eventsFromStore?: boolean;
}

/**
 * One row per event, tagged with the PMO its stream belongs to, so the audit log of a PMO (its own
 * stream and those of its objectives, plans, activities and work entries) is one indexed range
 * scan instead of a walk over every stream. The rows hold what the log is filtered by; the event
 * itself (data as stored, sealed personal fields included, reason, ids, hash) is read by position
 * from the store, or from audit_event where the store cannot serve it so.
 */
export class AuditLogProjection implements Projection {
  readonly name = AUDIT_LOG_TABLE;
  readonly tables = [AUDIT_LOG_TABLE, STREAM_PMO_TABLE, AUDIT_EVENT_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS audit_log (
      position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL,
      type TEXT NOT NULL,
      pmo_id TEXT,
      actor TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    )`,
    // Only the first event of a stream names its PMO; later ones are attributed through this.
    `CREATE TABLE IF NOT EXISTS stream_pmo (
      stream_id TEXT PRIMARY KEY,
      pmo_id TEXT NOT NULL
    ) WITHOUT ROWID`,
    `CREATE TABLE IF NOT EXISTS audit_event (
      position INTEGER PRIMARY KEY,
      revision INTEGER NOT NULL,
      reason TEXT,
      command_id TEXT,
      correlation_id TEXT,
      data TEXT NOT NULL,
      hash TEXT NOT NULL
    )`,
  ];
  readonly queryIndexes = [
    'CREATE INDEX IF NOT EXISTS audit_log_pmo ON audit_log (pmo_id, position)',
    'CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, position)',
    'CREATE INDEX IF NOT EXISTS audit_log_type ON audit_log (type, position)',
    'CREATE INDEX IF NOT EXISTS audit_log_recorded_at ON audit_log (recorded_at)',
  ];
  /** Where the events are read from is part of the rows' shape. */
  readonly fingerprint: string;

  private readonly statements = perConnection(prepareStatements);
  private readonly copyEvents: boolean;

  constructor(options: AuditLogOptions = {}) {
    this.copyEvents = !options.eventsFromStore;
    this.fingerprint = this.copyEvents ? 'events copied' : 'events read from the store';
  }

  apply(event: RecordedEvent, db: Database): void {
    const statements = this.statements(db);
    const { metadata } = event;
    statements.insert.run({
      position: event.position,
      streamId: event.streamId,
      type: event.type,
      pmoId: this.pmoOf(event, statements),
      actor: metadata.actor,
      recordedAt: metadata.recordedAt,
    });
    if (!this.copyEvents) return;
    statements.copy.run({
      position: event.position,
      revision: event.revision,
      reason: metadata.reason ?? null,
      commandId: metadata.commandId ?? null,
      correlationId: metadata.correlationId ?? null,
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
    `INSERT INTO audit_log (position, stream_id, type, pmo_id, actor, recorded_at)
     VALUES (@position, @streamId, @type, @pmoId, @actor, @recordedAt)`,
  ),
  copy: db.prepare(
    `INSERT INTO audit_event (position, revision, reason, command_id, correlation_id, data, hash)
     VALUES (@position, @revision, @reason, @commandId, @correlationId, @data, @hash)`,
  ),
});
