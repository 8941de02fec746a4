import fc from 'fast-check';
import { addDays, daysBetween, type LocalDate } from '../shared/local-date';
import { RELATIONSHIP_KINDS, STANCES, type Stance } from '../contact/contact.events';
import { TOUCHPOINT_VEHICLES } from '../network-group/network-group.events';
import { VALUE_DIRECTIONS, type TouchpointRecorded } from '../touchpoint/touchpoint.events';
import { groupCadence } from './group-cadence';
import { networkHealth, type GroupHealthFigures, type NetworkHealthFigures } from './network-health';
import { networkFactsFrom, type NetworkEvent } from './network.fixtures';

const PMO = '1a2b3c4d-0000-4000-8000-00000000000a';
const contactIdOf = (i: number) => `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const groupIdOf = (i: number) => `90000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * A random network history around day `on`: contacts and groups first, then membership changes,
 * assessments, cadence revisions, endings and touchpoints interleaved, with days mostly from 120
 * before `on` to 10 after, some from 300 before to 40 after (a question about a past day).
 * Small pools make ties, shared groups and repeated pairs common.
 */
const networkHistory = (on: LocalDate): fc.Arbitrary<NetworkEvent[]> => {
  // Most days fall near `on`, so windows, cadences and ties are busy; some fall far before or after.
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
            // One vehicle most of the time, so that some groups lean on it.
            vehicle: fc.oneof({ arbitrary: fc.constant(TOUCHPOINT_VEHICLES[2]), weight: 3 }, { arbitrary: fc.constantFrom(...TOUCHPOINT_VEHICLES.slice(0, 4)), weight: 2 }),
            contacts: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 4 }),
            groups: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
            value: fc.constantFrom(null, ...VALUE_DIRECTIONS),
          }),
        ),
        { maxLength: 80, size: 'max' },
      ),
    })
    .map(({ contacts, groups, later }) => {
      const events: NetworkEvent[] = [];
      contacts.forEach(({ knownSince, relationship }, i) =>
        events.push({
          type: 'ContactAdded',
          data: { contactId: contactIdOf(i), pmoId: PMO, name: `c${i}`, organisation: null, role: null, source: 'TEAM_MEMBER', relationship, knownSince, groupIds: [] },
        }),
      );
      groups.forEach(({ formedOn, cadenceDays }, i) =>
        events.push({
          type: 'NetworkGroupFormed',
          data: { groupId: groupIdOf(i), pmoId: PMO, kind: 'OTHER', name: `g${i}`, connection: 'OPERATIONAL', cadenceDays, vehicles: ['ONE_TO_ONE'], formedOn },
        }),
      );
      // Every action names a contact or group of the pools; one that does not exist is dropped.
      const hasContact = (i: number) => i < contacts.length;
      const hasGroup = (i: number) => i < groups.length;
      for (const action of later) {
        if (action.kind === 'member' && hasContact(action.contact) && hasGroup(action.group)) {
          const data = { groupId: groupIdOf(action.group), contactId: contactIdOf(action.contact) };
          events.push(action.add ? { type: 'NetworkGroupMemberAdded', data } : { type: 'NetworkGroupMemberRemoved', data });
        } else if (action.kind === 'assess' && hasContact(action.contact)) {
          const data = { contactId: contactIdOf(action.contact), stance: action.stance, engagement: 'NEUTRAL' as const, desiredEngagement: 'NEUTRAL' as const };
          events.push({ type: 'ContactAssessed', data: { ...data, assessedOn: action.on, reason: null } });
        } else if (action.kind === 'revise' && hasGroup(action.group)) {
          events.push({ type: 'NetworkGroupRevised', data: { groupId: groupIdOf(action.group), cadenceDays: action.cadenceDays } });
        } else if (action.kind === 'end' && hasContact(action.contact)) {
          events.push({ type: 'ContactRelationshipEnded', data: { contactId: contactIdOf(action.contact), endedOn: action.on } });
        } else if (action.kind === 'touch') {
          const contactIds = action.contacts.filter(hasContact).map(contactIdOf);
          if (contactIds.length === 0) continue;
          const groupIds = action.groups.filter(hasGroup).map(groupIdOf);
          events.push({
            type: 'TouchpointRecorded',
            data: { touchpointId: `t${events.length}`, pmoId: PMO, heldOn: action.on, vehicle: action.vehicle, contactIds, groupIds, summary: 's', value: action.value, workEntryId: null },
          });
        }
      }
      return events;
    });
};

// The reference: every figure straight from the whole history, by the rules as written and
// without the facts a read model supplies, in the plainest way (quadratic where that is simpler).

