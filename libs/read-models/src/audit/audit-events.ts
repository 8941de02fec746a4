import type { Database } from 'better-sqlite3';
import type { EventsByPosition } from '@throughline/event-store';

/** What the audit log shows of an event besides the columns it is filtered by. */
export interface AuditEventDetail {
  readonly revision: number;
  readonly reason: string | null;
  readonly commandId: string | null;
  readonly correlationId: string | null;
  /** As stored: personal fields still sealed, opened (or shown erased) by whoever presents them. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly hash: string;
}

/** The details of the events at the positions, in their order; every position must be one the log holds. */
export interface AuditEvents {
  at(positions: readonly bigint[]): AuditEventDetail[];
}

const missing = (position: bigint): Error =>
  new Error(`the audit log lists position ${position}, which the event store does not hold: rebuild the read models`);

/** Read from the store by position, so the read model holds no copy of any event. */
export const storedAuditEvents = (store: EventsByPosition): AuditEvents => ({
  at: (positions) =>
    store.eventsAt(positions).map((event, index) => {
      if (!event) throw missing(positions[index] as bigint);
      const { metadata } = event;
      return {
        revision: event.revision,
        reason: metadata.reason ?? null,
        commandId: metadata.commandId ?? null,
        correlationId: metadata.correlationId ?? null,
        data: event.data,
        hash: event.hash,
      };
    }),
});

interface CopyRow {
  position_text: string;
  revision: number;
  reason: string | null;
  command_id: string | null;
  correlation_id: string | null;
  data: string;
  hash: string;
}

/** Read from audit_event, where the projection copies each event for a store that cannot serve it by position. */
export const copiedAuditEvents = (db: Database): AuditEvents => {
  const select = db.prepare<[string], CopyRow>(
    `SELECT CAST(position AS TEXT) AS position_text, revision, reason, command_id, correlation_id, data, hash
     FROM audit_event WHERE position IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`,
  );
  return {
    at: (positions) => {
      if (positions.length === 0) return [];
      const found = new Map<string, CopyRow>();
      for (const row of select.all(JSON.stringify(positions.map(String)))) found.set(row.position_text, row);
      return positions.map((position) => {
        const row = found.get(String(position));
        if (!row) throw missing(position);
        return {
          revision: row.revision,
          reason: row.reason,
          commandId: row.command_id,
          correlationId: row.correlation_id,
          data: JSON.parse(row.data) as Record<string, unknown>,
          hash: row.hash,
        };
      });
    },
  };
};
