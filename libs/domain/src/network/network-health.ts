import { addDays, type LocalDate } from '../shared/local-date';
import type { RelationshipKind, Stance } from '../contact/contact.events';
import { TOUCHPOINT_VEHICLES, type TouchpointVehicle } from '../network-group/network-group.events';
import type { ValueDirection } from '../touchpoint/touchpoint.events';
import { groupCadence } from './group-cadence';

/** The window's length: "the last 90 days". */
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

export interface RecentTouchpointFacts {
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
  readonly recentTouchpoints: readonly RecentTouchpointFacts[];
}

export interface VehicleShareFigure {
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
  readonly vehicles: readonly VehicleShareFigure[];
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
export const healthWindowStart = (on: LocalDate): LocalDate => addDays(on, -(HEALTH_WINDOW_DAYS - 1));

export const contactCountsOn = (contact: Pick<ContactHealthFacts, 'knownSince' | 'endedOn'>, day: LocalDate): boolean =>
  contact.knownSince <= day && (contact.endedOn === null || contact.endedOn > day);

/** The assessments by assessedOn, those of one day in the order recorded (a stable sort). */
const chronological = (assessments: readonly StanceFact[]): StanceFact[] =>
  [...assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));

export const contactStanceOn = (assessments: readonly StanceFact[], day: LocalDate): Stance | null => {
  let current: StanceFact | null = null;
  for (const assessment of assessments) {
    if (assessment.assessedOn <= day && (current === null || assessment.assessedOn >= current.assessedOn)) current = assessment;
  }
  return current?.stance ?? null;
};

const changesAmong = (ordered: readonly StanceFact[], from: LocalDate, to: LocalDate): number => {
  let changes = 0;
  for (let i = 1; i < ordered.length; i++) {
    const { assessedOn, stance } = ordered[i]!;
    if (assessedOn >= from && assessedOn <= to && stance !== ordered[i - 1]!.stance) changes++;
  }
  return changes;
};

/**
 * Assessments are recorded mostly in the order of their days, so the order recorded is usually
 * the order by day already: one pass counts the changes as it goes, and only a contact with an
 * assessment recorded after a later-dated one is counted again from a sorted copy.
 */
const stanceChangesIn = (assessments: readonly StanceFact[], from: LocalDate, to: LocalDate): number => {
  let changes = 0;
  for (let i = 1; i < assessments.length; i++) {
    const previous = assessments[i - 1]!;
    const { assessedOn, stance } = assessments[i]!;
    if (assessedOn < previous.assessedOn) return changesAmong(chronological(assessments), from, to);
    if (assessedOn >= from && assessedOn <= to && stance !== previous.stance) changes++;
  }
  return changes;
};

const VEHICLE_ORDER = new Map(TOUCHPOINT_VEHICLES.map((vehicle, i) => [vehicle, i]));

export const vehicleMix = (vehicles: readonly TouchpointVehicle[]): VehicleShareFigure[] => {
  const counts = new Map<TouchpointVehicle, number>();
  for (const vehicle of vehicles) counts.set(vehicle, (counts.get(vehicle) ?? 0) + 1);
  return [...counts]
    .map(([vehicle, touchpoints]) => ({ vehicle, touchpoints, share: touchpoints / vehicles.length }))
    .sort((a, b) => b.touchpoints - a.touchpoints || VEHICLE_ORDER.get(a.vehicle)! - VEHICLE_ORDER.get(b.vehicle)!);
};

/**
 * vehicleMix from counts already taken: `counts[at + i]` touchpoints through TOUCHPOINT_VEHICLES[i].
 * Listed in that order and sorted stably by count, ties keep it.
 */
const vehicleMixOfCounts = (counts: Uint32Array, at: number, total: number): VehicleShareFigure[] => {
  const mix: VehicleShareFigure[] = [];
  for (let i = 0; i < TOUCHPOINT_VEHICLES.length; i++) {
    const touchpoints = counts[at + i]!;
    if (touchpoints > 0) mix.push({ vehicle: TOUCHPOINT_VEHICLES[i]!, touchpoints, share: touchpoints / total });
  }
  return mix.sort((a, b) => b.touchpoints - a.touchpoints);
};

