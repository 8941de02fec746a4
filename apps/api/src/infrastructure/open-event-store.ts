import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryEventStore, SqliteEventStore, type EventStore } from '@throughline/event-store';
import type { AppConfig } from '../config/app-config';

export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';

/** The event store the configuration names; the only source of truth. */
export function openEventStore(config: AppConfig): EventStore {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      fs.mkdirSync(config.dataDir, { recursive: true });
      return new SqliteEventStore({ file: path.join(config.dataDir, EVENTS_FILE), synchronous: config.sqliteSynchronous });
  }
}

/** Read models live next to the events; with the memory store they are in memory too. */
export const readModelsLocation = (config: AppConfig): string =>
  config.eventStore === 'memory' ? ':memory:' : path.join(config.dataDir, READ_MODELS_FILE);
