import type { Database, Statement } from 'better-sqlite3';
import {
  windowStart,
  type ContactHealthFacts,
  type GroupHealthFacts,
  type LocalDate,
  type NetworkEdge,
  type NetworkFacts,
  type RelationshipKind,
  type Stance,
  type StanceFact,
  type TouchpointVehicle,
  type ValueDirection,
  type WindowTouchpoint,
} from '@throughline/domain';
import { ReadModelDb } from '../read-model-db';

/** Later than any instant the store records: "as known now". */
const NOW = '9999-12-31T23:59:59.999Z';
/** Later than any day a touchpoint can be held on. */
const LAST_DAY = '9999-12-31';

const cutOf = (asOf: string | null): string => asOf ?? NOW;

/** A touchpoint as the network's facts list it, for lists that then read its view. */
export interface TouchpointRow {
  readonly touchpointId: string;
  readonly heldOn: LocalDate;
}

interface Statements {
  readonly contacts: Statement<[{ pmo: string; cut: string; on: string }], { contact_id: string; relationship: RelationshipKind; known_since: string; ended_on: string | null; last_on: string | null }>;
  readonly assessments: Statement<[{ pmo: string; cut: string }], { contact_id: string; stance: Stance; assessed_on: string }>;
  readonly groups: Statement<[{ pmo: string; cut: string; on: string }], { group_id: string; formed_on: string; cadence_days: number; last_named: string | null }>;
  readonly memberships: Statement<[{ pmo: string; cut: string }], MembershipRow>;
  readonly windowTouchpoints: Statement<[{ pmo: string; cut: string; from: string; on: string }], { touchpoint_id: string; held_on: string; vehicle: TouchpointVehicle; value: ValueDirection | null }>;
  readonly windowParticipants: Statement<[{ pmo: string; cut: string; from: string; on: string }], { touchpoint_id: string; contact_id: string }>;
  readonly windowGroups: Statement<[{ pmo: string; cut: string; from: string; on: string }], { touchpoint_id: string; group_id: string }>;
  readonly contactIds: Statement<[{ pmo: string; cut: string }], { contact_id: string }>;
  readonly edges: Statement<[{ pmo: string; cut: string }], { from_id: string; to_id: string; touchpoints: number }>;
  readonly lastOfContacts: Statement<[{ ids: string; cut: string; on: string }], { id: string; last_on: string | null }>;
  readonly lastOfGroups: Statement<[{ ids: string; cut: string; on: string }], { id: string; last_on: string | null }>;
  readonly membershipsOfContacts: Statement<[{ ids: string; cut: string }], MembershipRow>;
  readonly heldByPmo: Statement<[{ pmo: string; from: string; to: string }], { touchpoint_id: string; held_on: string }>;
  readonly heldWithGroup: Statement<[{ pmo: string; group: string; from: string; to: string }], { touchpoint_id: string; held_on: string }>;
  readonly ofContact: Statement<[{ contact: string; before: number }], { touchpoint_id: string; held_on: string }>;
}

interface MembershipRow {
  readonly group_id: string;
  readonly contact_id: string;
  readonly member: number;
}

const push = <K, T>(map: Map<K, T[]>, key: K, value: T): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Memberships as they stand after the rows, in the order recorded: a member is listed from the
 * addition that began their current membership, as a group's own fold lists them.
 */
const membersByGroup = (rows: readonly MembershipRow[]): Map<string, string[]> => {
  const members = new Map<string, string[]>();
  for (const { group_id, contact_id, member } of rows) {
    let list = members.get(group_id);
    if (!list) members.set(group_id, (list = []));
    const at = list.indexOf(contact_id);
    if (member === 1 && at < 0) list.push(contact_id);
    if (member === 0 && at >= 0) list.splice(at, 1);
  }
  return members;
};

const maxDay = (a: LocalDate | null, b: LocalDate | null): LocalDate | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * The network's facts (network-facts.projection.ts) as the domain's health and map take them.
 * Every question is a handful of indexed reads cut at an instant: only the touchpoints of the
 * 90-day window are read whole; the last touchpoint of each contact and group is one index seek
 * each, in SQL.
 */
export class NetworkFactsReader {
  private readonly db: Database;
  private readonly s: Statements;

