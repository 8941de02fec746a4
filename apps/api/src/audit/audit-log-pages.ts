import { Injectable } from '@nestjs/common';
import { AuditLogReader, type AuditLogFilter } from '@throughline/read-models';
import { InputError } from '../common/app-errors';
import { EventDataOpener } from '../common/event-data-opener';
import { requireEntityId } from '../common/ids';
import type { AuditFilter } from './audit-filter.input';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { auditRowNode, type RecordedEventConnection } from './recorded-event.types';

const CURSOR_KIND = 'pos';

/** The GraphQL filter as the read model takes it; a malformed PMO id or a `to` before `from` is BAD_USER_INPUT. */
export const toLogFilter = (filter: AuditFilter | null): AuditLogFilter => {
  if (!filter) return {};
  const { pmoId, actor, types, from, to } = filter;
  // The scalar hands over instants in one UTC form, so the strings compare as the instants do.
  if (from && to && from > to) throw new InputError('filter.to', `to (${to}) is before from (${from})`);
  return {
    pmoId: pmoId === null || pmoId === undefined ? null : requireEntityId(pmoId, 'filter.pmoId'),
    actor: actor ?? null,
    types: types ?? null,
    from: from ?? null,
    to: to ?? null,
  };
};

/**
 * Every event in the order the store recorded it, narrowed by the filter, a page at a time. The
 * cursor is a global position, so a page boundary stays put however many events arrive later.
 */
@Injectable()
export class AuditLogPages {
  constructor(
    private readonly log: AuditLogReader,
    private readonly opener: EventDataOpener,
  ) {}

  async page(filter: AuditFilter | null, first: number | null, after: string | null): Promise<RecordedEventConnection> {
    const size = pageSize(first);
    const afterPosition = after ? decodeCursor(after, CURSOR_KIND) : null;
    // One more than asked tells whether another page follows.
    const rows = this.log.page(toLogFilter(filter), afterPosition, size + 1);
    const opened = await this.opener.all(rows.slice(0, size));
    const edges = opened.map((row) => ({ cursor: encodeCursor(CURSOR_KIND, row.position), node: auditRowNode(row) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges[edges.length - 1]?.cursor ?? null } };
  }
}
