import type { ThroughlineEvent, TouchpointVehicle } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { ReadModelDb } from '../read-model-db';
import { NetworkFactsProjection } from './network-facts.projection';
import { NetworkFactsReader } from './network-facts.reader';

const PMO = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const OTHER_PMO = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a11';
const ADA = 'c0000000-0000-4000-8000-000000000001';
const BOB = 'c0000000-0000-4000-8000-000000000002';
const ON = '2026-03-31';

let position = 0n;
const recorded = (event: ThroughlineEvent): RecordedEvent => ({
  id: `event-${++position}`,
  streamId: `x-${position}`,
  revision: 0,
  position,
  type: event.type,
  schemaVersion: 1,
  data: { ...(event.data as unknown as Record<string, unknown>) },
  metadata: { actor: 'ada@pmo.example', correlationId: 'spec', recordedAt: `2026-04-01T09:00:${String(position).padStart(2, '0')}.000Z` },
  hash: '',
  prevHash: '',
});

const touchpoint = (heldOn: string, vehicle: TouchpointVehicle, contactIds: string[], pmoId = PMO): ThroughlineEvent => ({
  type: 'TouchpointRecorded',
  data: { touchpointId: `70000000-0000-4000-8000-${String(position + 1n).padStart(12, '0')}`, pmoId, heldOn, vehicle, contactIds, groupIds: [], summary: 's', value: null, workEntryId: null },
});

describe('network facts reader, as known now', () => {
  let db: ReadModelDb;
  let reader: NetworkFactsReader;
  let apply: (event: ThroughlineEvent) => void;
  /** The window's touchpoints as day, vehicle and who took part, in an order of their own. */
  const window = (on: string) =>
    reader
      .healthFacts(PMO, on, null)
      .recentTouchpoints.map((t) => `${t.heldOn} ${t.vehicle} ${t.contactIds.join('+')}`)
      .sort();

  beforeEach(() => {
    position = 0n;
    db = ReadModelDb.open(':memory:');
    const projection = new NetworkFactsProjection();
    db.ensureSchema([projection]);
    reader = new NetworkFactsReader(db);
    apply = (event) => db.transaction(() => projection.apply(recorded(event), db.connection));
    for (const contactId of [ADA, BOB]) {
      apply({
        type: 'ContactAdded',
        data: { contactId, pmoId: PMO, name: 'n', organisation: null, role: null, source: 'STAKEHOLDER', relationship: 'INTERNAL', knownSince: '2025-06-01', groupIds: [] },
      });
    }
  });

  afterEach(() => db.close());

  it('given a window asked about, when touchpoints are added to its days, to new days or to another PMO, then the next answer has exactly the new ones of its own', () => {
    apply(touchpoint('2026-03-02', 'ONE_TO_ONE', [ADA]));
    apply(touchpoint('2026-03-30', 'WORKSHOP', [ADA, BOB]));
    expect(window(ON)).toEqual([`2026-03-02 ONE_TO_ONE ${ADA}`, `2026-03-30 WORKSHOP ${ADA}+${BOB}`]);

    // A day already read gets one more (recorded late), a day without any gets its first; another PMO's changes nothing.
    apply(touchpoint('2026-03-02', 'REPORT', [BOB]));
    apply(touchpoint('2026-03-15', 'EVENT', [BOB]));
    apply(touchpoint('2026-03-15', 'EVENT', [ADA], OTHER_PMO));
    expect(window(ON)).toEqual([`2026-03-02 ONE_TO_ONE ${ADA}`, `2026-03-02 REPORT ${BOB}`, `2026-03-15 EVENT ${BOB}`, `2026-03-30 WORKSHOP ${ADA}+${BOB}`]);
  });

  it('given windows asked about on other days, then each has only its own 90 days, and as known at an instant only what was recorded by then', () => {
    apply(touchpoint('2025-12-31', 'ONE_TO_ONE', [ADA]));
    apply(touchpoint('2026-01-01', 'REPORT', [BOB]));
    const before = `2026-04-01T09:00:${String(position).padStart(2, '0')}.000Z`;
    apply(touchpoint('2026-03-31', 'WORKSHOP', [ADA]));

    expect(window(ON)).toEqual([`2026-01-01 REPORT ${BOB}`, `2026-03-31 WORKSHOP ${ADA}`]);
    expect(window('2026-03-30')).toEqual([`2025-12-31 ONE_TO_ONE ${ADA}`, `2026-01-01 REPORT ${BOB}`]);
    expect(window(ON)).toEqual([`2026-01-01 REPORT ${BOB}`, `2026-03-31 WORKSHOP ${ADA}`]);
    expect(reader.healthFacts(PMO, ON, before).recentTouchpoints.map((t) => t.heldOn)).toEqual(['2026-01-01']);
  });
});