type Touchpoint = TouchpointRecorded['data'];

const historyOf = (history: readonly NetworkEvent[]) => {
  const events = history.map((event, index) => ({ event, index }));
  const of = <T extends NetworkEvent['type']>(type: T) =>
    events.filter((e): e is { event: Extract<NetworkEvent, { type: T }>; index: number } => e.event.type === type);
  const contacts = of('ContactAdded').map(({ event }) => event.data);
  const groups = of('NetworkGroupFormed').map(({ event }) => event.data);
  const touchpoints: Touchpoint[] = of('TouchpointRecorded').map(({ event }) => event.data);
  const endedOn = (contactId: string): LocalDate | null =>
    of('ContactRelationshipEnded').find(({ event }) => event.data.contactId === contactId)?.event.data.endedOn ?? null;
  const cadenceOf = (groupId: string): number => {
    const revisions = of('NetworkGroupRevised').filter(({ event }) => event.data.groupId === groupId && event.data.cadenceDays !== undefined);
    return revisions.length > 0 ? revisions[revisions.length - 1]!.event.data.cadenceDays! : groups.find((g) => g.groupId === groupId)!.cadenceDays;
  };
  // A contact is a member when the last membership event of the pair adds it.
  const isMember = (groupId: string, contactId: string): boolean => {
    const changes = events.filter(
      ({ event }) => (event.type === 'NetworkGroupMemberAdded' || event.type === 'NetworkGroupMemberRemoved') && event.data.groupId === groupId && event.data.contactId === contactId,
    );
    return changes.length > 0 && changes[changes.length - 1]!.event.type === 'NetworkGroupMemberAdded';
  };
  const assessments = (contactId: string) =>
    of('ContactAssessed')
      .filter(({ event }) => event.data.contactId === contactId)
      .map(({ event, index }) => ({ stance: event.data.stance, assessedOn: event.data.assessedOn, index }));
  return { contacts, groups, touchpoints, endedOn, cadenceOf, isMember, assessments };
};

type Assessment = { readonly stance: Stance; readonly assessedOn: LocalDate; readonly index: number };
const before = (a: Assessment, b: Assessment): boolean => a.assessedOn < b.assessedOn || (a.assessedOn === b.assessedOn && a.index < b.index);
const lastOf = (list: readonly Assessment[]): Assessment | null => list.reduce<Assessment | null>((max, a) => (max === null || before(max, a) ? a : max), null);
const maxDay = (days: readonly LocalDate[]): LocalDate | null => (days.length === 0 ? null : [...days].sort()[days.length - 1]!);

const referenceGroups = (history: readonly NetworkEvent[], on: LocalDate): GroupHealthFigures[] => {
  const h = historyOf(history);
  const from = addDays(on, -89);
  return h.groups
    .filter((group) => group.formedOn <= on)
    .map((group) => {
      const cadence = h.cadenceOf(group.groupId);
      const withGroup = (t: Touchpoint) =>
        t.heldOn >= group.formedOn && (t.groupIds.includes(group.groupId) || t.contactIds.some((id) => h.isMember(group.groupId, id)));
      const last = maxDay(h.touchpoints.filter((t) => withGroup(t) && t.heldOn <= on).map((t) => t.heldOn));
      // Overdue, said another way: nothing with the group in the cadence up to the day, and formed before it.
      const touchedWithinCadence = h.touchpoints.some((t) => withGroup(t) && t.heldOn >= addDays(on, -cadence) && t.heldOn <= on);
      const recent = h.touchpoints.filter((t) => withGroup(t) && t.heldOn >= from && t.heldOn <= on);
      const vehicles = TOUCHPOINT_VEHICLES.map((vehicle) => ({ vehicle, touchpoints: recent.filter((t) => t.vehicle === vehicle).length }))
        .filter((v) => v.touchpoints > 0)
        .sort((a, b) => b.touchpoints - a.touchpoints)
        .map((v) => ({ ...v, share: v.touchpoints / recent.length }));
      const dominantVehicleShare = Math.max(0, ...vehicles.map((v) => v.share));
      return {
        groupId: group.groupId,
        lastTouchpointOn: last,
        nextDueOn: addDays(last ?? group.formedOn, cadence),
        overdue: !touchedWithinCadence && group.formedOn < addDays(on, -cadence),
        daysSinceLastTouchpoint: last === null ? null : daysBetween(last, on),
        touchpoints: recent.length,
        vehicles,
        dominantVehicleShare,
        leaningOnOneVehicle: recent.length >= 5 && dominantVehicleShare > 0.6,
      };
    });
};

