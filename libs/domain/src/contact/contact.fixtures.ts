// Shared givens for the network specs: one PMO's contact, known since the start of 2026, and the
// PMO's delivery-teams group; `today` is the default spec context's day (2026-03-15).
import type { NetworkGroupSnapshot } from '../network-group/network-group.commands';
import type { AddContact, AssessContact, ContactSnapshot } from './contact.commands';
import type { ContactAdded, ContactAssessed, ContactEvent } from './contact.events';

export const pmoId = '1a2b3c4d-0000-4000-8000-00000000000a';
export const otherPmoId = '1a2b3c4d-0000-4000-8000-00000000000b';
export const contactId = 'c0000000-0000-4000-8000-000000000001';
export const otherContactId = 'c0000000-0000-4000-8000-000000000002';
export const groupId = '90000000-0000-4000-8000-000000000001';
export const otherGroupId = '90000000-0000-4000-8000-000000000002';
export const today = '2026-03-15';
export const knownSince = '2026-01-05';

export const deliveryTeams: NetworkGroupSnapshot = { groupId, pmoId, formedOn: '2025-11-01' };

export const contactSnapshot = (overrides: Partial<ContactSnapshot> = {}): ContactSnapshot => ({
  contactId,
  pmoId,
  knownSince,
  erased: false,
  ...overrides,
});

export const addContact = (overrides: Partial<AddContact> = {}): AddContact => ({
  type: 'AddContact',
  contactId,
  pmoId,
  name: ' Grace Hopper ',
  organisation: 'Finance',
  role: null,
  source: 'STAKEHOLDER',
  relationship: 'STAKEHOLDER',
  knownSince,
  groups: [deliveryTeams],
  ...overrides,
});

export const added = (data: Partial<ContactAdded['data']> = {}): ContactAdded => ({
  type: 'ContactAdded',
  data: {
    contactId,
    pmoId,
    name: 'Grace Hopper',
    organisation: 'Finance',
    role: null,
    source: 'STAKEHOLDER',
    relationship: 'STAKEHOLDER',
    knownSince,
    groupIds: [groupId],
    ...data,
  },
});

export const addedInternal = added({ relationship: 'INTERNAL', source: 'TEAM_MEMBER' });

export const assessContact = (overrides: Partial<AssessContact> = {}): AssessContact => ({
  type: 'AssessContact',
  contactId,
  stance: 'CHAMPION',
  engagement: 'SUPPORTIVE',
  desiredEngagement: 'LEADING',
  assessedOn: '2026-03-01',
  reason: 'Asked for the portfolio report in every steering meeting',
  ...overrides,
});

export const assessed = (data: Partial<ContactAssessed['data']> = {}): ContactAssessed => ({
  type: 'ContactAssessed',
  data: {
    contactId,
    stance: 'CHAMPION',
    engagement: 'SUPPORTIVE',
    desiredEngagement: 'LEADING',
    assessedOn: '2026-03-01',
    reason: 'Asked for the portfolio report in every steering meeting',
    ...data,
  },
});

export const ended = (endedOn = '2026-03-10'): ContactEvent => ({ type: 'ContactRelationshipEnded', data: { contactId, endedOn } });
export const erased: ContactEvent = { type: 'ContactPersonalDataErased', data: { contactId } };
