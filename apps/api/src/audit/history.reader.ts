import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@throughline/event-store';
import { requireEntityId } from '../common/ids';
import { streamId } from '@throughline/runtime';
import { CATEGORY_OF_ENTITY } from '../common/entity-type-categories';
import { EventDataOpener } from '../common/event-data-opener';
import { EVENT_STORE } from '../common/tokens';
import type { EntityType } from '../graphql/enums';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { toRecordedEventNode, type RecordedEventConnection } from './recorded-event.types';

/** One entity's events in the order they happened, a page at a time. */
@Injectable()
export class HistoryReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly opener: EventDataOpener,
  ) {}

  async page(entity: { readonly type: EntityType; readonly id: string }, first: number | null, after: string | null): Promise<RecordedEventConnection> {
    const size = pageSize(first);
    const id = requireEntityId(entity.id, 'entity.id');
    const fromRevision = after ? Number(decodeCursor(after, 'rev')) + 1 : 0;
    // One more than asked tells whether another page follows.
    const events = await this.store.readStream(streamId(CATEGORY_OF_ENTITY[entity.type], id), { fromRevision, maxCount: size + 1 });
    const page = events.slice(0, size);
    const opened = await this.opener.all(page);
    const edges = page.map((event, index) => ({ cursor: encodeCursor('rev', event.revision), node: toRecordedEventNode(event, opened[index]!) }));
    return { edges, pageInfo: { hasNextPage: events.length > size, endCursor: edges[edges.length - 1]?.cursor ?? null } };
  }
}
