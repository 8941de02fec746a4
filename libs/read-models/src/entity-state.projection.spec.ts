import type { RecordedEvent } from '@throughline/event-store';
import { foldView } from '@throughline/domain';
import { type CounterEvent, type CounterState, counterKind, counterView, recordedCounterEvent } from './counter.fixture';
import { EntityStateProjection, entityKind } from './entity-state.projection';
import { EntityStateReader } from './entity-state.reader';
import { ReadModelDb } from './read-model-db';

const A = '0b7c6f0e-0000-4000-8000-00000000000a';
const B = '0b7c6f0e-0000-4000-8000-00000000000b';
const C = '0b7c6f0e-0000-4000-8000-00000000000c';

let position = 0n;
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, second)).toISOString();

const recorded = (streamId: string, revision: number, event: CounterEvent, recordedAt: string, actor?: string): RecordedEvent =>
  recordedCounterEvent(streamId, revision, event, ++position, recordedAt, actor);

const open = (pmoId: string, parentId: string | null = null): CounterEvent => ({
  type: 'CounterOpened',
  data: { pmoId, parentId },
});
const increment = (by: number): CounterEvent => ({ type: 'CounterIncremented', data: { by } });
const close = (): CounterEvent => ({ type: 'CounterClosed', data: {} });

describe('EntityStateProjection', () => {
  let db: ReadModelDb;
  let projection: EntityStateProjection;
  let reader: EntityStateReader;

  /** Applies events the way the projector does: one transaction ending in flush, then endBatch either way. */
  const batch = (events: readonly RecordedEvent[]) => {
    try {
      db.transaction(() => {
        events.forEach((event) => projection.apply(event, db.connection));
        projection.flush(db.connection);
      });
    } finally {
      projection.endBatch();
    }
  };

  const row = (streamId: string) => db.connection.prepare('SELECT * FROM entity_state WHERE stream_id = ?').get(streamId);

  beforeEach(() => {
    position = 0n;
    db = ReadModelDb.open(':memory:');
    projection = new EntityStateProjection([counterKind]);
    db.ensureSchema([projection]);
    reader = new EntityStateReader(db);
  });

  afterEach(() => db.close());

  it('folds each stream into one row with its index columns and timestamps', () => {
    batch([
      recorded(`counter-${A}`, 0, open('pmo-1'), at(1)),
      recorded(`counter-${A}`, 1, increment(2), at(2)),
      recorded(`counter-${B}`, 0, open('pmo-2', A), at(3)),
      recorded(`counter-${A}`, 2, increment(5), at(4)),
    ]);

    expect(row(`counter-${A}`)).toEqual({
      stream_id: `counter-${A}`,
      category: 'counter',
      entity_id: A,
      revision: 2,
      state: JSON.stringify({ status: 'OPEN', pmoId: 'pmo-1', parentId: null, count: 7, lastChangedBy: 'ada@pmo.example' }),
      created_at: at(1),
      updated_at: at(4),
      pmo_id: 'pmo-1',
      parent_id: null,
      status: 'OPEN',
    });
    expect(row(`counter-${B}`)).toMatchObject({ entity_id: B, revision: 0, pmo_id: 'pmo-2', parent_id: A });
  });

  it('continues from the stored state in a later batch, and updates the index columns', () => {
    batch([recorded(`counter-${A}`, 0, open('pmo-1'), at(1)), recorded(`counter-${A}`, 1, increment(3), at(2))]);
    batch([recorded(`counter-${A}`, 2, increment(4), at(3)), recorded(`counter-${A}`, 3, close(), at(4))]);

    expect(reader.get<CounterState>('counter', A)).toEqual({
      entityId: A,
      view: { status: 'CLOSED', pmoId: 'pmo-1', parentId: null, count: 7, lastChangedBy: 'ada@pmo.example' },
      revision: 3,
      createdAt: at(1),
      updatedAt: at(4),
    });
    expect(row(`counter-${A}`)).toMatchObject({ status: 'CLOSED' });
  });

  it('given views read before, when a later batch changes one, then reads answer it as stored now and the earlier answer stays as it was', () => {
    batch([recorded(`counter-${A}`, 0, open('pmo-1'), at(1)), recorded(`counter-${B}`, 0, open('pmo-1'), at(2))]);
    const before = reader.get<CounterState>('counter', A);
    const unchanged = reader.getMany<CounterState>('counter', [B])[0];

    batch([recorded(`counter-${A}`, 1, increment(4), at(3))]);

    expect(reader.get<CounterState>('counter', A)?.view).toMatchObject({ count: 4 });
    expect(reader.getMany<CounterState>('counter', [A, B]).map((record) => record?.view)).toEqual([
      expect.objectContaining({ count: 4 }),
      expect.objectContaining({ count: 0 }),
    ]);
    expect(before?.view).toMatchObject({ count: 0 });
    // A row no batch touched answers the record read before: one parse, shared and read-only.
    expect(reader.getMany<CounterState>('counter', [B, A])[0]).toBe(unchanged);
    expect(Object.isFrozen(unchanged?.view)).toBe(true);
  });

  it('given a batch as large as a page of a list, when it is read twice, then each read parses its own records', () => {
    const ids = Array.from({ length: 65 }, (_, i) => `0b7c6f0e-0000-4000-8000-${String(i).padStart(12, '0')}`);
    batch(ids.map((id, i) => recorded(`counter-${id}`, 0, open('pmo-1'), at(i))));

    const [first, again] = [reader.getMany<CounterState>('counter', ids), reader.getMany<CounterState>('counter', ids)];
    const [few, fewAgain] = [reader.getMany<CounterState>('counter', ids.slice(0, 2)), reader.getMany<CounterState>('counter', ids.slice(0, 2))];

    expect(again[0]).toEqual(first[0]);
    expect(again[0]).not.toBe(first[0]);
    expect(fewAgain[0]).toBe(few[0]);
  });

  it('forgets states of a rolled-back batch', () => {
    const first = recorded(`counter-${A}`, 0, open('pmo-1'), at(1));
    expect(() =>
      batch([
        first,
        recorded(`counter-${A}`, 1, increment(3), at(2)),
        recorded(`counter-${A}`, 7, increment(1), at(3)),
      ]),
    ).toThrow(/expected revision 2, got 7/);
    expect(row(`counter-${A}`)).toBeUndefined();

    // A cache surviving the rollback would expect revision 2 here and count the 3 twice.
    batch([first, recorded(`counter-${A}`, 1, increment(3), at(2))]);
    expect(reader.get<CounterState>('counter', A)?.view).toMatchObject({ count: 3 });
  });

  it('refuses an event that repeats or skips a revision', () => {
    batch([recorded(`counter-${A}`, 0, open('pmo-1'), at(1))]);
    expect(() => batch([recorded(`counter-${A}`, 0, open('pmo-1'), at(2))])).toThrow(/expected revision 1, got 0/);
    expect(() => batch([recorded(`counter-${B}`, 1, increment(1), at(3))])).toThrow(/expected revision 0, got 1/);
  });

  it('ignores streams of other categories and matches the longest category', () => {
    const groups = new EntityStateProjection([
      counterKind,
      entityKind({
        category: 'counter-group',
        view: { initialState: { events: 0 }, evolve: (state: { events: number }) => ({ events: state.events + 1 }) },
        index: () => ({ status: 'GROUPED' }),
      }),
    ]);
    db.ensureSchema([groups]);
    db.transaction(() => {
      groups.apply(recorded(`counter-group-${A}`, 0, open('pmo-1'), at(1)), db.connection);
      groups.apply(recorded(`ledger-${B}`, 0, open('pmo-1'), at(2)), db.connection);
      groups.flush(db.connection);
    });

    expect(db.connection.prepare('SELECT category, entity_id, status FROM entity_state').all()).toEqual([
      { category: 'counter-group', entity_id: A, status: 'GROUPED' },
    ]);
  });

  it('refuses a category configured twice', () => {
    expect(() => new EntityStateProjection([counterKind, counterKind])).toThrow(/counter is configured twice/);
  });

  it('changes its fingerprint when a kind is added or its version bumped', () => {
    const bumped = new EntityStateProjection([{ ...counterKind, version: 2 }]);
    const more = new EntityStateProjection([counterKind, { ...counterKind, category: 'tally' }]);
    expect(new Set([projection.fingerprint, bumped.fingerprint, more.fingerprint]).size).toBe(3);
    expect(new EntityStateProjection([counterKind]).fingerprint).toBe(projection.fingerprint);
  });

  describe('EntityStateReader', () => {
    beforeEach(() => {
      batch([
        recorded(`counter-${A}`, 0, open('pmo-1'), at(1)),
        recorded(`counter-${B}`, 0, open('pmo-1', A), at(2)),
        recorded(`counter-${C}`, 0, open('pmo-2'), at(3)),
        recorded(`counter-${C}`, 1, close(), at(4)),
      ]);
    });

    it('gets one entity, or null', () => {
      expect(reader.get<CounterState>('counter', B)).toMatchObject({ entityId: B, revision: 0, view: { parentId: A } });
      expect(reader.get('counter', '0b7c6f0e-0000-4000-8000-0000000000ff')).toBeNull();
      expect(reader.get('tally', A)).toBeNull();
    });

    it('lists by category and filters, oldest first; null filters for a missing value', () => {
      const ids = (records: { entityId: string }[]) => records.map((r) => r.entityId);
      expect(ids(reader.list('counter'))).toEqual([A, B, C]);
      expect(ids(reader.list('counter', { pmoId: 'pmo-1' }))).toEqual([A, B]);
      expect(ids(reader.list('counter', { pmoId: 'pmo-1', parentId: null }))).toEqual([A]);
      expect(ids(reader.list('counter', { parentId: A }))).toEqual([B]);
      expect(ids(reader.list('counter', { status: 'CLOSED' }))).toEqual([C]);
      expect(ids(reader.list('counter', { pmoId: 'pmo-2', status: 'OPEN' }))).toEqual([]);
      expect(reader.list('tally')).toEqual([]);
    });

    it('gets many in the order asked, with null for the missing ones', () => {
      const missing = '0b7c6f0e-0000-4000-8000-0000000000ff';
      const records = reader.getMany<CounterState>('counter', [C, missing, A, C]);
      expect(records.map((r) => r?.entityId ?? null)).toEqual([C, null, A, C]);
      expect(records[0]?.view).toEqual({ status: 'CLOSED', pmoId: 'pmo-2', parentId: null, count: 0, lastChangedBy: 'ada@pmo.example' });
      expect(reader.getMany('counter', [])).toEqual([]);
    });
  });

  it('folds with the view it was given, passing the recorded facts of each event', () => {
    const events = [open('pmo-1'), increment(2), increment(3)];
    const actor = (revision: number) => (revision === 2 ? 'lin@pmo.example' : 'ada@pmo.example');
    batch(events.map((event, revision) => recorded(`counter-${A}`, revision, event, at(revision), actor(revision))));
    const expected = foldView(counterView, events, (revision) => ({ revision, recordedAt: at(revision), actor: actor(revision) }));
    expect(reader.get('counter', A)?.view).toEqual(expected);
    expect(expected).toMatchObject({ count: 5, lastChangedBy: 'lin@pmo.example' });
  });
});
