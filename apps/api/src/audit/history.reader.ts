import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@throughline/event-store';
import { streamId } from '@throughline/runtime';
import { connectionOf, type Bounds, type Connection, type Direction, type Keyset, type PageArgs } from '../common/connections';
import { CATEGORY_OF_ENTITY } from '../common/entity-type-categories';
import { EventDataOpener } from '../common/event-data-opener';
import { requireEntityId } from '../common/ids';
import { EVENT_STORE } from '../common/tokens';
import type { EntityType } from '../graphql/enums';
import { toRecordedEventNode, type RecordedEventNode } from './recorded-event.types';

type RevisionKey = readonly [revision: number];

/** One entity's events in the order they happened, a page at a time: revisions run 0, 1, 2... with no gap. */
@Injectable()
export class HistoryReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly opener: EventDataOpener,
  ) {}

  page(entity: { readonly type: EntityType; readonly id: string }, args: PageArgs): Promise<Connection<RecordedEventNode>> {
    const stream = streamId(CATEGORY_OF_ENTITY[entity.type], requireEntityId(entity.id, 'entity.id'));
    const keyset: Keyset<RevisionKey, RecordedEventNode> = {
      shape: { kind: 'history', parts: ['integer'] },
      read: async (bounds, direction, limit) => {
        const events = await this.revisions(stream, bounds, direction, limit);
        const opened = await this.opener.all(events);
        return events.map((event, i) => ({ key: [event.revision] as const, node: toRecordedEventNode(event, opened[i]!) }));
      },
      count: async () => (await this.store.streamRevision(stream)) + 1,
    };
    return connectionOf(keyset, args);
  }

  /** The revisions strictly between the bounds nearest the direction's start, read as one range. */
  private async revisions(stream: string, bounds: Bounds<RevisionKey>, direction: Direction, limit: number): Promise<RecordedEvent[]> {
    const low = bounds.after ? bounds.after[0] + 1 : 0;
    if (direction === 'forward' && !bounds.before) return this.store.readStream(stream, { fromRevision: low, maxCount: limit });
    // Backward from the end needs to know where the end is: one look at the stream's revision.
    const high = bounds.before ? bounds.before[0] : (await this.store.streamRevision(stream)) + 1;
    const from = direction === 'forward' ? low : Math.max(low, high - limit);
    const count = Math.min(limit, high - from);
    if (count <= 0) return [];
    const events = await this.store.readStream(stream, { fromRevision: from, maxCount: count });
    return direction === 'forward' ? events : events.reverse();
  }
}
