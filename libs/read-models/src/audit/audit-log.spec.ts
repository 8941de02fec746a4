import type { RecordedEvent } from '@throughline/event-store';
import { ArrayEventStore } from '../array-event-store.fixture';
import { Projector } from '../projector';
import { ReadModelDb } from '../read-model-db';
import { AuditLogProjection } from './audit-log.projection';
import { AuditLogReader, type AuditRow } from './audit-log.reader';

const id = (n: number) => `0b7c6f0e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const P1 = id(1);
const P2 = id(2);
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, second)).toISOString();

const ADA = 'ada@pmo.example';
const GRACE = 'grace@pmo.example';

let position = 0n;

interface Meta {
  readonly actor?: string;
  readonly reason?: string;
  readonly commandId?: string;
}

/** An event as the store hands it out, at the next position and one second after the previous. */
const recorded = (streamId: string, revision: number, type: string, data: Record<string, unknown>, meta: Meta = {}): RecordedEvent => {
  position += 1n;
  return {
    id: `event-${position}`,
    streamId,
    revision,
    position,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: meta.actor ?? ADA,
      correlationId: `corr-${position}`,
      recordedAt: at(Number(position)),
      ...(meta.reason ? { reason: meta.reason } : {}),
      ...(meta.commandId ? { commandId: meta.commandId } : {}),
    },
    hash: `hash-${position}`,
    prevHash: '',
  };
};

/**
 * Two PMOs, each with an objective, a plan, an activity and a work entry: Ada sets up P1, Grace
 * sets up P2 and revises P1's objective. Positions 1..16, recorded at seconds 1..16.
 */
const twoPmos = (): RecordedEvent[] => [
  recorded(`pmo-${P1}`, 0, 'PmoEstablished', { pmoId: P1, name: 'Digital', kind: 'PROGRAMME', parentId: null, head: null }),
  recorded(`pmo-${P2}`, 0, 'PmoEstablished', { pmoId: P2, name: 'Elsewhere', kind: 'PROJECT', parentId: null, head: null }, { actor: GRACE }),
  recorded(`objective-${id(11)}`, 0, 'ObjectiveDefined', { objectiveId: id(11), pmoId: P1, title: 'On time' }),
  recorded(`objective-${id(21)}`, 0, 'ObjectiveDefined', { objectiveId: id(21), pmoId: P2, title: 'Fewer escalations' }, { actor: GRACE }),
  recorded(`plan-${id(12)}`, 0, 'BusinessPlanDrafted', { planId: id(12), pmoId: P1, title: 'Plan 2026' }),
  recorded(`plan-${id(22)}`, 0, 'BusinessPlanDrafted', { planId: id(22), pmoId: P2, title: 'Plan 2026' }, { actor: GRACE }),
  recorded(`activity-${id(13)}`, 0, 'ActivityPlanned', { activityId: id(13), planId: id(12), pmoId: P1, title: 'Reviews' }),
  recorded(`activity-${id(23)}`, 0, 'ActivityPlanned', { activityId: id(23), planId: id(22), pmoId: P2, title: 'Audits' }, { actor: GRACE }),
  recorded(`work-${id(14)}`, 0, 'WorkLogged', { workEntryId: id(14), pmoId: P1, hours: 2 }),
  recorded(`work-${id(24)}`, 0, 'WorkLogged', { workEntryId: id(24), pmoId: P2, hours: 3 }, { actor: GRACE }),
  recorded(`objective-${id(11)}`, 1, 'ObjectiveTargetRevised', { objectiveId: id(11), target: 90 }, { actor: GRACE, reason: 'Budget cut', commandId: 'cmd-1' }),
  recorded(`plan-${id(12)}`, 1, 'BusinessPlanSubmitted', { planId: id(12) }),
  recorded(`activity-${id(23)}`, 1, 'ActivityRescheduled', { activityId: id(23) }, { actor: GRACE }),
  recorded(`work-${id(14)}`, 1, 'WorkCorrected', { workEntryId: id(14) }, { reason: 'Typo' }),
  recorded(`pmo-${P1}`, 1, 'MandateIssued', { pmoId: P1, version: 1 }),
  recorded(`pmo-${P2}`, 1, 'PmoRenamed', { pmoId: P2, name: 'Somewhere' }, { actor: GRACE }),
];

const positions = (rows: readonly AuditRow[]) => rows.map((row) => Number(row.position));

describe('AuditLogProjection and AuditLogReader', () => {
  let db: ReadModelDb;
  let projection: AuditLogProjection;
  let reader: AuditLogReader;

  /** Applies events the way the projector does: in one transaction. */
  const batch = (events: readonly RecordedEvent[]) =>
    db.transaction(() => events.forEach((event) => projection.apply(event, db.connection)));
  const pmoOf = (streamId: string) =>
    (db.connection.prepare('SELECT DISTINCT pmo_id FROM audit_log WHERE stream_id = ?').all(streamId) as { pmo_id: string | null }[]).map(
      (row) => row.pmo_id,
    );

  beforeEach(() => {
    position = 0n;
    db = ReadModelDb.open(':memory:');
    projection = new AuditLogProjection();
    db.ensureSchema([projection]);
    reader = new AuditLogReader(db);
  });

  afterEach(() => db.close());

  describe('attributes every event to the PMO its stream belongs to', () => {
    beforeEach(() => {
      const events = twoPmos();
      // Later events arrive in another batch, so the owner must come from the table, not memory.
      batch(events.slice(0, 10));
      batch(events.slice(10));
    });

    it.each([
      ['its own PMO stream', `pmo-${P1}`, P1],
      ['an objective', `objective-${id(11)}`, P1],
      ['a business plan', `plan-${id(12)}`, P1],
      ['an activity', `activity-${id(23)}`, P2],
      ['a work entry', `work-${id(14)}`, P1],
    ])('%s, first and later events alike', (_label, streamId, pmoId) => {
      expect(pmoOf(streamId)).toEqual([pmoId]);
      expect(reader.page({}, null, 100).filter((row) => row.streamId === streamId).length).toBe(2);
    });

    it('names the streams it attributes to each PMO, and none for a PMO it never saw', () => {
      expect(reader.streamsOf(P1).sort()).toEqual([`activity-${id(13)}`, `objective-${id(11)}`, `plan-${id(12)}`, `pmo-${P1}`, `work-${id(14)}`]);
      expect(reader.streamsOf(P2).sort()).toEqual([`activity-${id(23)}`, `objective-${id(21)}`, `plan-${id(22)}`, `pmo-${P2}`, `work-${id(24)}`]);
      expect(reader.streamsOf(id(99))).toEqual([]);
      expect(reader.unattributedStreams()).toEqual([]);
      expect(reader.lastPosition()).toBe(16n);
    });

    it('a PMO stream belongs to itself even where its events name no pmoId', () => {
      const P3 = id(3);
      batch([recorded(`pmo-${P3}`, 0, 'PmoEstablished', { name: 'No id inside' })]);

      expect(pmoOf(`pmo-${P3}`)).toEqual([P3]);
    });

    it('leaves a stream whose first event names no PMO unattributed', () => {
      batch([
        recorded(`ledger-${id(90)}`, 0, 'LedgerOpened', { owner: 'nobody' }),
        recorded(`ledger-${id(90)}`, 1, 'LedgerClosed', { pmoId: P1 }),
      ]);

      expect(pmoOf(`ledger-${id(90)}`)).toEqual([null]);
      expect(reader.unattributedStreams()).toEqual([`ledger-${id(90)}`]);
      expect(reader.page({ pmoId: P1 }, null, 100).some((row) => row.streamId.startsWith('ledger-'))).toBe(false);
    });

    it("keeps a person's day in the unfiltered log only, and does not take it for a stream that lost its PMO", () => {
      const workday = `workday-${id(91)}`;
      batch([
        recorded(workday, 0, 'WorkdayHoursCounted', { workEntryId: id(14), person: 'ada@pmo.example', day: '2026-03-12', hours: 6 }),
        recorded(workday, 1, 'WorkdayHoursReleased', { workEntryId: id(14) }),
      ]);

      expect(pmoOf(workday)).toEqual([null]);
      expect(reader.page({}, null, 100).filter((row) => row.streamId === workday)).toHaveLength(2);
      expect(reader.unattributedStreams()).toEqual([]);
      expect(reader.page({ pmoId: P1 }, null, 100).some((row) => row.streamId === workday)).toBe(false);
    });
  });

  it('knows no last position before the first event', () => {
    expect(reader.lastPosition()).toBeNull();
  });

  it('keeps what happened, who did it, when and why', () => {
    batch(twoPmos());

    const [revised] = reader.page({ types: ['ObjectiveTargetRevised'] }, null, 10);

    expect(revised).toEqual({
      position: 11n,
      streamId: `objective-${id(11)}`,
      revision: 1,
      type: 'ObjectiveTargetRevised',
      pmoId: P1,
      actor: GRACE,
      recordedAt: at(11),
      reason: 'Budget cut',
      commandId: 'cmd-1',
      correlationId: 'corr-11',
      data: { objectiveId: id(11), target: 90 },
      hash: 'hash-11',
    });
  });

  it('refuses an event applied twice rather than listing it twice', () => {
    const events = twoPmos();
    batch(events.slice(0, 3));

    expect(() => batch([events[2] as RecordedEvent])).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(positions(reader.page({}, null, 100))).toEqual([1, 2, 3]);
  });

  describe('filters', () => {
    beforeEach(() => batch(twoPmos()));

    it('without a filter, lists every event in position order', () => {
      expect(positions(reader.page({}, null, 100))).toEqual([...Array(16).keys()].map((i) => i + 1));
    });

    it("by PMO: the PMO's own stream and those of its objectives, plans, activities and work entries", () => {
      expect(positions(reader.page({ pmoId: P1 }, null, 100))).toEqual([1, 3, 5, 7, 9, 11, 12, 14, 15]);
      expect(positions(reader.page({ pmoId: P2 }, null, 100))).toEqual([2, 4, 6, 8, 10, 13, 16]);
      expect(reader.page({ pmoId: id(99) }, null, 100)).toEqual([]);
    });

    it('by actor', () => {
      expect(positions(reader.page({ actor: GRACE }, null, 100))).toEqual([2, 4, 6, 8, 10, 11, 13, 16]);
      expect(positions(reader.page({ actor: ADA }, null, 100))).toEqual([1, 3, 5, 7, 9, 12, 14, 15]);
    });

    it('by event types, any of those given; an empty list matches nothing', () => {
      expect(positions(reader.page({ types: ['PmoEstablished', 'WorkLogged'] }, null, 100))).toEqual([1, 2, 9, 10]);
      expect(positions(reader.page({ types: ['NoSuchEvent'] }, null, 100))).toEqual([]);
      expect(reader.page({ types: [] }, null, 100)).toEqual([]);
    });

    it('by recorded time, both ends inclusive, from either end alone', () => {
      expect(positions(reader.page({ from: at(5), to: at(8) }, null, 100))).toEqual([5, 6, 7, 8]);
      expect(positions(reader.page({ from: at(14) }, null, 100))).toEqual([14, 15, 16]);
      expect(positions(reader.page({ to: at(2) }, null, 100))).toEqual([1, 2]);
    });

    it('compares instants given with an offset as the UTC instants they are', () => {
      // 10:00:05+01:00 is 09:00:05Z.
      expect(positions(reader.page({ from: '2026-03-01T10:00:05+01:00', to: '2026-03-01T10:00:06+01:00' }, null, 100))).toEqual([5, 6]);
      expect(() => reader.page({ from: 'yesterday' }, null, 100)).toThrow(RangeError);
    });

    it('combined, every filter must hold', () => {
      expect(positions(reader.page({ pmoId: P1, actor: GRACE }, null, 100))).toEqual([11]);
      expect(positions(reader.page({ pmoId: P2, types: ['BusinessPlanDrafted', 'ActivityRescheduled', 'WorkLogged'] }, null, 100))).toEqual([
        6, 10, 13,
      ]);
      expect(positions(reader.page({ pmoId: P1, actor: ADA, from: at(4), to: at(14), types: ['BusinessPlanSubmitted', 'WorkCorrected', 'PmoEstablished'] }, null, 100))).toEqual([
        12, 14,
      ]);
    });
  });

  describe('pages', () => {
    it('continue strictly after the position given, a filter holding across pages', () => {
      batch(twoPmos());

      const first = reader.page({ pmoId: P1 }, null, 4);
      const second = reader.page({ pmoId: P1 }, first[first.length - 1]?.position ?? null, 4);
      const third = reader.page({ pmoId: P1 }, second[second.length - 1]?.position ?? null, 4);

      expect([positions(first), positions(second), positions(third)]).toEqual([[1, 3, 5, 7], [9, 11, 12, 14], [15]]);
      expect(reader.page({ pmoId: P1 }, 15n, 4)).toEqual([]);
    });

    it('refuses a limit that is not a positive integer', () => {
      expect(() => reader.page({}, null, 0)).toThrow(RangeError);
      expect(() => reader.page({}, null, 1.5)).toThrow(RangeError);
    });

    it('never move while new events arrive through the projector', async () => {
      const store = new ArrayEventStore();
      const fed = ReadModelDb.open(':memory:');
      const projector = new Projector(store, fed, [new AuditLogProjection()], { batchSize: 3, onError: () => undefined });
      const log = new AuditLogReader(fed);
      const pmoEvents = (pmoId: string, count: number) =>
        Array.from({ length: count }, (_, i) => ({
          type: i === 0 ? 'PmoEstablished' : 'PmoRenamed',
          data: { pmoId, name: `name ${i}` },
          metadata: { actor: ADA, correlationId: 'spec' },
        }));
      try {
        await store.append(`pmo-${P1}`, pmoEvents(P1, 3));
        await store.append(`objective-${id(11)}`, [
          { type: 'ObjectiveDefined', data: { objectiveId: id(11), pmoId: P1 }, metadata: { actor: GRACE, correlationId: 'spec' } },
        ]);
        await projector.start();

        const collected: AuditRow[] = [];
        let after: bigint | null = null;
        const next = () => {
          const rows = log.page({ pmoId: P1 }, after, 2);
          collected.push(...rows);
          after = rows[rows.length - 1]?.position ?? after;
          return positions(rows);
        };

        expect(next()).toEqual([1, 2]);
        // Events of another PMO and of this one arrive between two pages.
        await store.append(`pmo-${P2}`, pmoEvents(P2, 2));
        await store.append(`objective-${id(11)}`, [
          { type: 'ObjectiveTargetRevised', data: { objectiveId: id(11), target: 5 }, metadata: { actor: GRACE, correlationId: 'spec' } },
        ]);
        await projector.waitFor(7n);
        expect(next()).toEqual([3, 4]);
        await store.append(`pmo-${P1}`, pmoEvents(P1, 1).map((event) => ({ ...event, type: 'MandateIssued' })));
        await projector.waitFor(8n);
        expect(next()).toEqual([7, 8]);
        expect(next()).toEqual([]);

        expect(positions(collected)).toEqual([1, 2, 3, 4, 7, 8]);
        expect(collected.map((row) => row.type)).toEqual([
          'PmoEstablished', 'PmoRenamed', 'PmoRenamed', 'ObjectiveDefined', 'ObjectiveTargetRevised', 'MandateIssued',
        ]);
      } finally {
        await projector.stop();
        fed.close();
      }
    });
  });
});
