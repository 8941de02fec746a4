import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';

/** The name of the resolver Nest gives every @Field property (ObjectTypeDefinitionFactory.createFieldResolver). */
const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

const PROBE = Symbol('probe');

/**
 * Whether the field's resolver only reads the property of the same name: Nest's, with no default
 * value (it answers `defaultValue` where the property is undefined) and no other property name.
 * Asked of the resolver itself, so a field that does either keeps it.
 */
const readsOwnProperty = (field: GraphQLField<unknown, unknown>): boolean => {
  const resolve = field.resolve as ((source: Record<string, unknown>) => unknown) | undefined;
  if (resolve?.name !== NEST_PROPERTY_RESOLVER) return false;
  return resolve({}) === undefined && resolve({ [field.name]: PROBE }) === PROBE;
};

/**
 * Drops the resolver Nest gives every @Field property, on the object types named: graphql-jit reads
 * a field without a resolver inline, in the function it compiles, but calls a resolver through a
 * handler and a closure per value (a year of alignment by week holds about 2,000 such values).
 *
 * Only for types whose objects are built whole before they are answered. Read inline, a property
 * is taken as it is: a promise or a function in it (a connection's lazy totalCount) would be
 * answered as such by a compiled query, though graphql-js, which answers a query's first
 * sightings, awaits or calls it. Fields with resolvers of their own (@ResolveField,
 * resolveNodeIds) keep them. A type named that the schema lacks is an error, so a rename cannot
 * quietly undo this.
 */
export const readPropertiesInline = (schema: GraphQLSchema, typeNames: readonly string[]): GraphQLSchema => {
  for (const name of typeNames) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type of the schema: its properties cannot be read inline`);
    for (const field of Object.values(type.getFields())) if (readsOwnProperty(field)) field.resolve = undefined;
  }
  return schema;
};
