import type { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb-event-store';

/**
 * Opens the EventStoreDB store (see EventStoreDbEventStore.open), loading the client only now: it
 * takes about as long to load as a small test runs, and most importers of this library never
 * choose this store.
 */
export async function openEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
  const { EventStoreDbEventStore: Store } = await import('./eventstoredb-event-store');
  return Store.open(options);
}
