import type { ThroughlineEvent } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { ReadModelDb } from '../read-model-db';
import { NetworkFactsProjection } from './network-facts.projection';

const PMO = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const ADA = 'c0000000-0000-4000-8000-000000000001';
const BOB = 'c0000000-0000-4000-8000-000000000002';
const LEADERS = 'a0000000-0000-4000-8000-000000000001';
const TALK = 'b0000000-0000-4000-8000-000000000001';
const at = (day: string) => `${day}T09:00:00.000Z`;

let position = 0n;
const recorded = (event: ThroughlineEvent, storedAt: string): RecordedEvent => ({
  id: `event-${++position}`,
  streamId: `x-${position}`,
  revision: 0,
  position,
  type: event.type,
  schemaVersion: 1,
  data: { ...(event.data as unknown as Record<string, unknown>) },
  metadata: { actor: 'ada@pmo.example', correlationId: 'spec', recordedAt: storedAt },
  hash: '',
  prevHash: '',
});

const contact = (contactId: string, relationship: 'INTERNAL' | 'STAKEHOLDER'): ThroughlineEvent => ({
  type: 'ContactAdded',
  data: { contactId, pmoId: PMO, name: 'sealed:name', organisation: 'sealed:org', role: null, source: 'STAKEHOLDER', relationship, knownSince: '2025-06-01', groupIds: [] },
});

