import { Injectable } from '@nestjs/common';
import type { Stance } from '@throughline/domain';
import { NetworkFactsReader } from '@throughline/read-models';
import { CONTACT_KIND, isEntityId, NETWORK_GROUP_KIND, TOUCHPOINT_KIND } from '@throughline/runtime';
import { NotFoundError } from '../common/app-errors';
import { requireWindow } from '../common/date-window';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import type { Contact } from './contact.types';
import type { NetworkGroup } from './network-group.types';
import { NetworkViews } from './network.views';
import type { Touchpoint } from './touchpoint.types';

export interface ContactsFilter {
  readonly pmoId: string;
  readonly groupId?: string | null;
  readonly stance?: Stance | null;
}

export interface TouchpointsFilter {
  readonly pmoId: string;
  readonly from: string;
  readonly to: string;
  readonly groupId?: string | null;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** A PMO's network as the API shows it, now or as of an instant: lists filter on indexed columns and facts, never on personal fields. */
@Injectable()
export class NetworkReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly facts: NetworkFactsReader,
    private readonly views: NetworkViews,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async contact(loaders: Loaders, contactId: string, asOf: string | null): Promise<Contact | null> {
    if (!isEntityId(contactId)) return null;
    return this.views.contact(await loaders.entity(CONTACT_KIND, asOf).load(contactId.toLowerCase()), asOf);
  }

  /** The PMO's contacts, oldest first; in one group (its members then) or of one stance (their latest assessment's). */
  async contacts(filter: ContactsFilter, asOf: string | null): Promise<Contact[]> {
    const pmoId = requireEntityId(filter.pmoId, 'pmoId');
    let members: ReadonlySet<string> | null = null;
    if (given(filter.groupId)) {
      const groupId = requireEntityId(filter.groupId, 'groupId');
      const group = await this.reader.get(NETWORK_GROUP_KIND, groupId, asOf);
      if (!group || group.status === 'NONE') throw new NotFoundError('network group', groupId, 'groupId');
      members = new Set(group.members.map((member) => member.contactId));
    }
    const views = await this.reader.list(CONTACT_KIND, { pmoId }, asOf);
    return views
      .filter((view) => (members === null || members.has(view.contactId)) && (!given(filter.stance) || view.currentAssessment?.stance === filter.stance))
      .map((view) => this.views.contact(view, asOf))
      .filter((contact): contact is Contact => contact !== null);
  }

  /** The PMO's groups, oldest first. */
  async groups(pmoId: string, asOf: string | null): Promise<NetworkGroup[]> {
    const views = await this.reader.list(NETWORK_GROUP_KIND, { pmoId: requireEntityId(pmoId, 'pmoId') }, asOf);
    return views.map((view) => this.views.group(view, asOf)).filter((group): group is NetworkGroup => group !== null);
  }

  /** The PMO's touchpoints held from..to (inclusive), or those that named one group, by day. */
  async touchpoints(filter: TouchpointsFilter): Promise<Touchpoint[]> {
    requireWindow(filter.from, filter.to);
    const pmoId = requireEntityId(filter.pmoId, 'pmoId');
    const groupId = given(filter.groupId) ? requireEntityId(filter.groupId, 'groupId') : null;
    const rows = this.facts.touchpointsHeld({ pmoId, groupId, from: filter.from, to: filter.to });
    const views = await this.reader.getMany(TOUCHPOINT_KIND, rows.map((row) => row.touchpointId));
    return views.map((view) => this.views.touchpoint(view, null)).filter((t): t is Touchpoint => t !== null);
  }
}
