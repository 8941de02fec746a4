import { addDays, daysBetween, type LocalDate } from '../shared/local-date';
import type { RelationshipKind, Stance } from '../contact/contact.events';
import { TOUCHPOINT_VEHICLES, type TouchpointVehicle } from '../network-group/network-group.events';
import type { ValueDirection } from '../touchpoint/touchpoint.events';
import { groupCadence } from './group-cadence';

/**
 * How healthy a PMO's network is on one day `on`, from facts a read model can supply cheaply: one
 * row per contact and per group with its latest touchpoint already found, and only the touchpoints
 * of the last 90 days. The rules, which the README repeats:
 *
 * - The window ("the last 90 days") is the 90 days up to and including `on`: [on − 89, on].
 * - A contact counts on a day D when knownSince ≤ D and it has no endedOn ≤ D. `contacts` is the
 *   number n of contacts that count on `on`; `potentialLines` is n(n+1)/2.
 * - `newContactsLast90Days` counts the contacts that count whose knownSince is in the window; the
 *   network is `stale` when there are none.
 * - A group counts from its formedOn; one formed after `on` is left out of every figure. A
 *   touchpoint is with a group when it was held on or after the group was formed and names the
 *   group or any of its current members took part.
 * - Of each group: `lastTouchpointOn` is the latest touchpoint with it held on or before `on`;
 *   `nextDueOn` is (lastTouchpointOn, or else formedOn) + cadenceDays; it is `overdue` when `on`
 *   is after nextDueOn; `daysSinceLastTouchpoint` is `on` − lastTouchpointOn (null with none);
 *   `touchpoints` counts the touchpoints with it in the window; `vehicles` counts them by vehicle
 *   with each one's share, most used first, ties in the order of TOUCHPOINT_VEHICLES;
 *   `dominantVehicleShare` is the largest share (0 with no touchpoint); it is
 *   `leaningOnOneVehicle` when it has at least 5 touchpoints and a dominant share above 0.6.
 * - A contact's stance on D is the stance of its latest assessment with assessedOn ≤ D, the later
 *   recorded winning a tie. `champions` and `critics` count the contacts that count whose stance
 *   on `on` is CHAMPION or CRITIC.
 * - `neglected` lists those champions and critics whose last touchpoint (or knownSince, with none)
 *   is more than the cadence of every one of their groups before `on`; a contact in no group is
 *   judged against 90 days.
 * - `crossGroupTouchpoints` counts the window's touchpoints whose named groups together with the
 *   groups of their contacts are two or more.
 * - `valueGiven` and `valueReceived` count the window's touchpoints with at least one INTERNAL
 *   contact whose value is GIVEN or BOTH, and RECEIVED or BOTH.
 * - `stanceChanges` counts the assessments with assessedOn in the window whose stance differs from
 *   the contact's stance just before it, assessments ordered by assessedOn and then as recorded; a
 *   contact's first assessment changes nothing.
 */
export const HEALTH_WINDOW_DAYS = 90;
/** A group with fewer touchpoints in the window is too little seen to be judged on its vehicles. */
export const LEANING_MIN_TOUCHPOINTS = 5;
export const LEANING_SHARE = 0.6;

export interface StanceFact {
  readonly stance: Stance;
  readonly assessedOn: LocalDate;
}

export interface ContactHealthFacts {
  readonly contactId: string;
  readonly knownSince: LocalDate;
  readonly relationship: RelationshipKind;
  readonly endedOn: LocalDate | null;
  /** The groups the contact is a member of now. */
  readonly groupIds: readonly string[];
  /** Every assessment, in the order recorded. */
  readonly assessments: readonly StanceFact[];
  /** The latest touchpoint the contact took part in held on or before `on`; null with none. */
  readonly lastTouchpointOn: LocalDate | null;
}

export interface GroupHealthFacts {
  readonly groupId: string;
  readonly formedOn: LocalDate;
  readonly cadenceDays: number;
  /** The group's members now: the same memberships as the contacts' groupIds. */
  readonly memberIds: readonly string[];
  /** The latest touchpoint with the group (see above) held on or before `on`; null with none. */
  readonly lastTouchpointOn: LocalDate | null;
}

