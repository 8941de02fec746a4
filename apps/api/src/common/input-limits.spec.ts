import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages';
import { getMetadataStorage } from 'class-validator';
import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLString,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { createApp } from '../app.factory';
import { loadConfig } from '@throughline/runtime';
import { MAX_ARGUMENT_LIST, MAX_ARGUMENT_TEXT } from '../graphql/query-limits';

/** Scalars whose parser accepts only a short fixed shape (a day, an instant): they bound themselves. */
const SELF_BOUNDED_SCALARS = new Set(['LocalDate', 'DateTime', 'Int', 'Float', 'Boolean']);

const unwrap = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) ? type.ofType : type);

interface Constraint {
  readonly name?: string;
  readonly type: string;
  readonly each: boolean;
  readonly constraints: unknown[];
}

/** Every class-validator constraint on one property of an input class, inherited ones included. */
const constraintsOf = (target: Function, property: string): Constraint[] =>
  (getMetadataStorage().getTargetValidationMetadatas(target, '', true, false) as unknown as (Constraint & { propertyName: string })[]).filter(
    (m) => m.propertyName === property,
  );

const limit = (constraints: Constraint[], name: string, each: boolean): number | null => {
  const found = constraints.find((c) => c.name === name && c.each === each);
  return found ? Number(found.constraints[0]) : null;
};

/** What is missing on one field of an input type, or null when every string and list is bounded. */
function missingLimit(target: Function, property: string, type: GraphQLInputType): string | null {
  const constraints = constraintsOf(target, property);
  const field = unwrap(type);
  const isText = (t: GraphQLInputType) => t === GraphQLString || t === GraphQLID;
  if (isListType(field)) {
    const items = unwrap(field.ofType);
    const maxItems = limit(constraints, 'arrayMaxSize', false);
    if (maxItems === null || maxItems > MAX_ARGUMENT_LIST) return `a list without ArrayMaxSize(<= ${MAX_ARGUMENT_LIST})`;
    if (isText(items)) {
      const each = limit(constraints, 'maxLength', true);
      if (each === null || each > MAX_ARGUMENT_TEXT) return `a list of strings without MaxLength(<= ${MAX_ARGUMENT_TEXT}, { each: true })`;
    } else if (isInputObjectType(items) && !constraints.some((c) => c.type === 'nestedValidation')) {
      return 'a list of input objects without ValidateNested';
    }
    return null;
  }
  if (isText(field)) {
    const max = limit(constraints, 'maxLength', false);
    return max === null || max > MAX_ARGUMENT_TEXT ? `a string without MaxLength(<= ${MAX_ARGUMENT_TEXT})` : null;
  }
  if (isInputObjectType(field)) return constraints.some((c) => c.type === 'nestedValidation') ? null : 'an input object without ValidateNested';
  if (isEnumType(field)) return null;
  if (isScalarType(field) && SELF_BOUNDED_SCALARS.has(field.name)) return null;
  return `a ${getNamedType(field).name}, which no limit covers`;
}

describe('the length limits on input types', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let inputTypes: GraphQLInputObjectType[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-inputs-'));
    app = await createApp(loadConfig({ PMO_DATA_DIR: dataDir, PMO_EVENT_STORE: 'memory', LOG_LEVEL: 'silent' }), { logger: false });
    const { schema } = app.get(GraphQLSchemaHost);
    inputTypes = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLInputObjectType => isInputObjectType(type) && !type.name.startsWith('__'),
    );
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('bounds every string and list field of every input type the schema serves', () => {
    const classes = new Map(TypeMetadataStorage.getInputTypesMetadata().map((metadata) => [metadata.name, metadata]));
    const problems: string[] = [];
    let fieldsChecked = 0;

    for (const inputType of inputTypes) {
      const metadata = classes.get(inputType.name);
      if (!metadata) {
        problems.push(`${inputType.name}: no @InputType class found`);
        continue;
      }
      for (const field of Object.values(inputType.getFields())) {
        // Fields declared on an abstract base class (commandId...) are listed under the subclass too.
        const property = metadata.properties?.find((p) => p.schemaName === field.name)?.name ?? field.name;
        const problem = missingLimit(metadata.target, property, field.type);
        fieldsChecked += 1;
        if (problem) problems.push(`${inputType.name}.${field.name}: ${problem}`);
      }
    }

    expect(problems).toEqual([]);
    // Guards against a walk that silently found nothing to check.
    expect(inputTypes.length).toBeGreaterThanOrEqual(20);
    expect(fieldsChecked).toBeGreaterThanOrEqual(100);
  });

  it('would notice a string field without a limit', () => {
    class Unbounded {
      name!: string;
    }
    expect(missingLimit(Unbounded, 'name', GraphQLString)).toBe(`a string without MaxLength(<= ${MAX_ARGUMENT_TEXT})`);
  });
});
