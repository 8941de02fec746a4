import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '@throughline/testing';
import { GraphQLClient } from './support/graphql-client';
import { ESTABLISH_PMO, GET_PMO } from './support/operations';
import { runCli, runCliAsync } from './support/run-cli';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(300_000);

const VERIFY = '{ verifyIntegrity { ok checkedEvents problemCount } }';
const WRITERS = 4;

/** Per command id, the events stored for it, read from an events file beside whoever writes it. */
function eventsByCommand(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT json_extract(metadata, '$.commandId') AS commandId, count(*) AS n FROM events GROUP BY 1`).all() as { commandId: string | null; n: number }[];
    return new Map(rows.filter((row) => row.commandId !== null).map((row) => [row.commandId as string, row.n]));
  } finally {
    db.close();
  }
}

/** Command records whose revisions are not all present as events carrying that command id. */
function brokenCommands(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          `SELECT c.command_id AS id FROM commands c
           WHERE (SELECT count(*) FROM events e WHERE e.stream_id = c.stream_id AND e.revision BETWEEN c.from_revision AND c.to_revision
                    AND json_extract(e.metadata, '$.commandId') = c.command_id) <> c.to_revision - c.from_revision + 1`,
        )
        .all() as { id: string }[]
    ).map((row) => row.id);
  } finally {
    db.close();
  }
}

describe('an online backup of a running SQLite service', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  const dataDir = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
  const service = async (dir: string, env: NodeJS.ProcessEnv = {}) => {
    const started = new ServiceProcess(dir, await freePort(), env);
    services.push(started);
    await started.start();
    return started;
  };
  afterAll(async () => {
    for (const started of services) await started.kill();
    dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });

  it('restores, into a new directory, every mutation acknowledged before it began, each whole, while writes went on', async () => {
    const source = dataDir();
    const running = await service(source, { PMO_MUTATION_RATE_LIMIT: '0' });
    const admin = running.adminClient();

    // Writers that go on until told to stop; a command id counts once its mutation answered.
    const acknowledged: { commandId: string; pmoId: string }[] = [];
    let writing = true;
    let next = 0;
    const writer = async () => {
      while (writing) {
        const commandId = `backup-load-${(next += 1)}`;
        const done = await admin.ok(ESTABLISH_PMO, { input: { name: `Office ${commandId}`, kind: 'PROJECT', commandId } });
        acknowledged.push({ commandId, pmoId: done.establishPmo.id });
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 50));

    const backupFile = path.join(dataDir(), 'throughline.sqlite');
    const before = [...acknowledged];
    const backup = await runCliAsync('backup.ts', ['--to', backupFile, '--with-secret'], { PMO_DATA_DIR: source });
    const during = acknowledged.length - before.length;
    writing = false;
    await Promise.all(writers);

    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^backed up \d+ events in \d+ streams .* every hash chain intact/m);
    // The copy was taken under load: the service kept acknowledging writes while it ran.
    expect(during).toBeGreaterThan(0);

    // A restore into a directory in use is refused, like any writer.
    const intoRunning = runCli('backup.ts', ['--restore', backupFile], { PMO_DATA_DIR: source });
    expect(intoRunning.status).toBe(1);
    expect(intoRunning.stderr).toContain(`data directory ${source} is in use by pid ${running.pid}`);

    const restoredDir = dataDir();
    const restore = runCli('backup.ts', ['--restore', backupFile, '--with-secret'], { PMO_DATA_DIR: restoredDir });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const restored = await service(restoredDir);

    // The old token still works: the signing secret came back with --with-secret.
    const oldAdmin = new GraphQLClient(restored.url, admin.token);
    const verified = (await oldAdmin.ok(VERIFY)).verifyIntegrity;
    expect(verified).toMatchObject({ ok: true, problemCount: 0 });
    const inCopy = eventsByCommand(path.join(restoredDir, 'events.sqlite'));
    const missing = before.filter(({ commandId }) => !inCopy.has(commandId));
    expect(missing).toEqual([]);
    for (const { commandId, pmoId } of before.slice(0, 10)) {
      expect((await oldAdmin.ok(GET_PMO, { id: pmoId })).pmo.name).toBe(`Office ${commandId}`);
    }
    // None half-present: each command in the copy has all of its events, as many as the source holds.
    expect(brokenCommands(path.join(restoredDir, 'events.sqlite'))).toEqual([]);
    const inSource = eventsByCommand(path.join(source, 'events.sqlite'));
    const differing = [...inCopy].filter(([commandId, n]) => inSource.get(commandId) !== n);
    expect(differing).toEqual([]);
    expect(verified.checkedEvents).toBeGreaterThanOrEqual(before.length);
  });

  it('restores without the secret unless asked, and never over an event store already there', async () => {
    const source = dataDir();
    const running = await service(source);
    await running.adminClient().ok(ESTABLISH_PMO, { input: { name: 'Backed-up office', kind: 'PORTFOLIO' } });
    const backupFile = path.join(dataDir(), 'plain.sqlite');
    expect(runCli('backup.ts', ['--to', backupFile], { PMO_DATA_DIR: source }).status).toBe(0);
    expect(fs.existsSync(`${backupFile}.jwt-secret`)).toBe(false);
    // The personal keys always come along, readable by their owner only.
    expect(fs.statSync(`${backupFile}.personal-keys`).mode & 0o777).toBe(0o600);

    const target = dataDir();
    expect(runCli('backup.ts', ['--restore', backupFile], { PMO_DATA_DIR: target }).status).toBe(0);
    expect(fs.existsSync(path.join(target, 'personal-keys.sqlite'))).toBe(true);
    const again = runCli('backup.ts', ['--restore', backupFile], { PMO_DATA_DIR: target });

    expect(fs.existsSync(path.join(target, 'jwt-secret'))).toBe(false);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${target} holds an event store already (events.sqlite)`);
    expect(fs.existsSync(path.join(target, 'owner.lock'))).toBe(false);
  });
});
