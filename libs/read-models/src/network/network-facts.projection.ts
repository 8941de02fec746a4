import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';
import { dispatch, type EventHandlers } from '../event-handlers';
import { perConnection, type Projection } from '../projection';

export const NETWORK_TABLES = [
  'network_contact',
  'network_contact_end',
  'network_assessment',
  'network_group',
  'network_group_revision',
  'network_membership',
  'network_touchpoint',
  'network_participation',
  'network_touchpoint_group',
] as const;
export type NetworkTable = (typeof NETWORK_TABLES)[number];

type Row = Record<string, string | number | bigint | null>;

interface Statements {
  readonly insert: Record<NetworkTable, Statement<[Row]>>;
  readonly pmoOfContact: Statement<[string], { pmo_id: string }>;
  readonly pmoOfGroup: Statement<[string], { pmo_id: string }>;
}

interface Context {
  readonly statements: Statements;
  readonly event: RecordedEvent;
}

const stored = (event: RecordedEvent) => ({ position: event.position, storedAt: event.metadata.recordedAt });

/** The PMO a later event of a contact or group belongs to: the one its first event named. */
const pmoOf = (statement: Statement<[string], { pmo_id: string }>, id: string): string | null => statement.get(id)?.pmo_id ?? null;

// No column holds a personal field (a name, an organisation, a role, a reason, a summary): those
// stay in the events and the views, sealed, and nothing here is ever searched or sorted by them.
const handlers: EventHandlers<Context> = {
  // A repeated creation (which no decider records) changes nothing, as in the views.
  ContactAdded: ({ data }, { statements, event }) => {
    statements.insert.network_contact.run({ contactId: data.contactId, pmoId: data.pmoId, relationship: data.relationship, knownSince: data.knownSince, ...stored(event) });
  },
  ContactRelationshipEnded: ({ data }, { statements, event }) => {
    const pmoId = pmoOf(statements.pmoOfContact, data.contactId);
    if (pmoId !== null) statements.insert.network_contact_end.run({ contactId: data.contactId, pmoId, endedOn: data.endedOn, ...stored(event) });
  },
  ContactAssessed: ({ data }, { statements, event }) => {
    const pmoId = pmoOf(statements.pmoOfContact, data.contactId);
    if (pmoId === null) return;
    const { contactId, stance, engagement, desiredEngagement, assessedOn } = data;
    statements.insert.network_assessment.run({ contactId, pmoId, stance, engagement, desiredEngagement, assessedOn, ...stored(event) });
  },
  NetworkGroupFormed: ({ data }, { statements, event }) => {
    const { groupId, pmoId, kind, formedOn, cadenceDays, vehicles } = data;
    statements.insert.network_group.run({ groupId, pmoId, kind, formedOn, ...stored(event) });
    statements.insert.network_group_revision.run({ groupId, pmoId, cadenceDays, vehicles: JSON.stringify(vehicles), ...stored(event) });
  },
  NetworkGroupRevised: ({ data }, { statements, event }) => {
    if (data.cadenceDays === undefined && data.vehicles === undefined) return;
    const pmoId = pmoOf(statements.pmoOfGroup, data.groupId);
    if (pmoId === null) return;
    statements.insert.network_group_revision.run({
      groupId: data.groupId,
      pmoId,
      cadenceDays: data.cadenceDays ?? null,
      vehicles: data.vehicles === undefined ? null : JSON.stringify(data.vehicles),
      ...stored(event),
    });
  },
  NetworkGroupMemberAdded: ({ data }, { statements, event }) => {
    const pmoId = pmoOf(statements.pmoOfGroup, data.groupId);
    if (pmoId !== null) statements.insert.network_membership.run({ groupId: data.groupId, contactId: data.contactId, pmoId, member: 1, ...stored(event) });
  },
  NetworkGroupMemberRemoved: ({ data }, { statements, event }) => {
    const pmoId = pmoOf(statements.pmoOfGroup, data.groupId);
    if (pmoId !== null) statements.insert.network_membership.run({ groupId: data.groupId, contactId: data.contactId, pmoId, member: 0, ...stored(event) });
  },
  TouchpointRecorded: ({ data }, { statements, event }) => {
    const { touchpointId, pmoId, heldOn, vehicle, value, workEntryId } = data;
    const { insert } = statements;
    const contactIds = [...new Set(data.contactIds)];
    const groupIds = [...new Set(data.groupIds)];
    // Ids hold no comma: a comma-separated list is read back faster than JSON.
    const row = { touchpointId, pmoId, heldOn, vehicle, value, workEntryId, contactIds: contactIds.join(','), groupIds: groupIds.join(',') };
    // A touchpoint is recorded once; a second recording on its stream changes nothing, as in its view.
    if (insert.network_touchpoint.run({ ...row, ...stored(event) }).changes === 0) return;
    for (const contactId of contactIds) insert.network_participation.run({ contactId, heldOn, touchpointId, pmoId, ...stored(event) });
    for (const groupId of groupIds) insert.network_touchpoint_group.run({ groupId, heldOn, touchpointId, pmoId, ...stored(event) });
  },
};

