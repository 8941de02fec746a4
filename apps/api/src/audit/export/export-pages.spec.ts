import { setImmediate as nextTurn } from 'node:timers/promises';
import { WorkTurns } from '@throughline/event-store';
import type { AuditLogFilter, AuditRow } from '@throughline/read-models';
import { EXPORT_PAGE, exportLines, type AuditPages } from './export-pages';

/** An audit log of `count` rows at positions 1..count, read as the read model pages it. */
const auditLogOf = (count: number): AuditPages & { pagesRead: number } => ({
  pagesRead: 0,
  page(_filter: AuditLogFilter, after: bigint | null, limit: number): AuditRow[] {
    this.pagesRead += 1;
    const first = after === null ? 1n : after + 1n;
    const rows: AuditRow[] = [];
    for (let position = first; position <= BigInt(count) && rows.length < limit; position += 1n) {
      rows.push({
        position,
        streamId: 'objective-0b7c6f0e-0000-4000-8000-000000000011',
        revision: Number(position) - 1,
        type: 'ObjectiveDefined',
        pmoId: null,
        actor: 'grace@pmo.example',
        recordedAt: '2026-03-01T09:00:00.000Z',
        reason: null,
        commandId: null,
        correlationId: 'corr-1',
        data: {},
        hash: 'ab'.repeat(32),
      });
    }
    return rows;
  },
});

/** Rows as the vault opens them when nothing in them is personal. */
const opened = async (rows: readonly AuditRow[]) => rows.map((row) => ({ ...row, erasedFields: [] }));

const drain = async (lines: AsyncGenerator<string>): Promise<string> => {
  let text = '';
  for await (const chunk of lines) text += chunk;
  return text;
};

describe('export pages', () => {
  it('given a log of several pages, when exported, then every row up to the snapshot is written once, in order', async () => {
    const log = auditLogOf(EXPORT_PAGE * 2 + 7);

    const text = await drain(exportLines(log, opened, {}, 'ndjson', BigInt(EXPORT_PAGE * 2)));

    const positions = text.trim().split('\n').map((line) => (JSON.parse(line) as { position: string }).position);
    expect(positions).toEqual(Array.from({ length: EXPORT_PAGE * 2 }, (_, i) => String(i + 1)));
  });

  it('given a client that takes every page at once, when exported, then other work gets a turn between pages', async () => {
    const log = auditLogOf(EXPORT_PAGE * 4);
    let turnsOfOtherWork = 0;
    let exporting = true;
    // Counts the turns of the event loop the export leaves to others while it runs.
    const otherWork = (async () => {
      while (exporting) {
        await nextTurn();
        turnsOfOtherWork += 1;
      }
    })();

    await drain(exportLines(log, opened, {}, 'csv', BigInt(EXPORT_PAGE * 4), new WorkTurns()));
    exporting = false;
    await otherWork;

    expect(log.pagesRead).toBe(5);
    expect(turnsOfOtherWork).toBeGreaterThanOrEqual(4);
  });
});