describe('network facts read model', () => {
  let db: ReadModelDb;
  let apply: (event: ThroughlineEvent, storedAt: string) => void;
  const rows = (sql: string) => db.connection.prepare(sql).all();

  beforeEach(() => {
    position = 0n;
    db = ReadModelDb.open(':memory:');
    const projection = new NetworkFactsProjection();
    db.ensureSchema([projection]);
    apply = (event, storedAt) => db.transaction(() => projection.apply(recorded(event, storedAt), db.connection));
  });

  afterEach(() => db.close());

  it('given contacts, an assessment and an ended relationship, then each is one row under the PMO, with no personal field', () => {
    apply(contact(ADA, 'INTERNAL'), at('2026-01-05'));
    apply(contact(BOB, 'STAKEHOLDER'), at('2026-01-06'));
    apply(
      { type: 'ContactAssessed', data: { contactId: ADA, stance: 'CHAMPION', engagement: 'SUPPORTIVE', desiredEngagement: 'LEADING', assessedOn: '2026-01-10', reason: 'sealed:why' } },
      at('2026-01-10'),
    );
    apply({ type: 'ContactRelationshipEnded', data: { contactId: BOB, endedOn: '2026-02-01' } }, at('2026-02-01'));

    expect(rows('SELECT * FROM network_contact ORDER BY position')).toEqual([
      { pmo_id: PMO, position: 1, contact_id: ADA, relationship: 'INTERNAL', known_since: '2025-06-01', stored_at: at('2026-01-05') },
      { pmo_id: PMO, position: 2, contact_id: BOB, relationship: 'STAKEHOLDER', known_since: '2025-06-01', stored_at: at('2026-01-06') },
    ]);
    expect(rows('SELECT * FROM network_assessment')).toEqual([
      { pmo_id: PMO, position: 3, contact_id: ADA, stance: 'CHAMPION', engagement: 'SUPPORTIVE', desired_engagement: 'LEADING', assessed_on: '2026-01-10', stored_at: at('2026-01-10') },
    ]);
    expect(rows('SELECT * FROM network_contact_end')).toEqual([{ contact_id: BOB, pmo_id: PMO, ended_on: '2026-02-01', position: 4, stored_at: at('2026-02-01') }]);
    const everything = JSON.stringify(['network_contact', 'network_assessment', 'network_contact_end'].map((table) => rows(`SELECT * FROM ${table}`)));
    expect(everything).not.toContain('sealed:');
    expect(JSON.stringify(rows('SELECT * FROM network_touchpoint'))).not.toContain('sealed:');
  });

  it('given a group formed, revised and its members changed, then the cadence and membership are rows in the order recorded', () => {
    apply(contact(ADA, 'INTERNAL'), at('2026-01-05'));
    apply(
      {
        type: 'NetworkGroupFormed',
        data: { groupId: LEADERS, pmoId: PMO, kind: 'SENIOR_LEADERSHIP', name: 'Leaders', connection: 'STRATEGIC', cadenceDays: 30, vehicles: ['STEERING_MEETING'], formedOn: '2026-01-02' },
      },
      at('2026-01-05'),
    );
    apply({ type: 'NetworkGroupMemberAdded', data: { groupId: LEADERS, contactId: ADA } }, at('2026-01-06'));
    apply({ type: 'NetworkGroupRevised', data: { groupId: LEADERS, name: 'Board' } }, at('2026-01-07'));
    apply({ type: 'NetworkGroupRevised', data: { groupId: LEADERS, cadenceDays: 14 } }, at('2026-01-08'));
    apply({ type: 'NetworkGroupMemberRemoved', data: { groupId: LEADERS, contactId: ADA } }, at('2026-01-09'));

    expect(rows('SELECT * FROM network_group')).toEqual([{ group_id: LEADERS, pmo_id: PMO, kind: 'SENIOR_LEADERSHIP', formed_on: '2026-01-02', position: 2, stored_at: at('2026-01-05') }]);
    expect(rows('SELECT position, cadence_days, vehicles FROM network_group_revision ORDER BY position')).toEqual([
      { position: 2, cadence_days: 30, vehicles: '["STEERING_MEETING"]' },
      { position: 5, cadence_days: 14, vehicles: null },
    ]);
    expect(rows('SELECT position, group_id, contact_id, pmo_id, member FROM network_membership ORDER BY position')).toEqual([
      { position: 3, group_id: LEADERS, contact_id: ADA, pmo_id: PMO, member: 1 },
      { position: 6, group_id: LEADERS, contact_id: ADA, pmo_id: PMO, member: 0 },
    ]);
  });

  it('given a touchpoint, then it is one row, one per contact who took part and one per group, each with its day and instant, and no summary', () => {
    apply(
      {
        type: 'TouchpointRecorded',
        data: {
          touchpointId: TALK,
          pmoId: PMO,
          heldOn: '2026-03-02',
          vehicle: 'ONE_TO_ONE',
          contactIds: [ADA, BOB],
          groupIds: [LEADERS],
          summary: 'sealed:summary',
          value: 'GIVEN',
          workEntryId: null,
        },
      },
      at('2026-03-03'),
    );

    expect(rows('SELECT * FROM network_touchpoint')).toEqual([
      {
        pmo_id: PMO,
        held_on: '2026-03-02',
        touchpoint_id: TALK,
        vehicle: 'ONE_TO_ONE',
        value: 'GIVEN',
        work_entry_id: null,
        contact_ids: `${ADA},${BOB}`,
        group_ids: LEADERS,
        position: 1,
        stored_at: at('2026-03-03'),
      },
    ]);
    expect(rows('SELECT * FROM network_participation ORDER BY contact_id')).toEqual([
      { contact_id: ADA, held_on: '2026-03-02', touchpoint_id: TALK, pmo_id: PMO, position: 1, stored_at: at('2026-03-03') },
      { contact_id: BOB, held_on: '2026-03-02', touchpoint_id: TALK, pmo_id: PMO, position: 1, stored_at: at('2026-03-03') },
    ]);
    expect(rows('SELECT * FROM network_touchpoint_group')).toEqual([
      { group_id: LEADERS, held_on: '2026-03-02', touchpoint_id: TALK, pmo_id: PMO, position: 1, stored_at: at('2026-03-03') },
    ]);
  });

  it('answers the indexed questions from their indexes: a PMO’s touchpoints in a window, a contact’s or group’s last touchpoint', () => {
    const plan = (sql: string) => (db.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');

    expect(plan("SELECT contact_ids FROM network_touchpoint WHERE pmo_id = 'p' AND held_on BETWEEN 'a' AND 'b'")).toContain('USING PRIMARY KEY (pmo_id=? AND held_on>? AND held_on<?)');
    expect(plan("SELECT held_on FROM network_participation WHERE contact_id = 'c' AND held_on <= 'd' ORDER BY held_on DESC LIMIT 1")).toContain('USING PRIMARY KEY');
    // The primary key, or the index that orders a group's touchpoints for paging: both start with the group and the day.
    expect(plan("SELECT held_on FROM network_touchpoint_group WHERE group_id = 'g' AND held_on <= 'd' ORDER BY held_on DESC LIMIT 1")).toMatch(
      /USING (PRIMARY KEY|COVERING INDEX network_touchpoint_group_order) \(group_id=\? AND held_on<\?\)/,
    );
    expect(plan("SELECT touchpoint_id FROM network_touchpoint WHERE pmo_id = 'p' AND held_on BETWEEN 'a' AND 'b' ORDER BY held_on, position LIMIT 5")).toContain(
      'USING COVERING INDEX network_touchpoint_order (pmo_id=? AND held_on>? AND held_on<?)',
    );
  });
});
