import { ArrayEventStore, incremented, opened } from './array-event-store.fixture';
import { counterKind } from './counter.fixture';
import { EntityStateProjection } from './entity-state.projection';
import { Projector } from './projector';
import { ReadModelDb } from './read-model-db';

const A = 'counter-0b7c6f0e-0000-4000-8000-00000000000a';

describe('what the projector tells its listeners', () => {
  let store: ArrayEventStore;
  let db: ReadModelDb;
  let errors: Error[];
  let projector: Projector;

  /** The count the read model holds for stream A, read the moment a listener is called. */
  const countNow = (): number | null => {
    const row = db.connection.prepare('SELECT state FROM entity_state WHERE stream_id = ?').pluck().get(A) as string | undefined;
    return row === undefined ? null : (JSON.parse(row) as { count: number }).count;
  };

  beforeEach(() => {
    store = new ArrayEventStore();
    db = ReadModelDb.open(':memory:');
    errors = [];
    projector = new Projector(store, db, [new EntityStateProjection([counterKind])], { batchSize: 2, onError: (error) => errors.push(error) });
  });

  afterEach(async () => {
    await projector.stop();
    db.close();
  });

  it('hands over each committed batch in order, once the read models and the position hold it', async () => {
    await store.append(A, [opened('pmo-1'), incremented(2), incremented(3)]);
    const seen: { positions: bigint[]; checkpoint: bigint | null; count: number | null }[] = [];
    projector.onApplied((events) => seen.push({ positions: events.map((e) => e.position), checkpoint: projector.position, count: countNow() }));

    await projector.catchUp();

    expect(seen).toEqual([
      { positions: [1n, 2n], checkpoint: 2n, count: 2 },
      { positions: [3n], checkpoint: 3n, count: 5 },
    ]);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const seen: bigint[] = [];
    const stop = projector.onApplied((events) => seen.push(...events.map((e) => e.position)));
    await store.append(A, [opened('pmo-1')]);
    await projector.catchUp();

    stop();
    await store.append(A, [incremented(1)]);
    await projector.catchUp();

    expect(seen).toEqual([1n]);
    expect(projector.position).toBe(2n);
  });

  it('reports a listener that throws and carries on applying, the other listeners told all the same', async () => {
    const seen: bigint[] = [];
    projector.onApplied(() => {
      throw new Error('listener broke');
    });
    projector.onApplied((events) => seen.push(...events.map((e) => e.position)));
    await store.append(A, [opened('pmo-1'), incremented(2), incremented(3)]);

    await projector.catchUp();

    expect(seen).toEqual([1n, 2n, 3n]);
    expect(projector.position).toBe(3n);
    expect(errors.map((e) => e.message)).toEqual(['listener broke', 'listener broke']);
  });
});