export interface WindowTouchpoint {
  readonly heldOn: LocalDate;
  readonly vehicle: TouchpointVehicle;
  readonly contactIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly value: ValueDirection | null;
}

export interface NetworkFacts {
  readonly on: LocalDate;
  readonly contacts: readonly ContactHealthFacts[];
  readonly groups: readonly GroupHealthFacts[];
  /** The touchpoints held in the window [on − 89, on]; any others are ignored. */
  readonly recentTouchpoints: readonly WindowTouchpoint[];
}

export interface VehicleShare {
  readonly vehicle: TouchpointVehicle;
  readonly touchpoints: number;
  readonly share: number;
}

export interface GroupHealthFigures {
  readonly groupId: string;
  readonly lastTouchpointOn: LocalDate | null;
  readonly nextDueOn: LocalDate;
  readonly overdue: boolean;
  readonly daysSinceLastTouchpoint: number | null;
  readonly touchpoints: number;
  readonly vehicles: readonly VehicleShare[];
  readonly dominantVehicleShare: number;
  readonly leaningOnOneVehicle: boolean;
}

export interface NetworkHealthFigures {
  readonly on: LocalDate;
  readonly contacts: number;
  readonly potentialLines: number;
  readonly newContactsLast90Days: number;
  readonly stale: boolean;
  /** The groups that count, in the order of the facts. */
  readonly groups: readonly GroupHealthFigures[];
  readonly champions: number;
  readonly critics: number;
  /** Contact ids, in the order of the facts. */
  readonly neglected: readonly string[];
  readonly crossGroupTouchpoints: number;
  readonly valueGiven: number;
  readonly valueReceived: number;
  readonly stanceChanges: number;
}

/** The first day of the window that ends on `on`. */
export const windowStart = (on: LocalDate): LocalDate => addDays(on, -(HEALTH_WINDOW_DAYS - 1));

export const countsOn = (contact: Pick<ContactHealthFacts, 'knownSince' | 'endedOn'>, day: LocalDate): boolean =>
  contact.knownSince <= day && (contact.endedOn === null || contact.endedOn > day);

/** The assessments by assessedOn, those of one day in the order recorded (a stable sort). */
const chronological = (assessments: readonly StanceFact[]): StanceFact[] =>
  [...assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));

export const stanceOn = (assessments: readonly StanceFact[], day: LocalDate): Stance | null => {
  let current: StanceFact | null = null;
  for (const assessment of assessments) {
    if (assessment.assessedOn <= day && (current === null || assessment.assessedOn >= current.assessedOn)) current = assessment;
  }
  return current?.stance ?? null;
};

const stanceChangesIn = (assessments: readonly StanceFact[], from: LocalDate, to: LocalDate): number => {
  const ordered = chronological(assessments);
  let changes = 0;
  for (let i = 1; i < ordered.length; i++) {
    const { assessedOn, stance } = ordered[i]!;
    if (assessedOn >= from && assessedOn <= to && stance !== ordered[i - 1]!.stance) changes++;
  }
  return changes;
};

const VEHICLE_ORDER = new Map(TOUCHPOINT_VEHICLES.map((vehicle, i) => [vehicle, i]));

export const vehicleMix = (vehicles: readonly TouchpointVehicle[]): VehicleShare[] => {
  const counts = new Map<TouchpointVehicle, number>();
  for (const vehicle of vehicles) counts.set(vehicle, (counts.get(vehicle) ?? 0) + 1);
  return [...counts]
    .map(([vehicle, touchpoints]) => ({ vehicle, touchpoints, share: touchpoints / vehicles.length }))
    .sort((a, b) => b.touchpoints - a.touchpoints || VEHICLE_ORDER.get(a.vehicle)! - VEHICLE_ORDER.get(b.vehicle)!);
};

