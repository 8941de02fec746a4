import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { printServedSchema } from './print-schema';

const CONTRACT_FILE = path.join('apps', 'api', 'contract.graphql');

describe('the public contract', () => {
  it('is kept by the served schema: it may add types, fields and optional arguments, never break one', async () => {
    const contract = buildSchema(fs.readFileSync(CONTRACT_FILE, 'utf8'));
    const served = buildSchema(await printServedSchema());

    const breaks = findBreakingChanges(contract, served).map((change) => `${change.type}: ${change.description}`);

    expect({ breaks }).toEqual({ breaks: [] });
  });
});
