import { auditRowNode, type OpenedAuditRow } from '../recorded-event.types';

/**
 * The columns of an exported event, in order: the audit log's fields, the event's chain hash, and
 * the fields of data that held personal data of someone since erased (now null).
 */
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
  'erasedFields',
] as const;

/** The audit log's node as GraphQL serves it (position a string: it may pass 2^53), with the chain hash. */
const record = (row: OpenedAuditRow) => ({ ...auditRowNode(row), hash: row.hash });

/** One JSON object and a line feed. */
export const ndjsonLine = (row: OpenedAuditRow): string => `${JSON.stringify(record(row))}\n`;

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled. */
const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(',')}\r\n`;

/** One CSV record; data and erasedFields as their JSON text. */
export const csvLine = (row: OpenedAuditRow): string => {
  const fields = record(row);
  const text = (column: (typeof EXPORT_COLUMNS)[number]) =>
    column === 'data' || column === 'erasedFields' ? JSON.stringify(fields[column]) : fields[column];
  return `${EXPORT_COLUMNS.map((column) => csvField(text(column))).join(',')}\r\n`;
};
