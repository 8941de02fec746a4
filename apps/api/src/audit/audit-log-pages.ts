import { Injectable } from '@nestjs/common';
import { AuditLogReader, type AuditLogFilter } from '@throughline/read-models';
import { InputError } from '../common/app-errors';
import { connectionOf, type Connection, type Keyset, type PageArgs } from '../common/connections';
import { EventDataOpener } from '../common/event-data-opener';
import { requireEntityId } from '../common/ids';
import type { AuditFilter } from './audit-filter.input';
import { auditRowNode, type RecordedEventNode } from './recorded-event.types';

/** Every list given must hold an event's type: with both, the types they share (none: nothing matches). */
const typesIn = (types: readonly string[] | null | undefined, eventTypes: readonly string[] | null | undefined): readonly string[] | null => {
  if (!types || !eventTypes) return types ?? eventTypes ?? null;
  return types.filter((type) => eventTypes.includes(type));
};

/** The GraphQL filter as the read model takes it; a malformed PMO id or a `to` before `from` is BAD_USER_INPUT. */
export const toLogFilter = (filter: AuditFilter | null): AuditLogFilter => {
  if (!filter) return {};
  const { pmoId, actor, types, eventTypes, from, to } = filter;
  // The scalar hands over instants in one UTC form, so the strings compare as the instants do.
  if (from && to && from > to) throw new InputError('filter.to', `to (${to}) is before from (${from})`);
  return {
    pmoId: pmoId === null || pmoId === undefined ? null : requireEntityId(pmoId, 'filter.pmoId'),
    actor: actor ?? null,
    types: typesIn(types, eventTypes),
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

  page(filter: AuditFilter | null, args: PageArgs): Promise<Connection<RecordedEventNode>> {
    const logFilter = toLogFilter(filter);
    const keyset: Keyset<readonly [bigint], RecordedEventNode> = {
      shape: { kind: 'auditLog', parts: ['bigint'] },
      read: async (bounds, direction, limit) => {
        const rows = this.log.between(logFilter, { after: bounds.after?.[0] ?? null, before: bounds.before?.[0] ?? null, direction, limit });
        const opened = await this.opener.all(rows);
        return opened.map((row) => ({ key: [row.position] as const, node: auditRowNode(row) }));
      },
      count: async () => this.log.count(logFilter),
    };
    return connectionOf(keyset, args);
  }
}
