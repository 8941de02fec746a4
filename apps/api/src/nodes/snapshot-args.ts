import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { InputError } from '../common/app-errors';
import { looksLikeSnapshotId, parseNodeId } from './snapshot-ids';

type Args = Record<string, unknown>;

const NODE_INTERFACE = 'Node';

const answersOneEntity = (field: GraphQLField<unknown, unknown>): boolean => {
  const type = getNamedType(field.type);
  return field.args.some((arg) => arg.name === 'id') && isObjectType(type) && type.getInterfaces().some((i) => i.name === NODE_INTERFACE);
};

/**
 * The arguments a query that answers one entity runs with when its `id` is a snapshot id (one a
 * past answer carried): the entity's own id, and the snapshot's instant and version as `asOf` and
 * `version`, so the query answers that same snapshot. A snapshot the query cannot answer (a version
 * of an objective, a past template) or one that contradicts `asOf` or `version` is BAD_USER_INPUT.
 */
export const snapshotArgs = (field: { readonly name: string; readonly args: readonly { readonly name: string }[] }, args: Args): Args => {
  const id = args.id;
  if (typeof id !== 'string' || !looksLikeSnapshotId(id)) return args;
  const { entityId, snapshot } = parseNodeId(id, 'id');
  const takes = (name: string) => field.args.some((arg) => arg.name === name);
  const named: Args = {};
  for (const [name, value, what] of [
    ['asOf', snapshot.asOf, 'an answer as of an instant'],
    ['version', snapshot.version, 'a version'],
  ] as const) {
    if (value === null) continue;
    if (!takes(name)) throw new InputError('id', `id "${id}" names ${what}, which ${field.name} does not answer: pass its entityId, ${entityId}`);
    const given = args[name];
    if (given !== null && given !== undefined && given !== value) {
      throw new InputError(name, `id names the answer with ${name} ${value} and ${name} asks for ${String(given)}: leave ${name} out, or pass the entityId`);
    }
    named[name] = value;
  }
  return { ...args, ...named, id: entityId };
};

/**
 * Lets every query that answers one entity by `id` take the snapshot ids its answers carry: each
 * such root field's resolver (Nest's, which runs the permission check and the resolver method) is
 * handed the arguments snapshotArgs makes. Applied to the schema Nest built, before it serves.
 */
export const acceptSnapshotIds = (schema: GraphQLSchema): GraphQLSchema => {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (!answersOneEntity(field)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Args, context, info) => resolve(source, snapshotArgs(field, args), context, info);
  }
  return schema;
};
