import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

/**
 * Stores on files of their own in temporary directories, for specs: `tempFile` names a fresh file,
 * `open` opens a store on one (or on the file given) and closes it after each test; the
 * directories go after all of them.
 */
export function sqliteStoreFiles(): { tempFile: () => string; open: (options?: Partial<SqliteEventStoreOptions>) => Promise<SqliteEventStore> } {
  const dirs: string[] = [];
  const stores: SqliteEventStore[] = [];
  const tempFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-sqlite-store-'));
    dirs.push(dir);
    return path.join(dir, 'events.sqlite');
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const open = async (options: Partial<SqliteEventStoreOptions> = {}) => {
    const store = await SqliteEventStore.open({ file: tempFile(), ...options });
    stores.push(store);
    return store;
  };
  return { tempFile, open };
}
