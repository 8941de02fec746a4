import type { Database, Statement } from 'better-sqlite3';
import {
  healthWindowStart,
  type ContactHealthFacts,
  type GroupHealthFacts,
  type LocalDate,
  type NetworkMapEdge,
  type NetworkFacts,
  type RelationshipKind,
  type Stance,
  type StanceFact,
  type TouchpointVehicle,
  type ValueDirection,
  type RecentTouchpointFacts,
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
  readonly version: Statement<[{ pmo: string }], { version: string }>;
  readonly contacts: Statement<[{ pmo: string; cut: string }], { contact_id: string; relationship: RelationshipKind; known_since: string; ended_on: string | null }>;
  readonly assessments: Statement<[{ pmo: string; cut: string }], { contact_id: string; stance: Stance; assessed_on: string }>;
  readonly groups: Statement<[{ pmo: string; cut: string }], { group_id: string; formed_on: string; cadence_days: number }>;
  readonly memberships: Statement<[{ pmo: string; cut: string }], MembershipRow>;
  /** Raw: each row an array (WindowRow). */
  readonly windowTouchpoints: Statement<[{ pmo: string; cut: string; from: string; on: string }], unknown>;
  readonly windowDays: Statement<[{ pmo: string; from: string; on: string }], DayRows>;
  /** Raw: each row an array (WindowRow). */
  readonly touchpointsOfDays: Statement<[{ pmo: string; days: string }], unknown>;
  readonly contactIds: Statement<[{ pmo: string; cut: string }], { contact_id: string }>;
  readonly edges: Statement<[{ pmo: string; cut: string }], { from_id: string; to_id: string; touchpoints: number }>;
  readonly lastOfContacts: Statement<[{ ids: string; cut: string; on: string }], { id: string; last_on: string | null }>;
  readonly lastOfGroups: Statement<[{ ids: string; cut: string; on: string }], { id: string; last_on: string | null }>;
  readonly membershipsOfContacts: Statement<[{ ids: string; cut: string }], MembershipRow>;
  readonly ofContact: Statement<[{ contact: string; before: number }], { touchpoint_id: string; held_on: string }>;
}

/**
 * What a PMO's health reads besides touchpoints: who is in its network since when (and until
 * when), their assessments, its groups with their cadence and members. It changes far less often
 * than touchpoints are recorded, so as known now it is kept per PMO until a row of it is added.
 */
interface NetworkBase {
  readonly contacts: readonly Omit<ContactHealthFacts, 'lastTouchpointOn'>[];
  readonly groups: readonly Omit<GroupHealthFacts, 'lastTouchpointOn'>[];
}

/** PMOs whose base is kept as known now; the least recently asked is dropped first. */
const KEPT_BASES = 64;

/** A window touchpoint as read: held on, vehicle, value, and who took part and which groups it named, comma-separated. */
type WindowRow = readonly [LocalDate, TouchpointVehicle, ValueDirection | null, string, string];

/**
 * What says whether the touchpoints of one day, as known now, are those read before: their number
 * and the last position among them. Rows are only ever inserted, at rising positions, so the same
 * two mean the same rows.
 */
interface DayRows {
  readonly held_on: LocalDate;
  readonly count: number;
  readonly last: number;
}

/** One day's touchpoints as known now, kept with what they were read at. */
interface KeptDay extends DayRows {
  readonly touchpoints: readonly RecentTouchpointFacts[];
}

/**
 * PMOs whose window is kept as known now; the least recently asked is dropped first. A window of a
 * PMO at the health target's size (about 6,000 touchpoints) holds about 3 MB, so fewer than bases.
 */
const KEPT_WINDOWS = 16;

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
  // A Set keeps the order of first addition, and a member removed and added again goes last.
  const members = new Map<string, Set<string>>();
  for (const { group_id, contact_id, member } of rows) {
    let set = members.get(group_id);
    if (!set) members.set(group_id, (set = new Set()));
    if (member === 1) set.add(contact_id);
    else set.delete(contact_id);
  }
  return new Map([...members].map(([groupId, set]) => [groupId, [...set]]));
};

/** A list of ids as a touchpoint row holds it: comma-separated (ids hold no comma). */
const idsOf = (text: string): string[] => (text === '' ? [] : text.split(','));

const touchpointOf = ([heldOn, vehicle, value, contactIds, groupIds]: WindowRow): RecentTouchpointFacts => ({
  heldOn,
  vehicle,
  value,
  contactIds: idsOf(contactIds),
  groupIds: idsOf(groupIds),
});

