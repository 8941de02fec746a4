import * as fs from 'node:fs';
import { printServedSchema, SCHEMA_FILE } from './print-schema';

describe('the committed schema', () => {
  it('is what the code serves (run `npm run schema:generate` after changing the API)', async () => {
    const served = await printServedSchema();

    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(served);
  });
});