/** The place of the lowest group in a word of bits that is not empty. */
const lowest = (bits: number): number => 31 - Math.clz32(bits & -bits);

/** Whether a set of groups held as bits, one word of 32 groups at a time, has two or more. */
const twoOrMore = (bits: Uint32Array): boolean => {
  let found = 0;
  for (const word of bits) if (word !== 0) found += (word & (word - 1)) === 0 ? 1 : 2;
  return found >= 2;
};

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
 *   groups of their contacts (their current memberships) are two or more.
 * - `valueGiven` and `valueReceived` count the window's touchpoints with at least one INTERNAL
 *   contact whose value is GIVEN or BOTH, and RECEIVED or BOTH.
 * - `stanceChanges` counts the assessments (of every contact, counting or not) with assessedOn in
 *   the window whose stance differs from the contact's stance just before it, assessments ordered by assessedOn and then as recorded; a
 *   contact's first assessment changes nothing.
 */
export const networkHealth = (facts: NetworkFacts): NetworkHealthFigures => {
  const { on } = facts;
  const from = healthWindowStart(on);
  const inWindow = (day: LocalDate): boolean => day >= from && day <= on;
  const groups = facts.groups.filter((group) => group.formedOn <= on);
  const groupAt = new Map(groups.map((group, at) => [group.groupId, at]));

  // Once per question, not per touchpoint: each person's place, whether INTERNAL, and two sets of
  // groups (by place in `groups`) as bits, 32 to a word: the groups a contact lists (which groups
  // it brings together) and the groups that list it as a member (which groups a touchpoint with it
  // is with). Flat arrays rather than an object per contact: nothing per contact to collect after.
  const words = (groups.length + 31) >>> 5;
  let people = facts.contacts.length;
  for (const group of groups) people += group.memberIds.length;
  const placeOf = new Map<string, number>();
  const place = (contactId: string): number => {
    let at = placeOf.get(contactId);
    if (at === undefined) placeOf.set(contactId, (at = placeOf.size));
    return at;
  };
  const internal = new Uint8Array(people);
  const listed = new Uint32Array(people * words);
  const memberOf = new Uint32Array(people * words);
  for (const contact of facts.contacts) {
    const at = place(contact.contactId);
    internal[at] = contact.relationship === 'INTERNAL' ? 1 : 0;
    listed.fill(0, at * words, (at + 1) * words);
    for (const groupId of contact.groupIds) {
      const group = groupAt.get(groupId);
      if (group !== undefined) listed[at * words + (group >>> 5)]! |= 1 << (group & 31);
    }
  }
  groups.forEach((group, g) => {
    for (const contactId of group.memberIds) memberOf[place(contactId) * words + (g >>> 5)]! |= 1 << (g & 31);
  });

  // Each window touchpoint once: the groups it reaches (named, or the groups its contacts list)
  // and the groups it is with (named, or through a member, from the day formed), counted by vehicle.
  const vehicles = TOUCHPOINT_VEHICLES.length;
  const byVehicle = new Uint32Array(groups.length * vehicles);
  const reached = new Uint32Array(words);
  const within = new Uint32Array(words);
  let crossGroupTouchpoints = 0;
  let valueGiven = 0;
  let valueReceived = 0;
  for (const touchpoint of facts.recentTouchpoints) {
    const { heldOn } = touchpoint;
    if (!inWindow(heldOn)) continue;
    reached.fill(0);
    within.fill(0);
    let withInternal = false;
    for (const groupId of touchpoint.groupIds) {
      const g = groupAt.get(groupId);
      if (g === undefined) continue;
      reached[g >>> 5]! |= 1 << (g & 31);
      within[g >>> 5]! |= 1 << (g & 31);
    }
    for (const contactId of touchpoint.contactIds) {
      const at = placeOf.get(contactId);
      if (at === undefined) continue;
      if (internal[at] === 1) withInternal = true;
      for (let w = 0; w < words; w++) {
        reached[w]! |= listed[at * words + w]!;
        within[w]! |= memberOf[at * words + w]!;
      }
    }
    if (twoOrMore(reached)) crossGroupTouchpoints++;
    const vehicle = VEHICLE_ORDER.get(touchpoint.vehicle)!;
    for (let w = 0; w < words; w++) {
      for (let bits = within[w]! | 0; bits !== 0; bits &= bits - 1) {
        const g = (w << 5) + lowest(bits);
        if (heldOn >= groups[g]!.formedOn) byVehicle[g * vehicles + vehicle]!++;
      }
    }
    if (withInternal) {
      if (touchpoint.value === 'GIVEN' || touchpoint.value === 'BOTH') valueGiven++;
      if (touchpoint.value === 'RECEIVED' || touchpoint.value === 'BOTH') valueReceived++;
    }
  }

  const groupFigures = groups.map((group, at): GroupHealthFigures => {
    let count = 0;
    for (let i = 0; i < vehicles; i++) count += byVehicle[at * vehicles + i]!;
    const mix = vehicleMixOfCounts(byVehicle, at * vehicles, count);
    const dominantVehicleShare = mix[0]?.share ?? 0;
    return {
      groupId: group.groupId,
      lastTouchpointOn: group.lastTouchpointOn,
      ...groupCadence(group, group.lastTouchpointOn, on),
      touchpoints: count,
      vehicles: mix,
      dominantVehicleShare,
      leaningOnOneVehicle: count >= LEANING_MIN_TOUCHPOINTS && dominantVehicleShare > LEANING_SHARE,
    };
  });

  // The contacts in one pass: counted, new, their stance on `on` (one pass over their
  // assessments), and the champions and critics not touched within their longest cadence.
  let n = 0;
  let newContacts = 0;
  let champions = 0;
  let critics = 0;
  const neglected: string[] = [];
  const cadenceStart = groups.map((group) => addDays(on, -group.cadenceDays));
  const windowStartWithoutGroup = addDays(on, -HEALTH_WINDOW_DAYS);
  for (const contact of facts.contacts) {
    if (!contactCountsOn(contact, on)) continue;
    n++;
    if (inWindow(contact.knownSince)) newContacts++;
    const stance = contactStanceOn(contact.assessments, on);
    if (stance !== 'CHAMPION' && stance !== 'CRITIC') continue;
    if (stance === 'CHAMPION') champions++;
    else critics++;
    // Its last day is more than c days before `on` when it is before `on` − c (cadences are whole
    // days): neglected when before that day of every group it lists, so before the earliest.
    const at = placeOf.get(contact.contactId)!;
    let judgedFrom: LocalDate | null = null;
    for (let w = 0; w < words; w++) {
      for (let bits = listed[at * words + w]! | 0; bits !== 0; bits &= bits - 1) {
        const day = cadenceStart[(w << 5) + lowest(bits)]!;
        if (judgedFrom === null || day < judgedFrom) judgedFrom = day;
      }
    }
    if ((contact.lastTouchpointOn ?? contact.knownSince) < (judgedFrom ?? windowStartWithoutGroup)) neglected.push(contact.contactId);
  }

  let stanceChanges = 0;
  for (const contact of facts.contacts) stanceChanges += stanceChangesIn(contact.assessments, from, on);

  return {
    on,
    contacts: n,
    potentialLines: (n * (n + 1)) / 2,
    newContactsLast90Days: newContacts,
    stale: newContacts === 0,
    groups: groupFigures,
    champions,
    critics,
    neglected,
    crossGroupTouchpoints,
    valueGiven,
    valueReceived,
    stanceChanges,
  };
};
