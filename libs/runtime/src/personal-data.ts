import * as path from 'node:path';
import { PERSONAL_FIELDS, type PersonalFieldRules } from '@throughline/domain';
import {
  MemoryPersonalKeyStore,
  PERSONAL_KEYS_FILE,
  PersonalDataVault,
  SqlitePersonalKeyStore,
  type ErasureEventRules,
  type EventStore,
  type EventStoreDbEventStore,
  type PersonalKeyStore,
} from '@throughline/event-store';
import type { AppConfig } from './config/app-config';

/**
 * Which fields of which events are a person's data, and whose: the service seals them as they are
 * recorded and opens them where they are shown. The declarations live beside the events in the
 * domain (a context that records people adds its rules here).
 */
export const PERSONAL_FIELD_RULES: PersonalFieldRules = PERSONAL_FIELDS;

/**
 * The events that erase people, and whom each one erased (see ErasureEventRules): every instance's
 * projector forgets and destroys the keys of the people they name.
 */
export const PERSONAL_DATA_ERASURES: ErasureEventRules = {
  ContactPersonalDataErased: (data) => (typeof data['contactId'] === 'string' ? [data['contactId']] : []),
  SupportedPersonDataErased: (data) => (typeof data['subject'] === 'string' ? [data['subject']] : []),
};

/**
 * With EventStoreDB another instance may erase a person: an instance hears of it through its feed
 * at once, and asks the server again at the latest after this long if the feed was down.
 */
const SHARED_KEY_CACHE_TTL_MS = 60_000;

/**
 * Where the configured store keeps personal keys: `personal-keys.sqlite` in the data directory
 * beside the SQLite events, on the EventStoreDB server itself (shared by every instance), or in
 * memory with the memory store. `readonly` for a command beside the running service.
 */
export function openPersonalKeyStore(config: AppConfig, store: EventStore, options: { readonly?: boolean } = {}): PersonalKeyStore {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryPersonalKeyStore();
    case 'sqlite':
      return new SqlitePersonalKeyStore({ file: path.join(config.dataDir, PERSONAL_KEYS_FILE), readonly: options.readonly === true });
    case 'eventstoredb':
      return (store as EventStoreDbEventStore).personalKeys();
  }
}

/** The vault over the configured key store. */
export function openPersonalDataVault(config: AppConfig, store: EventStore, options: { readonly?: boolean } = {}): PersonalDataVault {
  return new PersonalDataVault(openPersonalKeyStore(config, store, options), config.eventStore === 'eventstoredb' ? { keyCacheTtlMs: SHARED_KEY_CACHE_TTL_MS } : {});
}
