import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from './support/eventually';
import { openSubscriptions, within } from './support/live-client';
import { startTestApp, type TestApp } from './support/test-app';

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

/** The README's first GraphQL session, one operation per entry (an operation may span lines). */
function sessionOperations(): string[] {
  const block = /A session in GraphQL[^]*?```graphql\n([^]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README has no "A session in GraphQL" block');
  return block
    .split(/\n(?=mutation|query)/)
    .map((operation) => operation.trim())
    .filter(Boolean);
}

/** The JSON body of the README's first curl example (it establishes the portfolio PMO). */
function firstCurlBody(): { query: string } {
  const body = /-d '(\{[^']*\})'/.exec(README)?.[1];
  if (!body) throw new Error('README has no curl example with a JSON body');
  return JSON.parse(body) as { query: string };
}

/** The Node program of the README's live updates section. */
function liveProgram(): string {
  const program = /## Live updates[^]*?```js\n([^]*?)```/.exec(README)?.[1];
  if (!program) throw new Error('README has no Node program under "Live updates"');
  return program;
}

describe('the README examples run as written', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the first requests and the GraphQL session succeed, each id taken from the answer before it', async () => {
    const portfolio = await t.admin.ok(firstCurlBody().query);
    const ids = { portfolio: portfolio.establishPmo.id as string, pmo: '', objective: '' };
    const operations = sessionOperations();

    for (const written of operations) {
      const operation = written
        .replace('"<portfolio id>"', JSON.stringify(ids.portfolio))
        .replace(/pmoId: "<id>"/g, `pmoId: ${JSON.stringify(ids.pmo)}`)
        .replace(/objectiveId: "<id>"/g, `objectiveId: ${JSON.stringify(ids.objective)}`)
        .replace(/(type: OBJECTIVE, id: )"<id>"/g, `$1${JSON.stringify(ids.objective)}`);
      expect(operation).not.toMatch(/<[a-z ]+>/);

      const data = await t.admin.ok(operation);
      if (data.establishPmo) ids.pmo = data.establishPmo.id;
      if (data.defineObjective) ids.objective = data.defineObjective.id;
    }

    expect(operations.length).toBeGreaterThanOrEqual(6);
    const objective = await t.admin.ok(`query($id: ID!) { objective(id: $id) { currentValue } }`, { id: ids.objective });
    expect(objective.objective.currentValue).toBe(55);
  });

  it("the live updates program prints the events recorded while it runs", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-live-'));
    const file = path.join(dir, 'live.js');
    fs.writeFileSync(file, liveProgram());
    const token = await t.token('admin@test', ['ADMIN']);
    // Run as the README says, from the project's directory: its node_modules hold graphql-ws and ws.
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules'), URL: `${t.url.replace(/^http/, 'ws')}/graphql`, TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    try {
      await eventually(async () => ((await openSubscriptions(t.url, 'eventRecorded')) === 1 ? true : null));

      await t.admin.ok(`mutation { establishPmo(input: { name: "Heard live", kind: PORTFOLIO }) { id } }`);

      await within(eventually(async () => (printed.includes('"type":"PmoEstablished"') ? true : null)), 'the program to print the event');
      expect(JSON.parse(printed.split('\n')[0]!)).toMatchObject({ type: 'PmoEstablished', actor: 'admin@test' });
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