const referenceHealth = (history: readonly NetworkEvent[], on: LocalDate): NetworkHealthFigures => {
  const h = historyOf(history);
  const from = addDays(on, -89);
  const inWindow = (day: LocalDate) => from <= day && day <= on;
  const counted = h.contacts.filter((c) => c.knownSince <= on && !(h.endedOn(c.contactId) !== null && h.endedOn(c.contactId)! <= on));
  const groups = h.groups.filter((g) => g.formedOn <= on);
  const groupsOf = (contactId: string) => groups.filter((g) => h.isMember(g.groupId, contactId));
  const stance = (contactId: string) => lastOf(h.assessments(contactId).filter((a) => a.assessedOn <= on))?.stance ?? null;
  const marked = counted.filter((c) => stance(c.contactId) === 'CHAMPION' || stance(c.contactId) === 'CRITIC');
  const recent = h.touchpoints.filter((t) => inWindow(t.heldOn));
  const internal = (t: Touchpoint) => t.contactIds.some((id) => h.contacts.find((c) => c.contactId === id)?.relationship === 'INTERNAL');
  const newContacts = counted.filter((c) => inWindow(c.knownSince)).length;
  return {
    on,
    contacts: counted.length,
    potentialLines: counted.reduce((lines, _c, i) => lines + i + 1, 0),
    newContactsLast90Days: newContacts,
    stale: newContacts === 0,
    groups: referenceGroups(history, on),
    champions: counted.filter((c) => stance(c.contactId) === 'CHAMPION').length,
    critics: counted.filter((c) => stance(c.contactId) === 'CRITIC').length,
    neglected: marked
      .filter((c) => {
        const last = maxDay(h.touchpoints.filter((t) => t.heldOn <= on && t.contactIds.includes(c.contactId)).map((t) => t.heldOn)) ?? c.knownSince;
        const cadences = groupsOf(c.contactId).map((g) => h.cadenceOf(g.groupId));
        return !(cadences.length === 0 ? [90] : cadences).some((cadence) => daysBetween(last, on) <= cadence);
      })
      .map((c) => c.contactId),
    crossGroupTouchpoints: recent.filter(
      (t) => groups.filter((g) => t.groupIds.includes(g.groupId) || t.contactIds.some((id) => h.isMember(g.groupId, id))).length >= 2,
    ).length,
    valueGiven: recent.filter((t) => internal(t) && (t.value === 'GIVEN' || t.value === 'BOTH')).length,
    valueReceived: recent.filter((t) => internal(t) && (t.value === 'RECEIVED' || t.value === 'BOTH')).length,
    stanceChanges: h.contacts.reduce((sum, c) => {
      const all = h.assessments(c.contactId);
      return (
        sum +
        all.filter((a) => {
          const previous = lastOf(all.filter((b) => before(b, a)));
          return inWindow(a.assessedOn) && previous !== null && previous.stance !== a.stance;
        }).length
      );
    }, 0),
  };
};

const ON = '2026-06-30';
const days = fc.integer({ min: -30, max: 30 }).map((offset) => addDays(ON, offset));

describe('network health from a read model’s facts, against whole histories', () => {
  it('given any groups, memberships and touchpoints, then each group’s last touchpoint, due day and overdue match the full touchpoint list', () => {
    fc.assert(
      fc.property(networkHistory(ON), days, (history, on) => {
        const facts = networkFactsFrom(history, on);
        const figures = networkHealth(facts).groups;
        const reference = referenceGroups(history, on);
        expect(figures.map(({ groupId, lastTouchpointOn, nextDueOn, overdue, daysSinceLastTouchpoint }) => ({ groupId, lastTouchpointOn, nextDueOn, overdue, daysSinceLastTouchpoint }))).toEqual(
          reference.map(({ groupId, lastTouchpointOn, nextDueOn, overdue, daysSinceLastTouchpoint }) => ({ groupId, lastTouchpointOn, nextDueOn, overdue, daysSinceLastTouchpoint })),
        );
        for (const group of facts.groups.filter((g) => g.formedOn <= on)) {
          const cadence = groupCadence(group, group.lastTouchpointOn, on);
          expect(cadence).toEqual(expect.objectContaining({ overdue: reference.find((r) => r.groupId === group.groupId)!.overdue }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('given any history and day, then every figure matches the reference computed from the whole history', () => {
    fc.assert(
      fc.property(networkHistory(ON), days, (history, on) => {
        expect(networkHealth(networkFactsFrom(history, on))).toEqual(referenceHealth(history, on));
      }),
      { numRuns: 300 },
    );
  });
});
