// Shared givens for the touchpoint specs: a one-to-one with the PMO's contact, in its group.
import { contactId, contactSnapshot, deliveryTeams, groupId, pmoId } from '../contact/contact.fixtures';
import type { RecordTouchpoint } from './touchpoint.commands';
import type { TouchpointRecorded } from './touchpoint.events';

export const touchpointId = '70000000-0000-4000-8000-000000000001';
export const workEntryId = '80000000-0000-4000-8000-000000000001';

export const recordTouchpoint = (overrides: Partial<RecordTouchpoint> = {}): RecordTouchpoint => ({
  type: 'RecordTouchpoint',
  touchpointId,
  pmoId,
  heldOn: '2026-03-10',
  vehicle: 'ONE_TO_ONE',
  contacts: [contactSnapshot()],
  groups: [deliveryTeams],
  summary: ' Walked through the new gate reviews ',
  value: 'GIVEN',
  workEntryId,
  ...overrides,
});

export const touchpointRecorded = (data: Partial<TouchpointRecorded['data']> = {}): TouchpointRecorded => ({
  type: 'TouchpointRecorded',
  data: {
    touchpointId,
    pmoId,
    heldOn: '2026-03-10',
    vehicle: 'ONE_TO_ONE',
    contactIds: [contactId],
    groupIds: [groupId],
    summary: 'Walked through the new gate reviews',
    value: 'GIVEN',
    workEntryId,
    ...data,
  },
});