/**
 * The facts a PMO's network health is judged on, laid out for indexed questions rather than
 * folded views: who is in the network since when, every assessment's stance, each group's
 * cadence and members, and every touchpoint with a row per contact and per group who took part.
 * Every row carries the position and instant (`stored_at`) its event was recorded at, so "as
 * known at asOf" is a WHERE clause. Rows are only ever inserted: touchpoints never change, and a
 * change of anything else is a row of its own (a revision, a membership added or removed).
 *
 * The questions they answer: a PMO's touchpoints held in [from, to] with who took part and which
 * groups they named (network_touchpoint's primary key starts with the PMO and the day), the last
 * touchpoint on or before a day of one contact or one group (their primary keys, which start with
 * the contact or group and the day), and who met whom (a PMO's participants by touchpoint).
 */
export class NetworkFactsProjection implements Projection {
  readonly name = 'network_facts';
  readonly tables = [...NETWORK_TABLES];
  readonly ddl = [
    // Tables a PMO's questions read whole are clustered by PMO and position (or day): one range each.
    `CREATE TABLE IF NOT EXISTS network_contact (
      pmo_id TEXT NOT NULL, position INTEGER NOT NULL, contact_id TEXT NOT NULL, relationship TEXT NOT NULL, known_since TEXT NOT NULL,
      stored_at TEXT NOT NULL, PRIMARY KEY (pmo_id, position)) WITHOUT ROWID`,
    'CREATE UNIQUE INDEX IF NOT EXISTS network_contact_id ON network_contact (contact_id)',
    `CREATE TABLE IF NOT EXISTS network_contact_end (
      contact_id TEXT PRIMARY KEY, pmo_id TEXT NOT NULL, ended_on TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS network_assessment (
      pmo_id TEXT NOT NULL, position INTEGER NOT NULL, contact_id TEXT NOT NULL, stance TEXT NOT NULL, engagement TEXT NOT NULL,
      desired_engagement TEXT NOT NULL, assessed_on TEXT NOT NULL, stored_at TEXT NOT NULL, PRIMARY KEY (pmo_id, position)) WITHOUT ROWID`,
    `CREATE TABLE IF NOT EXISTS network_group (
      group_id TEXT PRIMARY KEY, pmo_id TEXT NOT NULL, kind TEXT NOT NULL, formed_on TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL)`,
    // The cadence and vehicles a group was formed with, then each revision that changed either (null: kept).
    `CREATE TABLE IF NOT EXISTS network_group_revision (
      position INTEGER PRIMARY KEY, group_id TEXT NOT NULL, pmo_id TEXT NOT NULL, cadence_days INTEGER, vehicles TEXT, stored_at TEXT NOT NULL)`,
    // member 1: added, 0: removed; the last row of a pair as known at an instant says whether it is a member then.
    `CREATE TABLE IF NOT EXISTS network_membership (
      pmo_id TEXT NOT NULL, position INTEGER NOT NULL, group_id TEXT NOT NULL, contact_id TEXT NOT NULL, member INTEGER NOT NULL, stored_at TEXT NOT NULL,
      PRIMARY KEY (pmo_id, position)) WITHOUT ROWID`,
    // Who took part and which groups it named, as comma-separated ids, so a window of touchpoints is one range read.
    `CREATE TABLE IF NOT EXISTS network_touchpoint (
      pmo_id TEXT NOT NULL, held_on TEXT NOT NULL, touchpoint_id TEXT NOT NULL, vehicle TEXT NOT NULL, value TEXT, work_entry_id TEXT,
      contact_ids TEXT NOT NULL, group_ids TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL,
      PRIMARY KEY (pmo_id, held_on, touchpoint_id)) WITHOUT ROWID`,
    'CREATE UNIQUE INDEX IF NOT EXISTS network_touchpoint_id ON network_touchpoint (touchpoint_id)',
    `CREATE TABLE IF NOT EXISTS network_participation (
      contact_id TEXT NOT NULL, held_on TEXT NOT NULL, touchpoint_id TEXT NOT NULL, pmo_id TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL,
      PRIMARY KEY (contact_id, held_on, touchpoint_id)) WITHOUT ROWID`,
    `CREATE TABLE IF NOT EXISTS network_touchpoint_group (
      group_id TEXT NOT NULL, held_on TEXT NOT NULL, touchpoint_id TEXT NOT NULL, pmo_id TEXT NOT NULL, position INTEGER NOT NULL, stored_at TEXT NOT NULL,
      PRIMARY KEY (group_id, held_on, touchpoint_id)) WITHOUT ROWID`,
  ];
  readonly queryIndexes = [
    'CREATE INDEX IF NOT EXISTS network_contact_end_pmo ON network_contact_end (pmo_id, position)',
    'CREATE INDEX IF NOT EXISTS network_group_pmo ON network_group (pmo_id, position)',
    'CREATE INDEX IF NOT EXISTS network_group_revision_group ON network_group_revision (group_id, position)',
    'CREATE INDEX IF NOT EXISTS network_group_revision_pmo ON network_group_revision (pmo_id, position)',
    'CREATE INDEX IF NOT EXISTS network_membership_contact ON network_membership (contact_id, position)',
    // Lists of touchpoints are by day and then as recorded: a page of them is one range read.
    'CREATE INDEX IF NOT EXISTS network_touchpoint_order ON network_touchpoint (pmo_id, held_on, position)',
    // The map pairs the rows of one touchpoint: a PMO's rows by touchpoint, then its participants.
    'CREATE INDEX IF NOT EXISTS network_participation_pmo ON network_participation (pmo_id, touchpoint_id, stored_at)',
    'CREATE INDEX IF NOT EXISTS network_touchpoint_group_order ON network_touchpoint_group (group_id, held_on, position)',
  ];

