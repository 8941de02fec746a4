import fc from 'fast-check';
import { networkHistory as networkHistoryOf } from '../../../testing/src/network-history.arbitrary';
import { addDays, daysBetween, type LocalDate } from '../shared/local-date';
import type { Stance } from '../contact/contact.events';
import { TOUCHPOINT_VEHICLES } from '../network-group/network-group.events';
import type { TouchpointRecorded } from '../touchpoint/touchpoint.events';
import { groupCadence } from './group-cadence';
import { networkHealth, type GroupHealthFigures, type NetworkHealthFigures } from './network-health';
import { networkFactsFrom, type NetworkEvent } from './network.fixtures';

const PMO = '1a2b3c4d-0000-4000-8000-00000000000a';

const networkHistory = (on: LocalDate) => networkHistoryOf({ pmoId: PMO, on });

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