const maxDay = (a: LocalDate | null, b: LocalDate | null): LocalDate | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * The network's facts (network-facts.projection.ts) as the domain's health and map take them.
 * Every question is a handful of indexed range reads cut at an instant: only the touchpoints of
 * the 90-day window are read whole (each row with who took part); the last touchpoint of a
 * contact or group the window did not see is one index seek, in SQL.
 */
export class NetworkFactsReader {
  private readonly db: Database;
  private readonly s: Statements;

  /** The tables must exist: construct after the projector (which creates them). */
  /** Per PMO, its base as known now and the version it was read at; in order of last use. */
  private readonly bases = new Map<string, { readonly version: string; readonly base: NetworkBase }>();
  /** Per PMO, the touchpoints of the days of the window last asked about as known now, by day; in order of last use. */
  private readonly windows = new Map<string, ReadonlyMap<LocalDate, KeptDay>>();

  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    const prepare = this.db.prepare.bind(this.db);
    const lastOfContact = (contact: string) =>
      `(SELECT p.held_on FROM network_participation p WHERE p.contact_id = ${contact} AND p.held_on <= @on AND p.stored_at <= @cut ORDER BY p.held_on DESC LIMIT 1)`;
    const lastNamed = (group: string) =>
      `(SELECT t.held_on FROM network_touchpoint_group t WHERE t.group_id = ${group} AND t.held_on <= @on AND t.stored_at <= @cut ORDER BY t.held_on DESC LIMIT 1)`;
    const lastOf = (table: string) => `IFNULL((SELECT MAX(position) FROM ${table} WHERE pmo_id = @pmo), -1)`;
    this.s = {
      // Rows are only ever inserted, at rising positions: the last position of each says whether anything was added.
      version: prepare(
        `SELECT ${['network_contact', 'network_contact_end', 'network_assessment', 'network_group', 'network_group_revision', 'network_membership']
          .map(lastOf)
          .join(" || ',' || ")} AS version`,
      ),
      contacts: prepare(
        `SELECT c.contact_id, c.relationship, c.known_since, e.ended_on
         FROM network_contact c LEFT JOIN network_contact_end e ON e.contact_id = c.contact_id AND e.stored_at <= @cut
         WHERE c.pmo_id = @pmo AND c.stored_at <= @cut ORDER BY c.position`,
      ),
      assessments: prepare('SELECT contact_id, stance, assessed_on FROM network_assessment WHERE pmo_id = @pmo AND stored_at <= @cut ORDER BY position'),
      groups: prepare(
        `SELECT g.group_id, g.formed_on,
           (SELECT r.cadence_days FROM network_group_revision r
            WHERE r.group_id = g.group_id AND r.cadence_days IS NOT NULL AND r.stored_at <= @cut ORDER BY r.position DESC LIMIT 1) AS cadence_days
         FROM network_group g WHERE g.pmo_id = @pmo AND g.stored_at <= @cut ORDER BY g.position`,
      ),
      memberships: prepare('SELECT group_id, contact_id, member FROM network_membership WHERE pmo_id = @pmo AND stored_at <= @cut ORDER BY position'),
      // Thousands of rows: read as arrays, which better-sqlite3 builds far faster than objects
      // with named fields, and each made its fact once.
      windowTouchpoints: prepare(
        `SELECT held_on, vehicle, value, contact_ids, group_ids FROM network_touchpoint
         WHERE pmo_id = @pmo AND held_on BETWEEN @from AND @on AND stored_at <= @cut`,
      ).raw(),
      // As known now: every row. A range of the same index, reading no id list.
      windowDays: prepare(
        `SELECT held_on, COUNT(*) AS count, MAX(position) AS last FROM network_touchpoint
         WHERE pmo_id = @pmo AND held_on BETWEEN @from AND @on GROUP BY held_on`,
      ),
      touchpointsOfDays: prepare(
        `SELECT held_on, vehicle, value, contact_ids, group_ids FROM network_touchpoint
         WHERE pmo_id = @pmo AND held_on IN (SELECT value FROM json_each(@days))`,
      ).raw(),
      contactIds: prepare('SELECT contact_id FROM network_contact WHERE pmo_id = @pmo AND stored_at <= @cut ORDER BY position'),
      // Each pair once, the lesser id first, from the two rows of a touchpoint both took part in.
      edges: prepare(
        `SELECT a.contact_id AS from_id, b.contact_id AS to_id, COUNT(*) AS touchpoints
         FROM network_participation a
           JOIN network_participation b ON b.pmo_id = a.pmo_id AND b.touchpoint_id = a.touchpoint_id AND b.contact_id > a.contact_id
         WHERE a.pmo_id = @pmo AND a.stored_at <= @cut
         GROUP BY a.contact_id, b.contact_id ORDER BY a.contact_id, b.contact_id`,
      ),
      lastOfContacts: prepare(`SELECT j.value AS id, ${lastOfContact('j.value')} AS last_on FROM json_each(@ids) j`),
      lastOfGroups: prepare(`SELECT j.value AS id, ${lastNamed('j.value')} AS last_on FROM json_each(@ids) j`),
      membershipsOfContacts: prepare(
        `SELECT m.group_id, m.contact_id, m.member FROM network_membership m
         WHERE m.contact_id IN (SELECT value FROM json_each(@ids)) AND m.stored_at <= @cut ORDER BY m.position`,
      ),
      ofContact: prepare('SELECT touchpoint_id, held_on FROM network_participation WHERE contact_id = @contact AND position < @before ORDER BY held_on, position'),
    };
  }

  /**
   * What networkHealth takes for the PMO on day `on`, as known at `asOf` (now when null): the
   * window's touchpoints, read whole (as known now, from the days kept of the question before
   * where none was added to them since), then the last touchpoint on or before `on` of every
   * contact and group, taken from the window where they had one there and sought in the index
   * otherwise.
   */
  healthFacts(pmoId: string, on: LocalDate, asOf: string | null): NetworkFacts {
    const cut = cutOf(asOf);
    const from = healthWindowStart(on);
    // One read transaction: the base, the window and the lookups all see the same rows.
    return this.db.transaction(() => {
      const base = asOf === null ? this.currentBase(pmoId) : this.readBase(pmoId, cut);
      const recentTouchpoints =
        asOf === null ? this.currentWindow(pmoId, from, on) : (this.s.windowTouchpoints.all({ pmo: pmoId, cut, from, on }) as WindowRow[]).map(touchpointOf);
      const lastOfContact = new Map<string, LocalDate>();
      const lastNamingGroup = new Map<string, LocalDate>();
      for (const { heldOn, contactIds, groupIds } of recentTouchpoints) {
        for (const id of contactIds) if ((lastOfContact.get(id) ?? '') < heldOn) lastOfContact.set(id, heldOn);
        for (const id of groupIds) if ((lastNamingGroup.get(id) ?? '') < heldOn) lastNamingGroup.set(id, heldOn);
      }
      // Those the window did not see: their latest, if any, came before it.
      const unseen = base.contacts.filter((c) => !lastOfContact.has(c.contactId)).map((c) => c.contactId);
      if (unseen.length > 0) {
        for (const { id, last_on } of this.s.lastOfContacts.all({ ids: JSON.stringify(unseen), cut, on })) if (last_on !== null) lastOfContact.set(id, last_on);
      }
      const unnamed = base.groups.filter((g) => !lastNamingGroup.has(g.groupId)).map((g) => g.groupId);
      if (unnamed.length > 0) {
        for (const { id, last_on } of this.s.lastOfGroups.all({ ids: JSON.stringify(unnamed), cut, on })) if (last_on !== null) lastNamingGroup.set(id, last_on);
      }

      // Each field named rather than spread: measured, the copies come out faster to build and to
      // read in the rule (about 4 ms a question less at 2,000 contacts, and far fewer slow ones).
      const contacts = base.contacts.map(
        (c): ContactHealthFacts => ({
          contactId: c.contactId,
          knownSince: c.knownSince,
          relationship: c.relationship,
          endedOn: c.endedOn,
          groupIds: c.groupIds,
          assessments: c.assessments,
          lastTouchpointOn: lastOfContact.get(c.contactId) ?? null,
        }),
      );
      const groups = base.groups.map((g): GroupHealthFacts => {
        // A member's latest touchpoint counts for the group from the day it was formed: when the
        // latest is earlier, so is every other of theirs up to `on`.
        const named = lastNamingGroup.get(g.groupId) ?? null;
        let last = named !== null && named >= g.formedOn ? named : null;
        for (const contactId of g.memberIds) {
          const day = lastOfContact.get(contactId) ?? null;
          if (day !== null && day >= g.formedOn) last = maxDay(last, day);
        }
        return { ...g, lastTouchpointOn: last };
      });
      return { on, contacts, groups, recentTouchpoints };
    })();
  }

  /**
   * The PMO's touchpoints held in [from, on] as known now. Questions about nearby days share most
   * of their window, and rows are only ever inserted: a day kept from the PMO's question before is
   * used again when it still has the same number of rows and the same last position, and only the
   * other days are read (one statement). Kept afterwards: the days of this window, nothing older.
   */
  private currentWindow(pmoId: string, from: LocalDate, on: LocalDate): RecentTouchpointFacts[] {
    const kept = this.windows.get(pmoId);
    this.windows.delete(pmoId);
    const window = new Map<LocalDate, KeptDay>();
    const unread: DayRows[] = [];
    for (const day of this.s.windowDays.all({ pmo: pmoId, from, on })) {
      const same = kept?.get(day.held_on);
      if (same !== undefined && same.count === day.count && same.last === day.last) window.set(day.held_on, same);
      else unread.push(day);
    }
    if (unread.length > 0) {
      const read = new Map<LocalDate, RecentTouchpointFacts[]>();
      const days = JSON.stringify(unread.map((day) => day.held_on));
      for (const row of this.s.touchpointsOfDays.all({ pmo: pmoId, days }) as WindowRow[]) push(read, row[0], touchpointOf(row));
      for (const day of unread) window.set(day.held_on, { ...day, touchpoints: read.get(day.held_on) ?? [] });
    }
    this.windows.set(pmoId, window);
    if (this.windows.size > KEPT_WINDOWS) this.windows.delete(this.windows.keys().next().value!);
    const touchpoints: RecentTouchpointFacts[] = [];
    for (const day of window.values()) for (const touchpoint of day.touchpoints) touchpoints.push(touchpoint);
    return touchpoints;
  }

  /** The PMO's base as known now: kept until a row of it is added. */
  private currentBase(pmoId: string): NetworkBase {
    const { version } = this.s.version.get({ pmo: pmoId })!;
    const kept = this.bases.get(pmoId);
    this.bases.delete(pmoId);
    const base = kept?.version === version ? kept.base : this.readBase(pmoId, NOW);
    this.bases.set(pmoId, { version, base });
    if (this.bases.size > KEPT_BASES) this.bases.delete(this.bases.keys().next().value!);
    return base;
  }

  private readBase(pmoId: string, cut: string): NetworkBase {
    const groupRows = this.s.groups.all({ pmo: pmoId, cut });
    const members = membersByGroup(this.s.memberships.all({ pmo: pmoId, cut }));
    const groupsOfContact = new Map<string, string[]>();
    for (const group of groupRows) for (const contactId of members.get(group.group_id) ?? []) push(groupsOfContact, contactId, group.group_id);
    const assessments = new Map<string, StanceFact[]>();
    for (const a of this.s.assessments.all({ pmo: pmoId, cut })) push(assessments, a.contact_id, { stance: a.stance, assessedOn: a.assessed_on });
    return {
      contacts: this.s.contacts.all({ pmo: pmoId, cut }).map((c) => ({
        contactId: c.contact_id,
        knownSince: c.known_since,
        relationship: c.relationship,
        endedOn: c.ended_on,
        groupIds: groupsOfContact.get(c.contact_id) ?? [],
        assessments: assessments.get(c.contact_id) ?? [],
      })),
      groups: groupRows.map((g) => ({ groupId: g.group_id, formedOn: g.formed_on, cadenceDays: g.cadence_days, memberIds: members.get(g.group_id) ?? [] })),
    };
  }

  /** The PMO's contacts (in the order recorded) and the touchpoints each pair took part in together, as known at `asOf`. */
  map(pmoId: string, asOf: string | null): { readonly contactIds: string[]; readonly edges: NetworkMapEdge[] } {
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

  /** The touchpoints a contact took part in that were recorded before a position (all: none given), by day. */
  touchpointsOfContact(contactId: string, beforePosition: bigint | null = null): TouchpointRow[] {
    const before = beforePosition === null ? Number.MAX_SAFE_INTEGER : Number(beforePosition);
    return this.s.ofContact.all({ contact: contactId, before }).map((r) => ({ touchpointId: r.touchpoint_id, heldOn: r.held_on }));
  }
}
