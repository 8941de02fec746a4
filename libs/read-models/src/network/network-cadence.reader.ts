import type { Database, Statement } from 'better-sqlite3';
import { groupCadence, type LocalDate } from '@throughline/domain';
import { ReadModelDb } from '../read-model-db';

/** Later than any instant the store records: "as known now". */
const NOW = '9999-12-31T23:59:59.999Z';

/** How many of a PMO's network groups count on a day, and how many of them are overdue then. */
export interface GroupsDue {
  readonly groups: number;
  readonly overdue: number;
}

interface GroupRow {
  readonly group_id: string;
  readonly pmo_id: string;
  readonly formed_on: LocalDate;
  readonly cadence_days: number;
}

interface Statements {
  readonly groups: Statement<[{ pmos: string; cut: string; on: string }], GroupRow>;
  readonly memberships: Statement<[{ pmos: string; cut: string }], { group_id: string; contact_id: string; member: number }>;
  readonly lastNaming: Statement<[{ ids: string; cut: string; on: string }], { id: string; last_on: LocalDate | null }>;
  readonly lastOfContacts: Statement<[{ ids: string; cut: string; on: string }], { id: string; last_on: LocalDate | null }>;
}

/**
 * Whether the groups of many PMOs are overdue on a day, by the rule networkHealth applies to each
 * group (groupCadence), without reading any PMO's window of touchpoints: for each group one index
 * seek for the last touchpoint naming it, and only for a group that this leaves overdue, one seek
 * per current member for the last touchpoint they took part in. A later touchpoint can only make
 * a group less overdue, so a group the first seek clears needs no other.
 */
export class NetworkCadenceReader {
  private readonly s: Statements;

  /** The tables must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    const connection = db instanceof ReadModelDb ? db.connection : db;
    const prepare = connection.prepare.bind(connection);
    this.s = {
      // A group counts from the day it was formed, at the cadence of its latest revision known then.
      groups: prepare(
        `SELECT g.group_id, g.pmo_id, g.formed_on,
           (SELECT r.cadence_days FROM network_group_revision r
            WHERE r.group_id = g.group_id AND r.cadence_days IS NOT NULL AND r.stored_at <= @cut ORDER BY r.position DESC LIMIT 1) AS cadence_days
         FROM network_group g
         WHERE g.pmo_id IN (SELECT value FROM json_each(@pmos)) AND g.stored_at <= @cut AND g.formed_on <= @on`,
      ),
      memberships: prepare(
        `SELECT group_id, contact_id, member FROM network_membership
         WHERE pmo_id IN (SELECT value FROM json_each(@pmos)) AND stored_at <= @cut ORDER BY pmo_id, position`,
      ),
      lastNaming: prepare(
        `SELECT j.value AS id, (SELECT t.held_on FROM network_touchpoint_group t
           WHERE t.group_id = j.value AND t.held_on <= @on AND t.stored_at <= @cut ORDER BY t.held_on DESC LIMIT 1) AS last_on
         FROM json_each(@ids) j`,
      ),
      lastOfContacts: prepare(
        `SELECT j.value AS id, (SELECT p.held_on FROM network_participation p
           WHERE p.contact_id = j.value AND p.held_on <= @on AND p.stored_at <= @cut ORDER BY p.held_on DESC LIMIT 1) AS last_on
         FROM json_each(@ids) j`,
      ),
    };
  }

  /** Each PMO's groups on `on` as known at `asOf` (now when null); lined up with `pmoIds`. */
  groupsDue(pmoIds: readonly string[], on: LocalDate, asOf: string | null): GroupsDue[] {
    const cut = asOf ?? NOW;
    const pmos = JSON.stringify(pmoIds);
    const groups = this.s.groups.all({ pmos, cut, on });
    const named = new Map<string, LocalDate | null>();
    for (const row of this.s.lastNaming.all({ ids: JSON.stringify(groups.map((g) => g.group_id)), cut, on })) named.set(row.id, row.last_on);
    // A touchpoint is with a group only from the day it was formed.
    const since = (group: GroupRow, day: LocalDate | null | undefined): LocalDate | null => (day != null && day >= group.formed_on ? day : null);
    const overdue = (group: GroupRow, last: LocalDate | null) => groupCadence({ formedOn: group.formed_on, cadenceDays: group.cadence_days }, last, on).overdue;

    const pending = groups.filter((group) => overdue(group, since(group, named.get(group.group_id))));
    const stillOverdue = new Set<string>();
    if (pending.length > 0) {
      const members = this.currentMembers([...new Set(pending.map((g) => g.pmo_id))], new Set(pending.map((g) => g.group_id)), cut);
      const contacts = [...new Set([...members.values()].flat())];
      const lastOf = new Map<string, LocalDate | null>();
      for (const row of this.s.lastOfContacts.all({ ids: JSON.stringify(contacts), cut, on })) lastOf.set(row.id, row.last_on);
      for (const group of pending) {
        let last = since(group, named.get(group.group_id));
        for (const contactId of members.get(group.group_id) ?? []) {
          const day = since(group, lastOf.get(contactId));
          if (day !== null && (last === null || day > last)) last = day;
        }
        if (overdue(group, last)) stillOverdue.add(group.group_id);
      }
    }

    const due = new Map<string, { groups: number; overdue: number }>(pmoIds.map((id) => [id, { groups: 0, overdue: 0 }]));
    for (const group of groups) {
      const counts = due.get(group.pmo_id)!;
      counts.groups += 1;
      if (stillOverdue.has(group.group_id)) counts.overdue += 1;
    }
    return pmoIds.map((id) => due.get(id)!);
  }

  /** The current members of the groups asked for, as the rows stand at the cut (the last row of a pair decides). */
  private currentMembers(pmoIds: readonly string[], groupIds: ReadonlySet<string>, cut: string): Map<string, string[]> {
    const members = new Map<string, Set<string>>();
    for (const { group_id, contact_id, member } of this.s.memberships.all({ pmos: JSON.stringify(pmoIds), cut })) {
      if (!groupIds.has(group_id)) continue;
      let set = members.get(group_id);
      if (!set) members.set(group_id, (set = new Set()));
      if (member === 1) set.add(contact_id);
      else set.delete(contact_id);
    }
    return new Map([...members].map(([groupId, set]) => [groupId, [...set]]));
  }
}
