import Database from 'better-sqlite3';
import { newEvent, newEvents, newStreamId } from '../conformance/conformance-fixtures';
import { CommandAlreadyRecordedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, GlobalPosition } from '../event-store.port';
import { verifyChains } from '../integrity/event-hash';
import { sqliteStoreFiles } from './sqlite-store-files.fixture';

const { open } = sqliteStoreFiles();

describe('SqliteEventStore', () => {
  describe('group commit', () => {
    it('commits 64 concurrent appends in far fewer than 64 transactions', async () => {
      const store = await open();
      const before = store.stats.commits;

      await Promise.all(Array.from({ length: 64 }, () => store.append(newStreamId(), [newEvent()], 'no_stream')));

      expect(store.stats.commits - before).toBeLessThanOrEqual(2);
      expect(await store.headPosition()).toBe(64n);
    });

    it('rejects a failing append alone while the rest of its batch commits', async () => {
      const store = await open();
      const [a, b, c, d] = [newStreamId(), newStreamId(), newStreamId(), newStreamId()];
      await store.append(b, [newEvent()], 'no_stream');
      await store.append(d, [newEvent()], 'no_stream', { command: { id: 'once', hash: 'h' } });
      const before = store.stats.commits;

      const outcomes = await Promise.allSettled([
        store.append(a, [newEvent()], 'no_stream'),
        store.append(b, [newEvent()], 5),
        store.append(c, newEvents(2), 'no_stream'),
        store.append(c, [newEvent()], 'any', { command: { id: 'once', hash: 'h' } }),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
      const wrong = (outcomes[1] as PromiseRejectedResult).reason;
      expect(wrong).toBeInstanceOf(WrongExpectedRevisionError);
      expect(wrong).toMatchObject({ streamId: b, currentRevision: 0, expected: 5 });
      expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(CommandAlreadyRecordedError);
      expect(store.stats.commits - before).toBe(1);
      expect((await store.readAll()).map((e) => [e.streamId, e.revision])).toEqual([
        [b, 0],
        [d, 0],
        [a, 0],
        [c, 0],
        [c, 1],
      ]);
    });

    it('lets appends to one stream in the same batch see each other in order', async () => {
      const store = await open();
      const streamId = newStreamId();

      const outcomes = await Promise.allSettled([
        store.append(streamId, [newEvent()], 'no_stream'),
        store.append(streamId, newEvents(2), 0),
        store.append(streamId, [newEvent()], 2),
        store.append(streamId, [newEvent()], 'no_stream'),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ currentRevision: 3 });
      expect(store.stats.commits).toBe(1);
      expect(verifyChains(await store.readStreamStored(streamId))).toEqual([]);
    });

    it('leaves no hole in the positions when an append is rolled back inside a batch', async () => {
      const store = await open();
      await store.append(newStreamId(), [newEvent('First', {}, { id: 'taken' })], 'no_stream');
      const before = store.stats.commits;

      const outcomes = await Promise.allSettled([
        store.append(newStreamId(), newEvents(2), 'no_stream'),
        // Its first event is inserted before the second hits the unique id: the savepoint undoes both.
        store.append(newStreamId(), [newEvent(), newEvent('Dup', {}, { id: 'taken' })], 'no_stream'),
        store.append(newStreamId(), newEvents(2), 'no_stream'),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(store.stats.commits - before).toBe(1);
      expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
    });

    it('resolves an append only once another connection can read it', async () => {
      const store = await open();
      const observer = new Database(store.file, { readonly: true });
      const count = () => (observer.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      try {
        const seenOnResolve = await Promise.all(
          Array.from({ length: 5 }, (_, i) => store.append(newStreamId(), newEvents(i + 1), 'no_stream').then(count)),
        );
        expect(seenOnResolve).toEqual([15, 15, 15, 15, 15]);
      } finally {
        observer.close();
      }
    });

    it('notifies listeners once per commit with the last committed position', async () => {
      const store = await open();
      const seen: GlobalPosition[] = [];
      store.onAppended((position) => seen.push(position));

      await Promise.all([1, 2, 3].map((n) => store.append(newStreamId(), newEvents(n), 'no_stream')));

      expect(seen).toEqual([6n]);
    });

    it('commits queued appends on close before closing the file', async () => {
      const store = await open();
      const file = store.file;
      const pending = store.append(newStreamId(), newEvents(3), 'no_stream');
      await store.close();

      await expect(pending).resolves.toMatchObject({ nextRevision: 2, position: 3n });
      const reopened = await open({ file });
      expect(await reopened.headPosition()).toBe(3n);
    });

    it('chains onto what another connection appended since its own last batch, and refuses a revision that connection took', async () => {
      const store = await open();
      const other = await open({ file: store.file });
      const streamId = newStreamId();
      await store.append(streamId, newEvents(2), 'no_stream');
      // The other connection moves the stream on; this one last wrote it at revision 1.
      await other.append(streamId, newEvents(2), 1);

      await expect(store.append(streamId, [newEvent()], 1)).rejects.toMatchObject({ currentRevision: 3 });
      await expect(store.append(streamId, [newEvent()], 3)).resolves.toMatchObject({ nextRevision: 4 });
      await expect(other.append(streamId, [newEvent()], 4)).resolves.toMatchObject({ nextRevision: 5 });
      await expect(store.append(streamId, [newEvent()], 5)).resolves.toMatchObject({ nextRevision: 6 });

      const events = await store.readStream(streamId);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(verifyChains(events)).toEqual([]);
      const recordedAt = (await store.readAll()).map((e) => e.metadata.recordedAt);
      expect(recordedAt).toEqual([...recordedAt].sort());
    });

    it('stores plain data as its canonical text, and data JSON writes otherwise as it reads back, every chain verifying', async () => {
      const store = await open();
      const streamId = newStreamId();
      await store.append(streamId, [
        newEvent('Plain', { b: 1, a: { d: [1, { f: 'x', e: null }], c: 'é' }, skipped: undefined }),
        newEvent('Unlike', { at: new Date('2026-03-15T09:00:00.000Z'), nan: Number.NaN, '10': 1, '9': 2 }),
      ], 'no_stream');

      const raw = new Database(store.file, { readonly: true });
      const texts = raw.prepare('SELECT data FROM events ORDER BY position').pluck().all() as string[];
      raw.close();
      expect(texts[0]).toBe('{"a":{"c":"é","d":[1,{"e":null,"f":"x"}]},"b":1}');
      expect(JSON.parse(texts[1]!)).toEqual({ at: '2026-03-15T09:00:00.000Z', nan: null, '10': 1, '9': 2 });
      const events = await store.readStream(streamId);
      expect(events[1]!.data).toEqual({ at: '2026-03-15T09:00:00.000Z', nan: null, '10': 1, '9': 2 });
      expect(verifyChains(events)).toEqual([]);
    });

    it('keeps metadata without recordedAt in its column, whatever its fields hold, every chain verifying', async () => {
      const store = await open();
      const streamId = newStreamId();
      const full = { actor: 'ann', correlationId: 'c-1', causationId: 'c-0', commandId: 'k-1', reason: 'why "not"' };
      const odd = { actor: 'bob', correlationId: 'c-2', reason: 7 } as unknown as EventMetadata;
      await store.append(streamId, [newEvent('Full', {}, { metadata: full }), newEvent('Odd', {}, { metadata: odd })], 'no_stream');

      const raw = new Database(store.file, { readonly: true });
      const texts = raw.prepare('SELECT metadata FROM events ORDER BY position').pluck().all() as string[];
      raw.close();
      expect(texts.map((text) => JSON.parse(text))).toEqual([full, { actor: 'bob', correlationId: 'c-2', reason: 7 }]);
      const events = await store.readStream(streamId);
      expect(events.map((e) => e.metadata.recordedAt)).toEqual([events[0]!.metadata.recordedAt, events[0]!.metadata.recordedAt]);
      expect(verifyChains(events)).toEqual([]);
    });

    it('rejects a whole batch that cannot commit, and recovers once the file is writable again', async () => {
      const store = await open({ busyTimeoutMs: 20 });
      const blocker = new Database(store.file);
      blocker.exec('BEGIN IMMEDIATE');
      try {
        const blocked = await Promise.allSettled([
          store.append(newStreamId(), [newEvent()], 'no_stream'),
          store.append(newStreamId(), [newEvent()], 'no_stream'),
        ]);
        for (const outcome of blocked) {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
        }
      } finally {
        blocker.exec('ROLLBACK');
        blocker.close();
      }
      expect(await store.headPosition()).toBeNull();
      await expect(store.append(newStreamId(), [newEvent()], 'no_stream')).resolves.toMatchObject({ position: 1n });
    });
  });
});
