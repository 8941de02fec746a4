import type { OpenedAuditRow } from '../recorded-event.types';
import { EXPORT_COLUMNS, csvHeader, csvLine, ndjsonLine } from './export-rows';

const row: OpenedAuditRow = {
  position: 9_007_199_254_740_993n, // 2^53 + 1: a JSON number would round it
  streamId: 'objective-0b7c6f0e-0000-4000-8000-000000000011',
  revision: 4,
  type: 'ObjectiveTargetRevised',
  pmoId: '0b7c6f0e-0000-4000-8000-000000000001',
  actor: 'grace@pmo.example',
  recordedAt: '2026-03-01T09:00:00.000Z',
  reason: 'Budget "cut", again,\r\nafter review',
  commandId: null,
  correlationId: 'corr-1',
  data: { target: 90, note: 'a, "b"', owner: null },
  hash: 'ab'.repeat(32),
  erasedFields: ['owner'],
};

describe('exported rows', () => {
  it('as NDJSON, one object per line with the position as an exact string', () => {
    const line = ndjsonLine(row);

    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      position: '9007199254740993',
      streamId: row.streamId,
      revision: 4,
      type: row.type,
      recordedAt: row.recordedAt,
      actor: row.actor,
      reason: row.reason,
      correlationId: 'corr-1',
      commandId: null,
      data: row.data,
      hash: row.hash,
      erasedFields: ['owner'],
    });
  });

  it('as CSV, quoted per RFC 4180 where a field needs it, empty for null, data and erased fields as JSON text', () => {
    expect(csvHeader()).toBe(`${EXPORT_COLUMNS.join(',')}\r\n`);
    expect(csvLine(row)).toBe(
      [
        '9007199254740993',
        row.streamId,
        '4',
        'ObjectiveTargetRevised',
        '2026-03-01T09:00:00.000Z',
        'grace@pmo.example',
        '"Budget ""cut"", again,\r\nafter review"',
        'corr-1',
        '',
        '"{""target"":90,""note"":""a, \\""b\\"""",""owner"":null}"',
        row.hash,
        '"[""owner""]"',
      ].join(',') + '\r\n',
    );
  });
});
