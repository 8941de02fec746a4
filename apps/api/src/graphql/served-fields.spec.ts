import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { loadConfig } from '@throughline/runtime';
import { createApp } from '../app.factory';

/**
 * How the fields of the schema the service serves are resolved, where it matters for speed: the
 * plain values of the largest answers are read inline by compiled queries (property-fields.ts),
 * and what needs code keeps it.
 */
describe('the fields the service serves', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-fields-'));
    app = await createApp(loadConfig({ PMO_DATA_DIR: dataDir, PMO_EVENT_STORE: 'memory', LOG_LEVEL: 'silent' }), { logger: false });
    schema = app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const resolverOf = (typeName: string, fieldName: string) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    const field = type.getFields()[fieldName];
    if (!field) throw new Error(`${typeName}.${fieldName} is not served`);
    return field.resolve;
  };

  it.each([
    ['AlignmentReport', 'totalHours'],
    ['AlignmentBucket', 'start'],
    ['AlignmentBucket', 'byObjective'],
    ['ObjectiveHours', 'objective'],
    ['ObjectiveHours', 'hours'],
    ['Objective', 'title'],
    ['Contribution', 'rationale'],
  ])('reads %s.%s without a resolver', (typeName, fieldName) => {
    expect(resolverOf(typeName, fieldName)).toBeUndefined();
  });

  it.each([
    ['Objective', 'id'],
    ['Objective', 'hoursInvested'],
    ['Query', 'alignment'],
    ['Query', 'objective'],
    // Lazy: a promise in the property, which only a resolver awaits.
    ['ObjectiveConnection', 'totalCount'],
    // Not among the plain answers: its objects are not checked to be built whole.
    ['Activity', 'title'],
  ])('resolves %s.%s with code', (typeName, fieldName) => {
    expect(resolverOf(typeName, fieldName)).toBeInstanceOf(Function);
  });
});
