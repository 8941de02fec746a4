import * as fs from 'node:fs';
import * as path from 'node:path';
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
});
