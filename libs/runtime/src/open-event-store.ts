import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryEventStore, SqliteEventStore, openEventStoreDbEventStore, type EventStore } from '@throughline/event-store';
import { ReadModelDb } from '@throughline/read-models';
import type { AppConfig } from './config/app-config';

export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';

/**
 * The event store the configuration names; the only source of truth. EventStoreDB is checked to
 * answer within the configured deadline, so a server that is down or silent fails the start-up
 * (StoreUnavailableError naming host:port, never the credentials) instead of hanging it.
 */
export async function connectEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStore !== 'eventstoredb') return openEventStore(config);
  const options = config.eventStoreDb;
  if (!options) throw new Error('PMO_EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
  // The data directory still holds this instance's read models, signing secret and admin token.
  fs.mkdirSync(config.dataDir, { recursive: true });
  return openEventStoreDbEventStore({ connectionString: options.connectionString, deadlineMs: options.deadlineMs });
}

/** The embedded stores, which open at once; EventStoreDB is reached over the network: connectEventStore. */
export function openEventStore(config: AppConfig): EventStore {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      fs.mkdirSync(config.dataDir, { recursive: true });
      return new SqliteEventStore({ file: path.join(config.dataDir, EVENTS_FILE), synchronous: config.sqliteSynchronous });
    case 'eventstoredb':
      throw new Error('PMO_EVENT_STORE=eventstoredb is reached over the network: open it with connectEventStore');
  }
}

/**
 * Read models live in the data directory, one file per instance (with EventStoreDB each instance
 * keeps its own from the shared store); with the memory store they are in memory too.
 */
export const readModelsLocation = (config: AppConfig): string =>
  config.eventStore === 'memory' ? ':memory:' : path.join(config.dataDir, READ_MODELS_FILE);

/**
 * The read models for the configured store. Read models built from EventStoreDB are marked so:
 * pointed at the other kind of store (say, after a migration, with the same data directory), they
 * are rebuilt from its events rather than resumed from a checkpoint that names another event there.
 */
export const openReadModels = (config: AppConfig): ReadModelDb =>
  ReadModelDb.open(readModelsLocation(config), config.eventStore === 'eventstoredb' ? { source: 'eventstoredb' } : {});
