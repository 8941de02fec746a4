import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from '../app.factory';
import { loadConfig } from '@throughline/runtime';

export const SCHEMA_FILE = path.join('apps', 'api', 'schema.graphql');

const HEADER = '# The schema the service serves, generated from the code by `npm run schema:generate`. Do not edit.\n\n';

/** The SDL the service serves, built by starting the real application on a throw-away store. */
export async function printServedSchema(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-schema-'));
  const app = await createApp(loadConfig({ PMO_DATA_DIR: dataDir, PMO_EVENT_STORE: 'memory', LOG_LEVEL: 'silent' }), { logger: false });
  try {
    const { schema } = app.get(GraphQLSchemaHost);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  printServedSchema()
    .then((sdl) => {
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
