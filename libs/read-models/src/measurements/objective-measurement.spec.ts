import type { ObjectiveEvent } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { ReadModelDb } from '../read-model-db';
import { ObjectiveMeasurementProjection } from './objective-measurement.projection';
import { ObjectiveMeasurementReader } from './objective-measurement.reader';

const A = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6c03';
const B = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6c04';
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

let position = 0n;
const recorded = (objectiveId: string, revision: number, event: ObjectiveEvent, storedAt: string): RecordedEvent => ({
  id: `event-${++position}`,
  streamId: `objective-${objectiveId}`,
  revision,
  position,
  type: event.type,
  schemaVersion: 1,
  data: { ...event.data },
  metadata: { actor: 'ada@pmo.example', correlationId: 'spec', recordedAt: storedAt },
  hash: '',
  prevHash: '',
});

const progress = (objectiveId: string, value: number, measuredOn: string, recordedAt: string): ObjectiveEvent => ({
  type: 'ProgressRecorded',
  data: { objectiveId, value, measuredOn, note: value > 50 ? 'gate review' : null, recordedAt, recordedBy: 'lin@pmo.example' },
});

const retitled: ObjectiveEvent = {
  type: 'ObjectiveRetitled',
  data: { objectiveId: A, title: 'New', previousTitle: 'Old', reason: 'Clearer', revisedAt: at(2), revisedBy: 'ada@pmo.example' },
};

describe('objective measurements read model', () => {
  let db: ReadModelDb;
  let reader: ObjectiveMeasurementReader;

  beforeEach(() => {
    position = 0n;
    db = ReadModelDb.open(':memory:');
    const projection = new ObjectiveMeasurementProjection();
    db.ensureSchema([projection]);
    db.transaction(() => {
      for (const event of [
        recorded(A, 1, progress(A, 40, '2026-02-20', at(1)), at(1)),
        recorded(A, 2, retitled, at(2)),
        recorded(B, 1, progress(B, 10, '2026-02-01', at(3)), at(3)),
        // Backdated: recorded later, about an earlier day; the list keeps the order recorded.
        recorded(A, 3, progress(A, 55, '2026-01-15', at(4)), at(4)),
        recorded(A, 4, progress(A, 60, '2026-02-28', at(5)), at(5)),
      ]) {
        projection.apply(event, db.connection);
      }
    });
    reader = new ObjectiveMeasurementReader(db);
  });

  afterEach(() => db.close());

  it('given measurements of two objectives and other events, when listed, then each objective has its own in the order recorded', () => {
    expect(reader.list(A)).toEqual([
      { value: 40, measuredOn: '2026-02-20', note: null, recordedAt: at(1), recordedBy: 'lin@pmo.example' },
      { value: 55, measuredOn: '2026-01-15', note: 'gate review', recordedAt: at(4), recordedBy: 'lin@pmo.example' },
      { value: 60, measuredOn: '2026-02-28', note: 'gate review', recordedAt: at(5), recordedBy: 'lin@pmo.example' },
    ]);
    expect(reader.list(B).map((m) => m.value)).toEqual([10]);
  });

  it('given an instant, when listed as of it, then only measurements recorded at or before it appear', () => {
    expect(reader.list(A, at(4)).map((m) => m.value)).toEqual([40, 55]);
    expect(reader.list(A, at(0))).toEqual([]);
  });

  it('given many objectives, when listed at once, then the answer lines up with the ids asked, repeats and unknown ones included', () => {
    const unknown = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6cff';
    expect(reader.listMany([B, unknown, A, B]).map((list) => list.map((m) => m.value))).toEqual([[10], [], [40, 55, 60], [10]]);
    expect(reader.listMany([])).toEqual([]);
  });

  it('given measurements about several days, when asked for a day, then each objective stands at its latest measured by then, as known at the instant', () => {
    const unknown = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6cff';

    // A on 25 Feb: 40 (20 Feb) beats 55 (15 Jan, recorded later); B was measured on 1 Feb.
    expect(reader.currentOn([A, B, unknown], '2026-02-25')).toEqual(new Map([[A, { measuredOn: '2026-02-20', value: 40 }], [B, { measuredOn: '2026-02-01', value: 10 }]]));
    // On 31 January only the backdated 55 was measured; known at minute 3, nothing was.
    expect(reader.currentOn([A, B], '2026-01-31').get(A)?.value).toBe(55);
    expect(reader.currentOn([A], '2026-01-31', at(3)).has(A)).toBe(false);
    expect(reader.currentOn([A], '2026-02-28', at(4)).get(A)?.value).toBe(40);
  });

  it('given two measurements about the same day, when asked for that day, then the later recorded wins', () => {
    db.transaction(() => new ObjectiveMeasurementProjection().apply(recorded(B, 2, progress(B, 12, '2026-02-01', at(6)), at(6)), db.connection));

    expect(reader.currentOn([B], '2026-02-01').get(B)?.value).toBe(12);
    expect(reader.currentOn([B], '2026-02-01', at(5)).get(B)?.value).toBe(10);
  });
});
