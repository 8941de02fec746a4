import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLInputField } from 'graphql';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { AppModule } from '../app.module';
import type { AppConfig } from '@throughline/runtime';
import { EXISTING_IDS, type IdArgument } from './existing-ids';

const ROOT = path.resolve(__dirname, '../../../..');

type Class = abstract new (...args: never[]) => unknown;

/** Every root query the application's resolvers declare, with the id arguments each declares with @ExistingIds. */
const declaredIds = (): Map<string, string[]> => {
  const isClass = (value: unknown): value is Class => typeof value === 'function';
  const modules = ((AppModule.forRoot({} as AppConfig).imports ?? []) as unknown[]).filter(isClass);
  const providers = modules.flatMap((m) => ((Reflect.getMetadata('providers', m) as unknown[] | undefined) ?? []).filter(isClass));
  const queries = new Map<string, string[]>();
  for (const provider of providers) {
    const prototype = provider.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[key];
      if (typeof method !== 'function' || Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) !== 'Query') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
      const ids = (Reflect.getMetadata(EXISTING_IDS, method) as IdArgument<unknown>[] | undefined) ?? [];
      queries.set(name, ids.map((id) => id.field).sort());
    }
  }
  return queries;
};

/** The arguments of type ID a query takes, and the ID fields of its input arguments, as `filter.pmoId`. */
const idPaths = (args: readonly (GraphQLArgument | GraphQLInputField)[], prefix = ''): string[] =>
  args.flatMap((arg) => {
    const type = getNamedType(arg.type);
    if (type.name === 'ID') return [`${prefix}${arg.name}`];
    return isInputObjectType(type) ? idPaths(Object.values(type.getFields()), `${prefix}${arg.name}.`) : [];
  });

describe('the not-found rule', () => {
  it('is declared by every query for every id it takes, arguments and input fields alike, and by none for what it does not take', () => {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'apps/api/schema.graphql'), 'utf8'));
    const served = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => [field.name, idPaths(field.args).sort()] as const);
    const declared = declaredIds();
    // node(id) cannot declare what its id names: it finds the entity's type itself, and answers
    // NOT_FOUND on `id` for an id no type holds (test/apollo-nodes.e2e-spec.ts).
    declared.set('node', ['id']);

    expect(served.filter(([, ids]) => ids.length > 0).length).toBeGreaterThan(30);
    expect(Object.fromEntries(served.map(([name]) => [name, declared.get(name) ?? []]))).toEqual(Object.fromEntries(served));
  });
});