  /** The tables must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    const prepare = this.db.prepare.bind(this.db);
    const lastOfContact = (contact: string) =>
      `(SELECT p.held_on FROM network_participation p WHERE p.contact_id = ${contact} AND p.held_on <= @on AND p.stored_at <= @cut ORDER BY p.held_on DESC LIMIT 1)`;
    const lastNamed = (group: string) =>
      `(SELECT t.held_on FROM network_touchpoint_group t WHERE t.group_id = ${group} AND t.held_on <= @on AND t.stored_at <= @cut ORDER BY t.held_on DESC LIMIT 1)`;
    const inWindow = 'pmo_id = @pmo AND held_on BETWEEN @from AND @on AND stored_at <= @cut';
    this.s = {
      contacts: prepare(
        `SELECT c.contact_id, c.relationship, c.known_since, e.ended_on, ${lastOfContact('c.contact_id')} AS last_on
         FROM network_contact c LEFT JOIN network_contact_end e ON e.contact_id = c.contact_id AND e.stored_at <= @cut
         WHERE c.pmo_id = @pmo AND c.stored_at <= @cut ORDER BY c.position`,
      ),
      assessments: prepare('SELECT contact_id, stance, assessed_on FROM network_assessment WHERE pmo_id = @pmo AND stored_at <= @cut ORDER BY position'),
      groups: prepare(
        `SELECT g.group_id, g.formed_on, ${lastNamed('g.group_id')} AS last_named,
           (SELECT r.cadence_days FROM network_group_revision r
            WHERE r.group_id = g.group_id AND r.cadence_days IS NOT NULL AND r.stored_at <= @cut ORDER BY r.position DESC LIMIT 1) AS cadence_days
         FROM network_group g WHERE g.pmo_id = @pmo AND g.stored_at <= @cut ORDER BY g.position`,
      ),
      memberships: prepare('SELECT group_id, contact_id, member FROM network_membership WHERE pmo_id = @pmo AND stored_at <= @cut ORDER BY position'),
      windowTouchpoints: prepare(`SELECT touchpoint_id, held_on, vehicle, value FROM network_touchpoint WHERE ${inWindow} ORDER BY held_on, position`),
      windowParticipants: prepare(`SELECT touchpoint_id, contact_id FROM network_participation WHERE ${inWindow}`),
      windowGroups: prepare(`SELECT touchpoint_id, group_id FROM network_touchpoint_group WHERE ${inWindow}`),
      contactIds: prepare('SELECT contact_id FROM network_contact WHERE pmo_id = @pmo AND stored_at <= @cut ORDER BY position'),
      // Each pair once, the lesser id first, from the two rows of a touchpoint both took part in.
      edges: prepare(
        `SELECT a.contact_id AS from_id, b.contact_id AS to_id, COUNT(*) AS touchpoints
         FROM network_participation a JOIN network_participation b ON b.touchpoint_id = a.touchpoint_id AND b.contact_id > a.contact_id
         WHERE a.pmo_id = @pmo AND a.stored_at <= @cut
         GROUP BY a.contact_id, b.contact_id ORDER BY a.contact_id, b.contact_id`,
      ),
      lastOfContacts: prepare(`SELECT j.value AS id, ${lastOfContact('j.value')} AS last_on FROM json_each(@ids) j`),
      lastOfGroups: prepare(`SELECT j.value AS id, ${lastNamed('j.value')} AS last_on FROM json_each(@ids) j`),
      membershipsOfContacts: prepare(
        `SELECT m.group_id, m.contact_id, m.member FROM network_membership m
         WHERE m.contact_id IN (SELECT value FROM json_each(@ids)) AND m.stored_at <= @cut ORDER BY m.position`,
      ),
      heldByPmo: prepare('SELECT touchpoint_id, held_on FROM network_touchpoint WHERE pmo_id = @pmo AND held_on BETWEEN @from AND @to ORDER BY held_on, position'),
      heldWithGroup: prepare('SELECT touchpoint_id, held_on FROM network_touchpoint_group WHERE group_id = @group AND held_on BETWEEN @from AND @to AND pmo_id = @pmo ORDER BY held_on, position'),
      ofContact: prepare('SELECT touchpoint_id, held_on FROM network_participation WHERE contact_id = @contact AND position < @before ORDER BY held_on, position'),
    };
  }

  /** What networkHealth takes for the PMO on day `on`, as known at `asOf` (now when null). */
  healthFacts(pmoId: string, on: LocalDate, asOf: string | null): NetworkFacts {
    const cut = cutOf(asOf);
    const window = { pmo: pmoId, cut, from: windowStart(on), on };
    const rows = this.db.transaction(() => ({
      contacts: this.s.contacts.all({ pmo: pmoId, cut, on }),
      assessments: this.s.assessments.all({ pmo: pmoId, cut }),
      groups: this.s.groups.all({ pmo: pmoId, cut, on }),
      memberships: this.s.memberships.all({ pmo: pmoId, cut }),
      touchpoints: this.s.windowTouchpoints.all(window),
      participants: this.s.windowParticipants.all(window),
      touchpointGroups: this.s.windowGroups.all(window),
    }))();

    const members = membersByGroup(rows.memberships);
    const groupsOfContact = new Map<string, string[]>();
    for (const group of rows.groups) for (const contactId of members.get(group.group_id) ?? []) push(groupsOfContact, contactId, group.group_id);
    const assessments = new Map<string, StanceFact[]>();
    for (const a of rows.assessments) push(assessments, a.contact_id, { stance: a.stance, assessedOn: a.assessed_on });

    const contacts = rows.contacts.map(
      (c): ContactHealthFacts => ({
        contactId: c.contact_id,
        knownSince: c.known_since,
        relationship: c.relationship,
        endedOn: c.ended_on,
        groupIds: groupsOfContact.get(c.contact_id) ?? [],
        assessments: assessments.get(c.contact_id) ?? [],
        lastTouchpointOn: c.last_on,
      }),
    );
    const lastOfContact = new Map(contacts.map((c) => [c.contactId, c.lastTouchpointOn]));
    const groups = rows.groups.map((g): GroupHealthFacts => {
      const memberIds = members.get(g.group_id) ?? [];
      // A member's latest touchpoint counts for the group from the day it was formed: when the
      // latest is earlier, so is every other of theirs up to `on`.
      let last = g.last_named !== null && g.last_named >= g.formed_on ? g.last_named : null;
      for (const contactId of memberIds) {
        const day = lastOfContact.get(contactId) ?? null;
        if (day !== null && day >= g.formed_on) last = maxDay(last, day);
      }
      return { groupId: g.group_id, formedOn: g.formed_on, cadenceDays: g.cadence_days, memberIds, lastTouchpointOn: last };
    });

    const contactsOf = new Map<string, string[]>();
    for (const p of rows.participants) push(contactsOf, p.touchpoint_id, p.contact_id);
    const groupsOf = new Map<string, string[]>();
    for (const t of rows.touchpointGroups) push(groupsOf, t.touchpoint_id, t.group_id);
    const recentTouchpoints = rows.touchpoints.map(
      (t): WindowTouchpoint => ({
        heldOn: t.held_on,
        vehicle: t.vehicle,
        contactIds: contactsOf.get(t.touchpoint_id) ?? [],
        groupIds: groupsOf.get(t.touchpoint_id) ?? [],
        value: t.value,
      }),
    );
    return { on, contacts, groups, recentTouchpoints };
  }

