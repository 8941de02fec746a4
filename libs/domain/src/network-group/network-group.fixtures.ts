// Shared givens for the group specs: the PMO's delivery-teams group, formed in November 2025.
import { groupId, pmoId } from '../contact/contact.fixtures';
import type { FormNetworkGroup } from './network-group.commands';
import type { NetworkGroupEvent, NetworkGroupFormed } from './network-group.events';

export const formNetworkGroup = (overrides: Partial<FormNetworkGroup> = {}): FormNetworkGroup => ({
  type: 'FormNetworkGroup',
  groupId,
  pmoId,
  kind: 'DELIVERY_TEAMS_AND_MANAGERS',
  name: ' Delivery teams ',
  connection: 'OPERATIONAL',
  cadenceDays: 14,
  vehicles: ['STEERING_MEETING', 'ONE_TO_ONE'],
  formedOn: '2025-11-01',
  ...overrides,
});

export const groupFormed = (data: Partial<NetworkGroupFormed['data']> = {}): NetworkGroupFormed => ({
  type: 'NetworkGroupFormed',
  data: {
    groupId,
    pmoId,
    kind: 'DELIVERY_TEAMS_AND_MANAGERS',
    name: 'Delivery teams',
    connection: 'OPERATIONAL',
    cadenceDays: 14,
    vehicles: ['STEERING_MEETING', 'ONE_TO_ONE'],
    formedOn: '2025-11-01',
    ...data,
  },
});

export const memberAdded = (contactId: string): NetworkGroupEvent => ({ type: 'NetworkGroupMemberAdded', data: { groupId, contactId } });
export const memberRemoved = (contactId: string): NetworkGroupEvent => ({ type: 'NetworkGroupMemberRemoved', data: { groupId, contactId } });
