import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeEmbeddedStoreBehaviour } from '../conformance/embedded-store.behaviour';
import { newEvent, newEvents, newStreamId } from '../conformance/conformance-fixtures';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { CommandAlreadyRecordedError } from '../errors';
import { verifyChains } from '../integrity/event-hash';
import { SqliteEventStore } from './sqlite-event-store';
import { sqliteStoreFiles } from './sqlite-store-files.fixture';
import { SCHEMA_VERSION } from './sqlite-schema';

const { tempFile, open } = sqliteStoreFiles();

describeEventStoreConformance('sqlite', async () => {
  const file = tempFile();
  return {
    store: new SqliteEventStore({ file }),
    cleanup: async () => fs.rmSync(path.dirname(file), { recursive: true, force: true }),
  };
});

describeEmbeddedStoreBehaviour('sqlite', async (options) => SqliteEventStore.open({ file: tempFile(), ...options }));

describe('SqliteEventStore', () => {
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
});
