import type { AuditLogFilter } from '@throughline/read-models';
import { InputError } from '../../common/app-errors';
import { requireEntityId } from '../../common/ids';
import { DateTimeScalar } from '../../graphql/scalars';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportParams {
  readonly filter: AuditLogFilter;
  readonly format: ExportFormat;
}

const KNOWN = ['pmoId', 'from', 'to', 'format'];

/** One query-string value: absent, or given once. */
const single = (query: Record<string, unknown>, name: string): string | null => {
  const value = query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new InputError(name, `${name} is given more than once`);
  return value;
};

const instant = (query: Record<string, unknown>, name: string): string | null => {
  const value = single(query, name);
  if (value === null) return null;
  try {
    return DateTimeScalar.parseValue(value) as string;
  } catch {
    throw new InputError(name, `${name} "${value.slice(0, 60)}" is not an ISO-8601 instant with an offset, e.g. 2026-03-01T00:00:00Z`);
  }
};

/**
 * The export's query string, checked the way GraphQL arguments are: a mistake is a clear error
 * naming the parameter, never a silently wider or narrower export (an unknown parameter, such as a
 * misspelt filter, is refused too).
 */
export function parseExportParams(query: Record<string, unknown>): ExportParams {
  const unknown = Object.keys(query).find((name) => !KNOWN.includes(name));
  if (unknown !== undefined) throw new InputError(unknown, `unknown parameter ${unknown.slice(0, 60)}; known are ${KNOWN.join(', ')}`);
  const pmoId = single(query, 'pmoId');
  const from = instant(query, 'from');
  const to = instant(query, 'to');
  if (from !== null && to !== null && from > to) throw new InputError('to', `to (${to}) is before from (${from})`);
  const format = single(query, 'format') ?? 'ndjson';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InputError('format', `format "${format.slice(0, 60)}" is not one of ${EXPORT_FORMATS.join(', ')}`);
  }
  return {
    filter: { pmoId: pmoId === null ? null : requireEntityId(pmoId, 'pmoId'), from, to },
    format: format as ExportFormat,
  };
}
