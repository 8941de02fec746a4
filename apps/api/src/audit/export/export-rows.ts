import type { AuditRow } from '@throughline/read-models';
import { auditRowNode } from '../recorded-event.types';

/** The columns of an exported event, in order: the audit log's fields and the event's chain hash. */
export const EXPORT_COLUMNS = [
  'position',
  'streamId',
  'revision',
  'type',
  'recordedAt',
  'actor',
  'reason',
  'correlationId',
  'commandId',
  'data',
  'hash',
] as const;

/** The audit log's node as GraphQL serves it (position a string: it may pass 2^53), with the chain hash. */
const record = (row: AuditRow) => ({ ...auditRowNode(row), hash: row.hash });

/** One JSON object and a line feed. */
export const ndjsonLine = (row: AuditRow): string => `${JSON.stringify(record(row))}\n`;

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled. */
const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(',')}\r\n`;

/** One CSV record; data as its JSON text. */
export const csvLine = (row: AuditRow): string => {
  const fields = record(row);
  return `${EXPORT_COLUMNS.map((column) => csvField(column === 'data' ? JSON.stringify(fields.data) : fields[column])).join(',')}\r\n`;
};
