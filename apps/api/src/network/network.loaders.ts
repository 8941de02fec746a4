import { Injectable } from '@nestjs/common';
import type { LocalDate } from '@throughline/domain';
import { NetworkFactsReader } from '@throughline/read-models';
import type DataLoader from 'dataloader';
import type { Loaders } from '../common/loaders';

/**
 * The network's per-request batching: the last touchpoint of every contact or group in a list,
 * and the groups of every contact, each one query for the whole list, as known at `asOf`.
 */
@Injectable()
export class NetworkLoaders {
  constructor(private readonly facts: NetworkFactsReader) {}

  lastTouchpointOfContact(loaders: Loaders, asOf: string | null): DataLoader<string, LocalDate | null> {
    return loaders.keyed('network:contactLastTouchpoint', asOf, async (ids) => this.facts.lastTouchpointOfContacts(ids, asOf));
  }

  /** The latest touchpoint that named the group (one with a member is the members' own). */
  lastTouchpointNamingGroup(loaders: Loaders, asOf: string | null): DataLoader<string, LocalDate | null> {
    return loaders.keyed('network:groupLastTouchpoint', asOf, async (ids) => this.facts.lastTouchpointNamingGroups(ids, asOf));
  }

  groupsOfContact(loaders: Loaders, asOf: string | null): DataLoader<string, string[]> {
    return loaders.keyed('network:contactGroups', asOf, async (ids) => this.facts.groupsOfContacts(ids, asOf));
  }
}
