import { Injectable } from '@nestjs/common';
import type { ContactView, Stance } from '@throughline/domain';
import { TouchpointPagesReader, type EntityKey, type TouchpointKey } from '@throughline/read-models';
import { CONTACT_KIND, isEntityId, NETWORK_GROUP_KIND, TOUCHPOINT_KIND } from '@throughline/runtime';
import { NotFoundError } from '../common/app-errors';
import { connectionOf, ListCap, type Connection, type Keyset, type PageArgs } from '../common/connections';
import { requireWindow } from '../common/date-window';
import { entityKeyset } from '../common/entity-keyset';
import { EntityReader, type Existing } from '../common/entity-reader';
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
    private readonly touchpointPages: TouchpointPagesReader,
    private readonly views: NetworkViews,
    private readonly cap: ListCap,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async contact(loaders: Loaders, contactId: string, asOf: string | null): Promise<Contact | null> {
    if (!isEntityId(contactId)) return null;
    return this.views.contact(await loaders.entity(CONTACT_KIND, asOf).load(contactId.toLowerCase()), asOf);
  }

  /** The PMO's contacts, oldest first; in one group (its members then) or of one stance (their latest assessment's). */
  async contacts(filter: ContactsFilter, asOf: string | null): Promise<Contact[]> {
    return this.cap.list(await this.contactKeyset(filter, asOf), 'contacts', 'contactsConnection');
  }

  async contactPage(filter: ContactsFilter, asOf: string | null, args: PageArgs): Promise<Connection<Contact>> {
    return connectionOf(await this.contactKeyset(filter, asOf), args);
  }

  /** The PMO's groups, oldest first: a handful, so read whole. */
  async groups(pmoId: string, asOf: string | null): Promise<NetworkGroup[]> {
    const views = await this.reader.list(NETWORK_GROUP_KIND, { pmoId: requireEntityId(pmoId, 'pmoId') }, asOf);
    return views.map((view) => this.views.group(view, asOf)).filter((group): group is NetworkGroup => group !== null);
  }

  /** The PMO's touchpoints held from..to (inclusive), or those that named one group, by day. */
  touchpoints(filter: TouchpointsFilter): Promise<Touchpoint[]> {
    return this.cap.list(this.touchpointKeyset(filter), 'touchpoints', 'touchpointsConnection');
  }

  touchpointPage(filter: TouchpointsFilter, args: PageArgs): Promise<Connection<Touchpoint>> {
    return connectionOf(this.touchpointKeyset(filter), args);
  }

  /** A group's members narrow the query; a stance, which only the view holds, the views read. */
  private async contactKeyset(filter: ContactsFilter, asOf: string | null): Promise<Keyset<EntityKey, Contact>> {
    const pmoId = requireEntityId(filter.pmoId, 'pmoId');
    let members: string[] | null = null;
    if (given(filter.groupId)) {
      const groupId = requireEntityId(filter.groupId, 'groupId');
      const group = await this.reader.get(NETWORK_GROUP_KIND, groupId, asOf);
      if (!group || group.status === 'NONE') throw new NotFoundError('network group', groupId, 'groupId');
      members = group.members.map((member) => member.contactId);
    }
    const stance = filter.stance ?? null;
    return entityKeyset(this.reader, {
      cursor: 'contacts',
      kind: CONTACT_KIND,
      filter: members === null ? { pmoId } : { pmoId, entityIds: members },
      asOf,
      narrows: stance !== null,
      nodes: (views: readonly Existing<ContactView>[]) =>
        views.map((view) => (stance === null || view.currentAssessment?.stance === stance ? this.views.contact(view, asOf) : null)),
    });
  }

  /** By day, then as recorded: touchpoints never change, so each page is one range read and the views of its touchpoints. */
  private touchpointKeyset(filter: TouchpointsFilter): Keyset<TouchpointKey, Touchpoint> {
    requireWindow(filter.from, filter.to);
    const held = {
      pmoId: requireEntityId(filter.pmoId, 'pmoId'),
      groupId: given(filter.groupId) ? requireEntityId(filter.groupId, 'groupId') : null,
      from: filter.from,
      to: filter.to,
    };
    return {
      shape: { kind: 'touchpoints', parts: ['string', 'integer'] },
      read: async (bounds, direction, limit) => {
        const rows = this.touchpointPages.page(held, { ...bounds, direction, limit });
        const views = await this.reader.getMany(TOUCHPOINT_KIND, rows.map((row) => row.touchpointId));
        return rows.flatMap((row, i) => {
          const node = this.views.touchpoint(views[i], null);
          return node ? [{ key: row.key, node }] : [];
        });
      },
      count: async () => this.touchpointPages.count(held),
    };
  }
}
