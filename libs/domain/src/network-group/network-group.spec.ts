import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import { contactId, contactSnapshot, groupId, otherContactId, otherPmoId, today } from '../contact/contact.fixtures';
import type { NetworkGroupCommand } from './network-group.commands';
import { networkGroupDecider } from './network-group.decider';
import type { NetworkGroupEvent } from './network-group.events';
import { formNetworkGroup, groupFormed, memberAdded, memberRemoved } from './network-group.fixtures';
import { networkGroupNextDueOn, networkGroupView, type FormedNetworkGroupView } from './network-group.view';

const revise = (fields: object): NetworkGroupCommand => ({ type: 'ReviseNetworkGroup', groupId, ...fields });
const addMember = (overrides = {}): NetworkGroupCommand => ({ type: 'AddNetworkGroupMember', groupId, contact: contactSnapshot(overrides) });
const removeMember = (id = contactId): NetworkGroupCommand => ({ type: 'RemoveNetworkGroupMember', groupId, contactId: id });

describe('Network group', () => {
  describe('forming', () => {
    it('records the group, its cadence and vehicles', () => {
      spec(networkGroupDecider).given([]).when(formNetworkGroup()).then([groupFormed()]);
    });

    it('records a group formed today, in touch once a year at most', () => {
      spec(networkGroupDecider)
        .given([])
        .when(formNetworkGroup({ formedOn: today, cadenceDays: 366, vehicles: ['NEWSLETTER'] }))
        .then([groupFormed({ formedOn: today, cadenceDays: 366, vehicles: ['NEWSLETTER'] })]);
    });

    it('refuses a group that already exists', () => {
      spec(networkGroupDecider).given([groupFormed()]).when(formNetworkGroup()).thenThrows('NETWORK_GROUP_ALREADY_EXISTS', 'groupId');
    });

    it('refuses a group formed after today', () => {
      spec(networkGroupDecider).given([]).when(formNetworkGroup({ formedOn: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'formedOn');
    });

    it.each([
      ['kind', { kind: 'FRIENDS' as never }],
      ['name', { name: '' }],
      ['connection', { connection: 'CASUAL' as never }],
      ['cadenceDays', { cadenceDays: 0 }],
      ['cadenceDays', { cadenceDays: 367 }],
      ['cadenceDays', { cadenceDays: 7.5 }],
      ['cadenceDays', { cadenceDays: Number.NaN }],
      ['vehicles', { vehicles: [] }],
      ['vehicles', { vehicles: ['ONE_TO_ONE', 'PIGEON'] as never }],
      ['vehicles', { vehicles: ['ONE_TO_ONE', 'NEWSLETTER', 'ONE_TO_ONE'] as const }],
      ['formedOn', { formedOn: '2026-13-01' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(networkGroupDecider).given([]).when(formNetworkGroup(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('revising', () => {
    it('records only the fields that change', () => {
      spec(networkGroupDecider)
        .given([groupFormed()])
        .when(revise({ name: 'Delivery teams', connection: 'STRATEGIC', cadenceDays: 14, vehicles: ['WORKSHOP'] }))
        .then([{ type: 'NetworkGroupRevised', data: { groupId, connection: 'STRATEGIC', vehicles: ['WORKSHOP'] } }]);
    });

    it('records a new name and cadence, keeping what is given as null', () => {
      spec(networkGroupDecider)
        .given([groupFormed()])
        .when(revise({ name: ' Delivery ', cadenceDays: 30, connection: null, vehicles: null }))
        .then([{ type: 'NetworkGroupRevised', data: { groupId, name: 'Delivery', cadenceDays: 30 } }]);
    });

    it.each([
      ['no field', {}],
      ['the values it has', { name: 'Delivery teams', cadenceDays: 14, vehicles: ['STEERING_MEETING', 'ONE_TO_ONE'] }],
    ])('refuses a revision with %s: nothing to change', (_case, fields) => {
      spec(networkGroupDecider).given([groupFormed()]).when(revise(fields)).thenThrows('BAD_USER_INPUT', 'input');
    });

    it.each([
      ['cadenceDays', { cadenceDays: -1 }],
      ['vehicles', { vehicles: [] }],
      ['connection', { connection: 'NONE' }],
      ['name', { name: ' ' }],
    ])('refuses a bad %s', (field, fields) => {
      spec(networkGroupDecider).given([groupFormed()]).when(revise(fields)).thenThrows('BAD_USER_INPUT', field);
    });

    it('refuses a group that does not exist', () => {
      spec(networkGroupDecider).given([]).when(revise({ cadenceDays: 30 })).thenThrows('NETWORK_GROUP_NOT_FOUND', 'groupId');
    });
  });

  describe('membership', () => {
    it('adds a contact of the PMO', () => {
      spec(networkGroupDecider).given([groupFormed()]).when(addMember()).then([memberAdded(contactId)]);
    });

    it('adds an erased contact: membership is not personal data', () => {
      spec(networkGroupDecider).given([groupFormed()]).when(addMember({ erased: true })).then([memberAdded(contactId)]);
    });

    it('adds a contact again once removed', () => {
      spec(networkGroupDecider).given([groupFormed(), memberAdded(contactId), memberRemoved(contactId)]).when(addMember()).then([memberAdded(contactId)]);
    });

    it('refuses a contact of another PMO', () => {
      spec(networkGroupDecider).given([groupFormed()]).when(addMember({ pmoId: otherPmoId })).thenThrows('CONTACT_OF_ANOTHER_PMO', 'contactId');
    });

    it('refuses a contact who is already a member', () => {
      spec(networkGroupDecider).given([groupFormed(), memberAdded(contactId)]).when(addMember()).thenThrows('NETWORK_GROUP_MEMBER_ALREADY', 'contactId');
    });

    it('removes a member', () => {
      spec(networkGroupDecider).given([groupFormed(), memberAdded(contactId)]).when(removeMember()).then([memberRemoved(contactId)]);
    });

    it('refuses to remove a contact who is not a member', () => {
      spec(networkGroupDecider)
        .given([groupFormed(), memberAdded(contactId)])
        .when(removeMember(otherContactId))
        .thenThrows('NETWORK_GROUP_NOT_A_MEMBER', 'contactId');
    });

    it.each([addMember(), removeMember()])('refuses a group that does not exist', (command) => {
      spec(networkGroupDecider).given([]).when(command).thenThrows('NETWORK_GROUP_NOT_FOUND', 'groupId');
    });
  });

  describe('the view', () => {
    const facts = (revision: number) => ({ revision, recordedAt: `2026-03-1${revision}T09:00:00.000Z`, actor: `user${revision}@pmo.example` });
    const fold = (events: readonly NetworkGroupEvent[]) => foldView(networkGroupView, events, facts) as FormedNetworkGroupView;

    it('shows the group as revised, and its current members with who added them when', () => {
      const view = fold([
        groupFormed(),
        memberAdded(contactId),
        memberAdded(otherContactId),
        { type: 'NetworkGroupRevised', data: { groupId, cadenceDays: 30 } },
        memberRemoved(contactId),
        memberAdded(contactId),
      ]);
      expect(view).toMatchObject({ status: 'FORMED', name: 'Delivery teams', cadenceDays: 30, formedBy: 'user0@pmo.example', revision: 5 });
      expect(view.members).toEqual([
        { contactId: otherContactId, addedAt: '2026-03-12T09:00:00.000Z', addedBy: 'user2@pmo.example' },
        { contactId, addedAt: '2026-03-15T09:00:00.000Z', addedBy: 'user5@pmo.example' },
      ]);
    });

    it('is next due a cadence after the last touchpoint, or after forming before any', () => {
      const view = fold([groupFormed()]);
      expect([networkGroupNextDueOn(view, null), networkGroupNextDueOn(view, '2026-03-10')]).toEqual(['2025-11-15', '2026-03-24']);
    });

    it('ignores events before the group was formed, and keeps a member added twice once', () => {
      expect(foldView(networkGroupView, [memberAdded(contactId)], facts)).toEqual({ status: 'NONE' });
      expect(fold([groupFormed(), memberAdded(contactId), memberAdded(contactId)]).members).toHaveLength(1);
    });
  });
});
