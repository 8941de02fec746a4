import fc from 'fast-check';
import {
  addDays,
  RELATIONSHIP_KINDS,
  STANCES,
  TOUCHPOINT_VEHICLES,
  VALUE_DIRECTIONS,
  type ContactEvent,
  type LocalDate,
  type NetworkGroupEvent,
  type TouchpointEvent,
} from '@throughline/domain';

export type NetworkHistoryEvent = ContactEvent | NetworkGroupEvent | TouchpointEvent;

const idOf = (prefix: string) => (i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;
export const historyContactIdOf = idOf('c0000000');
export const historyGroupIdOf = idOf('90000000');
export const historyTouchpointIdOf = idOf('70000000');
const otherContactIdOf = idOf('d0000000');

export interface NetworkHistoryOptions {
  /** The PMO whose network it is. */
  readonly pmoId: string;
  /** The day questions are mostly about: most days fall from 120 before it to 10 after. */
  readonly on: LocalDate;
  /** Mix in touchpoints of this other PMO, with contacts of its own, which must count nowhere. */
  readonly otherPmoId?: string;
}

/**
 * A random network history, as deciders would let it be recorded: contacts and groups first, then
 * membership changes, assessments, cadence revisions, endings and touchpoints of the contacts and
 * groups that exist, interleaved. Days mostly fall from 120 before `on` to 10 after, some from 300
 * before to 40 after (a question about a past day). Small pools make ties, shared groups and
 * repeated pairs common; one vehicle is used most of the time, so that some groups lean on it.
 */
export const networkHistory = ({ pmoId, on, otherPmoId }: NetworkHistoryOptions): fc.Arbitrary<NetworkHistoryEvent[]> => {
  const day = fc
    .oneof({ arbitrary: fc.integer({ min: -120, max: 10 }), weight: 4 }, { arbitrary: fc.integer({ min: -300, max: 40 }), weight: 1 })
    .map((offset) => addDays(on, offset));
  return fc
    .record({
      contacts: fc.array(fc.record({ knownSince: day, relationship: fc.constantFrom(...RELATIONSHIP_KINDS) }), { maxLength: 8, size: 'max' }),
      groups: fc.array(fc.record({ formedOn: day, cadenceDays: fc.integer({ min: 1, max: 120 }) }), { maxLength: 4, size: 'max' }),
      later: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('member' as const), contact: fc.nat(7), group: fc.nat(3), add: fc.boolean() }),
          fc.record({ kind: fc.constant('assess' as const), contact: fc.nat(7), on: day, stance: fc.constantFrom(...STANCES) }),
          fc.record({ kind: fc.constant('revise' as const), group: fc.nat(3), cadenceDays: fc.integer({ min: 1, max: 120 }) }),
          fc.record({ kind: fc.constant('end' as const), contact: fc.nat(7), on: day }),
          fc.record({
            kind: fc.constant('touch' as const),
            on: day,
            vehicle: fc.oneof({ arbitrary: fc.constant(TOUCHPOINT_VEHICLES[2]), weight: 3 }, { arbitrary: fc.constantFrom(...TOUCHPOINT_VEHICLES.slice(0, 4)), weight: 2 }),
            contacts: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 4 }),
            groups: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
            value: fc.constantFrom(null, ...VALUE_DIRECTIONS),
            elsewhere: fc.boolean(),
          }),
        ),
        { maxLength: 80, size: 'max' },
      ),
    })
    .map(({ contacts, groups, later }) => {
      const events: NetworkHistoryEvent[] = [];
      contacts.forEach(({ knownSince, relationship }, i) =>
        events.push({
          type: 'ContactAdded',
          data: { contactId: historyContactIdOf(i), pmoId, name: `c${i}`, organisation: null, role: null, source: 'TEAM_MEMBER', relationship, knownSince, groupIds: [] },
        }),
      );
      groups.forEach(({ formedOn, cadenceDays }, i) =>
        events.push({
          type: 'NetworkGroupFormed',
          data: { groupId: historyGroupIdOf(i), pmoId, kind: 'OTHER', name: `g${i}`, connection: 'OPERATIONAL', cadenceDays, vehicles: ['ONE_TO_ONE'], formedOn },
        }),
      );
      // Every action names a contact or group of the pools; one that does not exist is dropped.
      const hasContact = (i: number) => i < contacts.length;
      const hasGroup = (i: number) => i < groups.length;
      let touchpoints = 0;
      for (const action of later) {
        if (action.kind === 'member' && hasContact(action.contact) && hasGroup(action.group)) {
          const data = { groupId: historyGroupIdOf(action.group), contactId: historyContactIdOf(action.contact) };
          events.push(action.add ? { type: 'NetworkGroupMemberAdded', data } : { type: 'NetworkGroupMemberRemoved', data });
        } else if (action.kind === 'assess' && hasContact(action.contact)) {
          const data = { contactId: historyContactIdOf(action.contact), stance: action.stance, engagement: 'NEUTRAL' as const, desiredEngagement: 'NEUTRAL' as const };
          events.push({ type: 'ContactAssessed', data: { ...data, assessedOn: action.on, reason: null } });
        } else if (action.kind === 'revise' && hasGroup(action.group)) {
          events.push({ type: 'NetworkGroupRevised', data: { groupId: historyGroupIdOf(action.group), cadenceDays: action.cadenceDays } });
        } else if (action.kind === 'end' && hasContact(action.contact)) {
          events.push({ type: 'ContactRelationshipEnded', data: { contactId: historyContactIdOf(action.contact), endedOn: action.on } });
        } else if (action.kind === 'touch') {
          const { on: heldOn, vehicle, value, elsewhere } = action;
          const touchpointId = historyTouchpointIdOf(touchpoints++);
          // Another PMO's touchpoint, with its own contacts (a decider keeps each PMO's apart).
          const owner = otherPmoId !== undefined && elsewhere && touchpoints % 3 === 0 ? otherPmoId : pmoId;
          const contactIds = owner === pmoId ? action.contacts.filter(hasContact).map(historyContactIdOf) : action.contacts.map(otherContactIdOf);
          if (contactIds.length === 0) continue;
          const groupIds = owner === pmoId ? action.groups.filter(hasGroup).map(historyGroupIdOf) : [];
          events.push({ type: 'TouchpointRecorded', data: { touchpointId, pmoId: owner, heldOn, vehicle, contactIds, groupIds, summary: 's', value, workEntryId: null } });
        }
      }
      return events;
    });
};