  private readonly statements = perConnection(
    (db: Database): Statements => ({
      insert: {
        network_contact: db.prepare(
          `INSERT OR IGNORE INTO network_contact (pmo_id, position, contact_id, relationship, known_since, stored_at)
           VALUES (@pmoId, @position, @contactId, @relationship, @knownSince, @storedAt)`,
        ),
        network_contact_end: db.prepare('INSERT OR IGNORE INTO network_contact_end VALUES (@contactId, @pmoId, @endedOn, @position, @storedAt)'),
        network_assessment: db.prepare(
          `INSERT INTO network_assessment (pmo_id, position, contact_id, stance, engagement, desired_engagement, assessed_on, stored_at)
           VALUES (@pmoId, @position, @contactId, @stance, @engagement, @desiredEngagement, @assessedOn, @storedAt)`,
        ),
        network_group: db.prepare('INSERT OR IGNORE INTO network_group VALUES (@groupId, @pmoId, @kind, @formedOn, @position, @storedAt)'),
        network_group_revision: db.prepare('INSERT INTO network_group_revision VALUES (@position, @groupId, @pmoId, @cadenceDays, @vehicles, @storedAt)'),
        network_membership: db.prepare(
          'INSERT INTO network_membership (pmo_id, position, group_id, contact_id, member, stored_at) VALUES (@pmoId, @position, @groupId, @contactId, @member, @storedAt)',
        ),
        network_touchpoint: db.prepare(
          `INSERT OR IGNORE INTO network_touchpoint (pmo_id, held_on, touchpoint_id, vehicle, value, work_entry_id, contact_ids, group_ids, position, stored_at)
           VALUES (@pmoId, @heldOn, @touchpointId, @vehicle, @value, @workEntryId, @contactIds, @groupIds, @position, @storedAt)`,
        ),
        network_participation: db.prepare('INSERT INTO network_participation VALUES (@contactId, @heldOn, @touchpointId, @pmoId, @position, @storedAt)'),
        network_touchpoint_group: db.prepare('INSERT INTO network_touchpoint_group VALUES (@groupId, @heldOn, @touchpointId, @pmoId, @position, @storedAt)'),
      },
      pmoOfContact: db.prepare('SELECT pmo_id FROM network_contact WHERE contact_id = ?'),
      pmoOfGroup: db.prepare('SELECT pmo_id FROM network_group WHERE group_id = ?'),
    }),
  );

  apply(event: RecordedEvent, db: Database): void {
    dispatch(handlers, event, { statements: this.statements(db), event });
  }
}
