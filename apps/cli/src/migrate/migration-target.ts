import type { EventStoreDbEventStore } from '@throughline/event-store';

/** What a migration uses of the EventStoreDB store: stored reads and writes, commands, the feed's head. */
export type MigrationTarget = Pick<
  EventStoreDbEventStore,
  'target' | 'appendStored' | 'readStreamStored' | 'readAllStored' | 'headPosition' | 'findCommand' | 'close' | 'personalKeys'
>;