  /** The PMO's contacts (in the order recorded) and the touchpoints each pair took part in together, as known at `asOf`. */
  map(pmoId: string, asOf: string | null): { readonly contactIds: string[]; readonly edges: NetworkEdge[] } {
    const cut = cutOf(asOf);
    return this.db.transaction(() => ({
      contactIds: this.s.contactIds.all({ pmo: pmoId, cut }).map((r) => r.contact_id),
      edges: this.s.edges.all({ pmo: pmoId, cut }).map((r) => ({ from: r.from_id, to: r.to_id, touchpoints: r.touchpoints })),
    }))();
  }

  /** The latest touchpoint each contact took part in, as known at `asOf`; lines up with `contactIds`. */
  lastTouchpointOfContacts(contactIds: readonly string[], asOf: string | null): (LocalDate | null)[] {
    return this.s.lastOfContacts.all({ ids: JSON.stringify(contactIds), cut: cutOf(asOf), on: LAST_DAY }).map((r) => r.last_on);
  }

  /** The latest touchpoint that named each group, as known at `asOf`; lines up with `groupIds`. */
  lastTouchpointNamingGroups(groupIds: readonly string[], asOf: string | null): (LocalDate | null)[] {
    return this.s.lastOfGroups.all({ ids: JSON.stringify(groupIds), cut: cutOf(asOf), on: LAST_DAY }).map((r) => r.last_on);
  }

  /** The groups each contact is a member of, as known at `asOf`, in the order they joined; lines up with `contactIds`. */
  groupsOfContacts(contactIds: readonly string[], asOf: string | null): string[][] {
    const rows = this.s.membershipsOfContacts.all({ ids: JSON.stringify(contactIds), cut: cutOf(asOf) });
    const groups = new Map<string, string[]>();
    for (const [groupId, memberIds] of membersByGroup(rows)) for (const contactId of memberIds) push(groups, contactId, groupId);
    return contactIds.map((id) => groups.get(id) ?? []);
  }

  /** The PMO's touchpoints held in [from, to] (or those naming one group), by day and then as recorded. */
  touchpointsHeld(filter: { readonly pmoId: string; readonly groupId?: string | null; readonly from: LocalDate; readonly to: LocalDate }): TouchpointRow[] {
    const rows =
      filter.groupId === undefined || filter.groupId === null
        ? this.s.heldByPmo.all({ pmo: filter.pmoId, from: filter.from, to: filter.to })
        : this.s.heldWithGroup.all({ pmo: filter.pmoId, group: filter.groupId, from: filter.from, to: filter.to });
    return rows.map((r) => ({ touchpointId: r.touchpoint_id, heldOn: r.held_on }));
  }

  /** The touchpoints a contact took part in that were recorded before a position (all: none given), by day. */
  touchpointsOfContact(contactId: string, beforePosition: bigint | null = null): TouchpointRow[] {
    const before = beforePosition === null ? Number.MAX_SAFE_INTEGER : Number(beforePosition);
    return this.s.ofContact.all({ contact: contactId, before }).map((r) => ({ touchpointId: r.touchpoint_id, heldOn: r.held_on }));
  }
}
