import * as fs from 'node:fs';
import { GraphQLClient } from './support/graphql-client';
import { DEFINE_OBJECTIVE, ESTABLISH_PMO, HISTORY, PORTFOLIO } from './support/operations';
import { daysFromToday } from './support/days';
import { runCli } from './support/run-cli';
import { startTestApp, tempDataDir } from './support/test-app';

jest.setTimeout(120_000);

describe('operator commands', () => {
  const dirs: string[] = [];
  const dataDirForTest = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('mints a token for the same data directory whose subject is the actor on record', async () => {
    const dataDir = dataDirForTest();
    const t = await startTestApp({ dataDir });
    try {
      const minted = runCli('token.ts', ['--sub', 'lin@pmo.example', '--role', 'LEADERSHIP', '--ttl', '600'], { PMO_DATA_DIR: dataDir });
      expect(minted.status).toBe(0);
      const lin = new GraphQLClient(t.url, minted.stdout.trim());

      const pmo = await lin.ok(ESTABLISH_PMO, { input: { name: 'Lin office', kind: 'PROJECT' } });
      const history = await lin.ok(HISTORY, { type: 'PMO', id: pmo.establishPmo.id });

      expect(history.history.edges[0].node.actor).toBe('lin@pmo.example');
    } finally {
      await t.close();
    }
  });

  it('refuses an unknown role and a missing subject with usage help', () => {
    const dataDir = dataDirForTest();
    const badRole = runCli('token.ts', ['--sub', 'x', '--role', 'OWNER'], { PMO_DATA_DIR: dataDir });
    const noSub = runCli('token.ts', ['--role', 'ADMIN'], { PMO_DATA_DIR: dataDir });

    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('unknown role OWNER');
    expect(noSub.status).toBe(2);
    expect(noSub.stderr).toContain('--sub is required');
  });

  it('prints only the token, and refuses a PMO-scoped role without a PMO or with one the data directory does not know', async () => {
    const dataDir = dataDirForTest();
    const t = await startTestApp({ dataDir });
    try {
      const pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Scoped office', kind: 'PROJECT' } })).establishPmo.id;
      const head = (pmo: string[]) => runCli('token.ts', ['--sub', 'grace@pmo.example', '--role', 'PMO_HEAD', ...pmo.flatMap((id) => ['--pmo', id])], { PMO_DATA_DIR: dataDir });

      const noPmo = head([]);
      const unknownPmo = head(['00000000-0000-4000-8000-000000000000']);
      const minted = head([pmoId]);

      expect(noPmo.status).toBe(2);
      expect(noPmo.stderr).toContain('--pmo is required with PMO_HEAD');
      expect(unknownPmo.status).toBe(2);
      expect(unknownPmo.stderr).toContain('no PMO 00000000-0000-4000-8000-000000000000');
      expect(minted.status).toBe(0);
      expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const grace = new GraphQLClient(t.url, minted.stdout.trim());
      expect((await grace.ok(`query($id: ID!) { pmo(id: $id) { name } }`, { id: pmoId })).pmo.name).toBe('Scoped office');
    } finally {
      await t.close();
    }
  });

  it('rebuilds the read models from the events with the same answers', async () => {
    const dataDir = dataDirForTest();
    let t = await startTestApp({ dataDir });
    const pmo = await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Rebuilt office', kind: 'PORTFOLIO' } });
    for (const title of ['First', 'Second', 'Third']) {
      await t.admin.ok(DEFINE_OBJECTIVE, {
        input: { pmoId: pmo.establishPmo.id, title, metric: { name: 'm', unit: 'u', baseline: 0, target: 1 }, dueOn: daysFromToday(9), owner: 'o' },
      });
    }
    const before = await t.admin.ok(PORTFOLIO, {});
    await t.close();

    const rebuilt = runCli('rebuild-projections.ts', [], { PMO_DATA_DIR: dataDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(/rebuilt read models from 4 events/);

    t = await startTestApp({ dataDir });
    try {
      expect(await t.admin.ok(PORTFOLIO, {})).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
