import { Injectable } from '@nestjs/common';
import type { ContactSnapshot, NetworkGroupSnapshot } from '@throughline/domain';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { CONTACT, NETWORK_GROUP, PMO } from '../common/aggregates';

/**
 * Contacts and groups as a command of another aggregate judges them (a group's new member, a
 * touchpoint's participants), folded from their streams the way commands fold them: fresher than
 * the read model. One that does not exist is NOT_FOUND on the field that named it.
 */
@Injectable()
export class NetworkSnapshots {
  constructor(private readonly loader: AggregateLoader) {}

  async pmo(value: string, field: string, folds: RequestFolds): Promise<string> {
    return (await this.loader.existing(PMO, value, field, folds)).id;
  }

  async contact(value: string, field: string, folds: RequestFolds): Promise<ContactSnapshot> {
    const { state } = await this.loader.existing(CONTACT, value, field, folds);
    return { contactId: state.contactId, pmoId: state.pmoId, knownSince: state.knownSince, erased: state.erased };
  }

  async group(value: string, field: string, folds: RequestFolds): Promise<NetworkGroupSnapshot> {
    const { view } = await this.loader.existing(NETWORK_GROUP, value, field, folds);
    if (view.status === 'NONE') throw new Error(`group ${value} has a state but no view`);
    return { groupId: view.groupId, pmoId: view.pmoId, formedOn: view.formedOn };
  }

  /** In the order named; one after another, so a request names each stream once in its folds. */
  async contacts(values: readonly string[], field: string, folds: RequestFolds): Promise<ContactSnapshot[]> {
    const snapshots: ContactSnapshot[] = [];
    for (const value of values) snapshots.push(await this.contact(value, field, folds));
    return snapshots;
  }

  async groups(values: readonly string[] | null | undefined, field: string, folds: RequestFolds): Promise<NetworkGroupSnapshot[]> {
    const snapshots: NetworkGroupSnapshot[] = [];
    for (const value of values ?? []) snapshots.push(await this.group(value, field, folds));
    return snapshots;
  }
}