export const networkHealth = (facts: NetworkFacts): NetworkHealthFigures => {
  const { on } = facts;
  const from = windowStart(on);
  const inWindow = (day: LocalDate): boolean => day >= from && day <= on;
  const touchpoints = facts.recentTouchpoints.filter((touchpoint) => inWindow(touchpoint.heldOn));
  const groups = facts.groups.filter((group) => group.formedOn <= on);
  const groupById = new Map(groups.map((group) => [group.groupId, group]));
  const contactById = new Map(facts.contacts.map((contact) => [contact.contactId, contact]));
  const groupsOfContact = (contactId: string): readonly string[] =>
    (contactById.get(contactId)?.groupIds ?? []).filter((groupId) => groupById.has(groupId));
  const membersOf = new Map(groups.map((group) => [group.groupId, new Set(group.memberIds)]));

  // Each window touchpoint once: the groups it is with, by name or through a member.
  const vehiclesByGroup = new Map<string, TouchpointVehicle[]>(groups.map((group) => [group.groupId, []]));
  let crossGroupTouchpoints = 0;
  let valueGiven = 0;
  let valueReceived = 0;
  for (const touchpoint of touchpoints) {
    const reached = new Set(touchpoint.groupIds.filter((groupId) => groupById.has(groupId)));
    for (const contactId of touchpoint.contactIds) for (const groupId of groupsOfContact(contactId)) reached.add(groupId);
    if (reached.size >= 2) crossGroupTouchpoints++;
    for (const group of groups) {
      if (touchpoint.heldOn < group.formedOn) continue;
      const members = membersOf.get(group.groupId)!;
      if (touchpoint.groupIds.includes(group.groupId) || touchpoint.contactIds.some((id) => members.has(id))) {
        vehiclesByGroup.get(group.groupId)!.push(touchpoint.vehicle);
      }
    }
    if (touchpoint.contactIds.some((id) => contactById.get(id)?.relationship === 'INTERNAL')) {
      if (touchpoint.value === 'GIVEN' || touchpoint.value === 'BOTH') valueGiven++;
      if (touchpoint.value === 'RECEIVED' || touchpoint.value === 'BOTH') valueReceived++;
    }
  }

  const groupFigures = groups.map((group): GroupHealthFigures => {
    const vehicles = vehicleMix(vehiclesByGroup.get(group.groupId)!);
    const count = vehicles.reduce((sum, share) => sum + share.touchpoints, 0);
    const dominantVehicleShare = vehicles[0]?.share ?? 0;
    return {
      groupId: group.groupId,
      lastTouchpointOn: group.lastTouchpointOn,
      ...groupCadence(group, group.lastTouchpointOn, on),
      touchpoints: count,
      vehicles,
      dominantVehicleShare,
      leaningOnOneVehicle: count >= LEANING_MIN_TOUCHPOINTS && dominantVehicleShare > LEANING_SHARE,
    };
  });

  const counted = facts.contacts.filter((contact) => countsOn(contact, on));
  const stanceOfCounted = new Map(counted.map((contact) => [contact.contactId, stanceOn(contact.assessments, on)]));
  const neglectedAfter = (contact: ContactHealthFacts): boolean => {
    const since = daysBetween(contact.lastTouchpointOn ?? contact.knownSince, on);
    const cadences = groupsOfContact(contact.contactId).map((groupId) => groupById.get(groupId)!.cadenceDays);
    return (cadences.length === 0 ? [HEALTH_WINDOW_DAYS] : cadences).every((cadence) => since > cadence);
  };
  const marked = counted.filter((contact) => ['CHAMPION', 'CRITIC'].includes(stanceOfCounted.get(contact.contactId) ?? ''));
  const n = counted.length;
  const newContacts = counted.filter((contact) => inWindow(contact.knownSince)).length;

  return {
    on,
    contacts: n,
    potentialLines: (n * (n + 1)) / 2,
    newContactsLast90Days: newContacts,
    stale: newContacts === 0,
    groups: groupFigures,
    champions: marked.filter((contact) => stanceOfCounted.get(contact.contactId) === 'CHAMPION').length,
    critics: marked.filter((contact) => stanceOfCounted.get(contact.contactId) === 'CRITIC').length,
    neglected: marked.filter(neglectedAfter).map((contact) => contact.contactId),
    crossGroupTouchpoints,
    valueGiven,
    valueReceived,
    stanceChanges: facts.contacts.reduce((sum, contact) => sum + stanceChangesIn(contact.assessments, from, on), 0),
  };
};
