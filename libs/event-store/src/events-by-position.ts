import type { EventStore, GlobalPosition, RecordedEvent } from './event-store.port';

/**
 * A store that hands back stored events by global position at once, without a round trip: the
 * embedded ones. Read models may then keep a position where they would otherwise copy the event
 * (the audit log), and read the event from the store when asked.
 */
export interface EventsByPosition {
  /** The events at `positions`, upcast as readAll gives them, in the same order; undefined where none is stored. */
  eventsAt(positions: readonly GlobalPosition[]): (RecordedEvent | undefined)[];
}

export const canReadByPosition = (store: EventStore): store is EventStore & EventsByPosition =>
  typeof (store as Partial<EventsByPosition>).eventsAt === 'function';
