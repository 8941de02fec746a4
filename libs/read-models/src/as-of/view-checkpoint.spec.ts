import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DomainEvent } from '@throughline/domain';
import { MemoryEventStore, type EventStore } from '@throughline/event-store';
import { EntityStateProjection, entityKind, type EntityKind } from '../entity-state.projection';
import { Projector } from '../projector';
import { ReadModelDb } from '../read-model-db';
import { AsOfFolds } from './as-of-folds';
import { ViewCheckpointProjection } from './view-checkpoint.projection';
import { ViewCheckpointReader } from './view-checkpoint.reader';
import { countingReads } from './counting-reads.fixture';

/** A view that lists every event it saw, so a missing, repeated or extra event shows in the answer. */
interface Tally {
  readonly status: string;
  readonly seen: readonly number[];
}
type Counted = DomainEvent<'Counted', { readonly n: number }>;
const tally = { initialState: { status: 'NONE', seen: [] } as Tally, evolve: (view: Tally, event: Counted): Tally => ({ status: 'ACTIVE', seen: [...view.seen, event.data.n] }) };
const COUNTER = entityKind<Tally, Counted>({ category: 'counter', view: tally, index: () => ({}) });
/** Folded into entity_state too, but not checkpointed (as a kind whose events hold personal data). */
const PRIVATE = entityKind<Tally, Counted>({ category: 'private', view: { ...tally }, index: () => ({}) });
const KINDS: readonly EntityKind[] = [COUNTER, PRIVATE];

const START = Date.UTC(2026, 2, 1, 9, 0, 0);

/** Appends that share their instant within one append, a clock the spec moves, and reads counted. */
function recordedStore() {
  let now = START;
  const store = new MemoryEventStore({ clock: () => new Date(now) });
  const { counting, eventsRead, resetReads } = countingReads(store);
  const append = async (streamId: string, count: number) => {
    const from = (await store.streamRevision(streamId)) + 1;
    const events = Array.from({ length: count }, (_, i) => ({ type: 'Counted', data: { n: from + i }, metadata: { actor: 'a', correlationId: 'c' } }));
    await store.append(streamId, events, 'any');
  };
  return { store, counting, append, wait: (ms: number) => (now += ms), eventsRead, resetReads };
}

const iso = (ms: number) => new Date(ms).toISOString();
let files = 0;

/** Every instant worth asking about: before the first event, at each recorded instant, just before and after it. */
const instantsOf = async (store: EventStore, streamId: string): Promise<string[]> => {
  const recorded = [...new Set((await store.readStream(streamId)).map((e) => Date.parse(e.metadata.recordedAt)))];
  return [iso(START - 1), ...recorded.flatMap((ms) => [iso(ms - 1), iso(ms), iso(ms + 1)]), iso(START + 10 ** 9)];
};

function projected(file: string, store: EventStore, interval: number, batchSize: number) {
  const db = ReadModelDb.open(file);
  const checkpoints = new ViewCheckpointProjection([COUNTER], { interval });
  const projector = new Projector(store, db, [new EntityStateProjection(KINDS, checkpoints), checkpoints], { batchSize });
  return { db, projector, reader: () => new ViewCheckpointReader(db, KINDS, [COUNTER]) };
}

describe('view checkpoints', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-checkpoints-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('given random appends cut into random batches, when folded from checkpoints as of any instant, then the answer equals folding the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ count: fc.integer({ min: 1, max: 6 }), waitMs: fc.constantFrom(0, 1, 1000, 60_000) }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        async (appends, interval, batchSize) => {
          const { store, append, wait } = recordedStore();
          for (const { count, waitMs } of appends) {
            await append('counter-1', count);
            await append('private-1', 1);
            wait(waitMs);
          }
          const file = path.join(dir, `read-models-${(files += 1)}.sqlite`);
          const { db, projector, reader } = projected(file, store, interval, batchSize);
          await projector.start();
          try {
            const checkpointed = new AsOfFolds(store, { checkpoints: reader() });
            const plain = new AsOfFolds(store, { maxCheckpoints: 0 });
            for (const streamId of ['counter-1', 'private-1']) {
              const view = streamId.startsWith('counter') ? COUNTER.view : PRIVATE.view;
              for (const instant of await instantsOf(store, streamId)) {
                expect(await checkpointed.fold(streamId, view, instant)).toEqual(await plain.fold(streamId, view, instant));
              }
            }
            const rows = db.connection.prepare('SELECT stream_id, revision FROM view_checkpoint ORDER BY revision').all() as { stream_id: string; revision: number }[];
            const events = appends.reduce((sum, a) => sum + a.count, 0);
            expect(rows).toEqual(Array.from({ length: Math.floor(events / interval) }, (_, i) => ({ stream_id: 'counter-1', revision: (i + 1) * interval - 1 })));
          } finally {
            await projector.stop();
            db.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('given checkpoints written before a restart, when a new process folds a long stream as of an instant, then it reads fewer events than one interval', async () => {
    const { store, counting, append, wait, eventsRead, resetReads } = recordedStore();
    for (let i = 0; i < 50; i++) {
      await append('counter-1', 20);
      wait(60_000);
    }
    const file = path.join(dir, 'read-models.sqlite');
    const first = projected(file, store, 64, 100);
    await first.projector.start();
    await first.projector.stop();
    first.db.close();

    const again = projected(file, store, 64, 100);
    await again.projector.start();
    try {
      const folds = new AsOfFolds(counting, { checkpoints: again.reader() });
      const plain = new AsOfFolds(store, { maxCheckpoints: 0 });
      for (const minute of [0, 7, 30, 49]) {
        resetReads();
        const instant = iso(START + minute * 60_000 + 30_000);
        expect(await folds.fold('counter-1', COUNTER.view, instant)).toEqual(await plain.fold('counter-1', COUNTER.view, instant));
        // The events after the checkpoint, and revision 0 for when the stream began.
        expect(eventsRead()).toBeLessThanOrEqual(64);
      }
    } finally {
      await again.projector.stop();
      again.db.close();
    }
  });

  it('given read models rebuilt, when the checkpoints are read again, then the rebuild wrote the same ones', async () => {
    const { store, append, wait } = recordedStore();
    for (let i = 0; i < 30; i++) {
      await append('counter-1', 7);
      wait(1000);
    }
    const { db, projector } = projected(path.join(dir, 'read-models.sqlite'), store, 16, 25);
    await projector.start();
    try {
      const rows = () => db.connection.prepare('SELECT * FROM view_checkpoint ORDER BY stream_id, revision').all();
      const before = rows();
      expect(before).toHaveLength(Math.floor(210 / 16));
      await projector.rebuild();
      expect(rows()).toEqual(before);
    } finally {
      await projector.stop();
      db.close();
    }
  });

  it('given a fold with another view than the one checkpointed, when folded, then the checkpoints are not used', async () => {
    const { store, append } = recordedStore();
    await append('counter-1', 40);
    const { db, projector, reader } = projected(path.join(dir, 'read-models.sqlite'), store, 8, 100);
    await projector.start();
    try {
      const other = { initialState: 0, evolve: (count: number) => count + 1 };
      const folded = await new AsOfFolds(store, { checkpoints: reader() }).fold('counter-1', other, iso(START + 1));
      expect(folded?.view).toBe(40);
    } finally {
      await projector.stop();
      db.close();
    }
  });
});
