import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newEvent } from '../conformance/conformance-fixtures';
import { copySqliteStore, SqliteCopyError } from './sqlite-backup';
import { SqliteEventStore } from './sqlite-event-store';

const A = 'objective-aaaaaaaa-0000-4000-8000-000000000001';
const B = 'objective-bbbbbbbb-0000-4000-8000-000000000002';

describe('copySqliteStore', () => {
  let dir: string;
  let store: SqliteEventStore;
  const target = () => path.join(dir, 'backup.sqlite');

  /** A store in use: WAL mode, its last commits still in the WAL, the connection open. */
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-copy-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    await store.append(A, [newEvent('StepTaken', { n: 0 }), newEvent('StepTaken', { n: 1 })], -1, { command: { id: 'two-steps', hash: 'h' } });
    await store.append(B, [newEvent('StepTaken', { n: 0 })], -1);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('given a store in use, when copied, then the copy holds every committed event and command record, verified, in one file', async () => {
    const report = await copySqliteStore(store.file, target());

    expect(report).toMatchObject({ file: target(), events: 3, streams: 2, headPosition: 3n, integrity: expect.objectContaining({ ok: true }) });
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.sqlite', 'events.sqlite', 'events.sqlite-shm', 'events.sqlite-wal']);
    const copy = new Database(target(), { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT stream_id, revision FROM events ORDER BY position').all()).toEqual([
        { stream_id: A, revision: 0 },
        { stream_id: A, revision: 1 },
        { stream_id: B, revision: 0 },
      ]);
      expect(copy.prepare('SELECT command_id, from_revision, to_revision FROM commands').all()).toEqual([{ command_id: 'two-steps', from_revision: 0, to_revision: 1 }]);
    } finally {
      copy.close();
    }
  });

  it('given a copy made, when the store goes on appending, then the copy keeps the instant it was made and the store is unchanged', async () => {
    await copySqliteStore(store.file, target());
    await store.append(B, [newEvent('StepTaken', { n: 1 })], 0);

    const copied = new SqliteEventStore({ file: target() });
    try {
      expect(await copied.headPosition()).toBe(3n);
      expect(await store.headPosition()).toBe(4n);
    } finally {
      await copied.close();
    }
  });

  it('given a target that exists, when copying, then it is refused and the file left as it was', async () => {
    fs.writeFileSync(target(), 'keep me');

    await expect(copySqliteStore(store.file, target())).rejects.toThrow(`${target()} exists already; name a new file`);
    expect(fs.readFileSync(target(), 'utf8')).toBe('keep me');
  });

  it('given a source edited behind the store, when copying, then the copy is refused and nothing is left behind', async () => {
    const file = new Database(store.file);
    file.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND revision = 1').run('{"n":99}', A);
    file.close();

    const copying = copySqliteStore(store.file, target());

    await expect(copying).rejects.toThrow(SqliteCopyError);
    await expect(copying).rejects.toThrow(`first ${A} revision 1: hash does not match the event content`);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('backup'))).toEqual([]);
  });

  it('given no store, when copying, then it says so', async () => {
    await expect(copySqliteStore(path.join(dir, 'none.sqlite'), target())).rejects.toThrow(`no event store at ${path.join(dir, 'none.sqlite')}`);
  });
});
