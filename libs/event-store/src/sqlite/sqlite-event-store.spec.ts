import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeEmbeddedStoreBehaviour } from '../conformance/embedded-store.behaviour';
import { newEvent, newEvents, newStreamId } from '../conformance/conformance-fixtures';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { CommandAlreadyRecordedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, GlobalPosition } from '../event-store.port';
import { verifyChains } from '../integrity/event-hash';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
import { SCHEMA_VERSION } from './sqlite-schema';

const tempDirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-sqlite-store-'));
  tempDirs.push(dir);
  return path.join(dir, 'events.sqlite');
};
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeEventStoreConformance('sqlite', async () => {
  const file = tempFile();
  return {
    store: new SqliteEventStore({ file }),
    cleanup: async () => fs.rmSync(path.dirname(file), { recursive: true, force: true }),
  };
});

describeEmbeddedStoreBehaviour('sqlite', async (options) => SqliteEventStore.open({ file: tempFile(), ...options }));

describe('SqliteEventStore', () => {
  const stores: SqliteEventStore[] = [];
  const open = async (options: Partial<SqliteEventStoreOptions> = {}) => {
    const store = await SqliteEventStore.open({ file: tempFile(), ...options });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  describe('the file', () => {
    it('keeps events, commands and hash chains across close and reopen', async () => {
      const first = await open();
      const streamId = newStreamId();
      const command = { id: 'cmd-1', hash: 'h1' };
      await first.append(streamId, newEvents(2), 'no_stream', { command });
      await first.append(newStreamId(), newEvents(3), 'no_stream');
      const before = await first.readAll();
      await first.close();

      const reopened = await open({ file: first.file });
      expect(await reopened.readAll()).toEqual(before);
      expect(await reopened.headPosition()).toBe(5n);
      expect(await reopened.findCommand('cmd-1')).toMatchObject({ streamId, fromRevision: 0, toRevision: 1 });
      await expect(reopened.append(streamId, [newEvent()], 'any', { command })).rejects.toBeInstanceOf(
        CommandAlreadyRecordedError,
      );

      await reopened.append(streamId, [newEvent()], 1);
      expect(verifyChains(await reopened.readAllStored())).toEqual([]);
      expect(await reopened.headPosition()).toBe(6n);
    });

    it('is durable by default: WAL with synchronous FULL, NORMAL only when asked', async () => {
      expect((await open()).pragmas()).toMatchObject({ journalMode: 'wal', synchronous: 2 });
      expect((await open({ synchronous: 'NORMAL' })).pragmas()).toMatchObject({ journalMode: 'wal', synchronous: 1 });
    });

    it('records its schema version and refuses a file from a newer schema', async () => {
      const store = await open();
      const file = store.file;
      await store.close();
      const raw = new Database(file);
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();

      await expect(SqliteEventStore.open({ file })).rejects.toThrow(/schema version/);
    });
  });

  describe('a file written by the first schema', () => {
    // The first schema as it shipped, and an event and command written the way its build wrote them.
    const FIRST_SCHEMA = `
      CREATE TABLE events (
        position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
        revision INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
        metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, hash TEXT NOT NULL, prev_hash TEXT NOT NULL,
        UNIQUE (stream_id, revision)
      );
      CREATE INDEX events_recorded_at ON events (recorded_at);
      CREATE TABLE commands (
        command_id TEXT PRIMARY KEY, command_hash TEXT NOT NULL, stream_id TEXT NOT NULL,
        from_revision INTEGER NOT NULL, to_revision INTEGER NOT NULL, recorded_at TEXT NOT NULL
      );
      PRAGMA user_version = 1;`;

    it('migrates to the current schema, dropping the index nothing reads, and keeps its events, commands and chains', async () => {
      const streamId = newStreamId();
      const writer = await open();
      await writer.append(streamId, newEvents(2), 'no_stream', { command: { id: 'cmd-old', hash: 'h-old' } });
      const written = await writer.readAll();
      await writer.close();
      // The same rows in a file of the first schema.
      const file = tempFile();
      const old = new Database(file);
      old.exec(FIRST_SCHEMA);
      old.exec(`ATTACH '${writer.file}' AS src; INSERT INTO events SELECT * FROM src.events; INSERT INTO commands SELECT * FROM src.commands; DETACH src;`);
      old.close();

      const migrated = await open({ file });

      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'events_recorded_at'").all()).toEqual([]);
      raw.close();
      expect(await migrated.readAll()).toEqual(written);
      expect(await migrated.readStream(streamId, { recordedAtOrBefore: written[1].metadata.recordedAt })).toHaveLength(2);
      await expect(migrated.append(streamId, [newEvent()], 'any', { command: { id: 'cmd-old', hash: 'h-old' } })).rejects.toBeInstanceOf(CommandAlreadyRecordedError);
      await migrated.append(streamId, [newEvent()], 1);
      expect(verifyChains(await migrated.readAllStored())).toEqual([]);
    });
  });

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
