import { WHOLE_STORE_TURNS, type GlobalPosition, type WorkTurns } from '@throughline/event-store';
import type { AuditLogFilter, AuditRow } from '@throughline/read-models';
import type { ExportFormat } from './export-params';
import type { OpenedAuditRow } from '../recorded-event.types';
import { csvHeader, csvLine, ndjsonLine } from './export-rows';

/**
 * Rows read from the read model per step: one page is all the export holds in memory, and
 * opening and writing it stays a short turn (500 held the event loop up to 192 ms on the
 * 1,000,000-event store, 200 up to 34 ms; bench/stalls.bench.ts).
 */
export const EXPORT_PAGE = 200;

/** The one read the export makes of the audit log read model. */
export interface AuditPages {
  page(filter: AuditLogFilter, after: GlobalPosition | null, limit: number): AuditRow[];
}

/**
 * The lines of an export up to `upTo`, a page at a time. Each page is read on a turn of the event
 * loop shared with all whole-store work: a client on a fast link never makes the socket push back,
 * so without it each page would follow the last in microtasks and no other request would be
 * served until the whole log was written.
 */
export async function* exportLines(
  log: AuditPages,
  /** Personal data opened, or null once its person was erased: never a sealed string. */
  open: (rows: readonly AuditRow[]) => Promise<readonly OpenedAuditRow[]>,
  filter: AuditLogFilter,
  format: ExportFormat,
  upTo: GlobalPosition | null,
  turns: WorkTurns = WHOLE_STORE_TURNS,
): AsyncGenerator<string> {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  if (format === 'csv') yield csvHeader();
  if (upTo === null) return;
  let after: GlobalPosition | null = null;
  for (;;) {
    const from: GlobalPosition | null = after;
    const rows: AuditRow[] = await turns.take(async () => log.page(filter, from, EXPORT_PAGE));
    const taken = rows.filter((row) => row.position <= upTo);
    if (taken.length > 0) yield (await open(taken)).map(line).join('');
    if (rows.length < EXPORT_PAGE || taken.length < rows.length) return;
    after = rows[rows.length - 1].position;
  }
}
