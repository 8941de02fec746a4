import { Field, ID, InterfaceType, ObjectType } from '@nestjs/graphql';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { snapshotId, type Snapshot } from './snapshot-ids';

/** What every entity object holds for its ids: its entity's id, and what the answer was read as of. */
interface NodeSource {
  readonly id: string;
  readonly asOf?: string | null;
  readonly snapshot?: Snapshot;
}

/** The snapshot an object's id names: the one it says, or else the instant it was read as of. */
export const snapshotOf = (source: NodeSource): Snapshot => source.snapshot ?? { asOf: source.asOf ?? null, version: null };

const idInAnswer = (source: NodeSource): string => snapshotId(source.id, snapshotOf(source));
const entityIdInAnswer = (source: NodeSource): string => source.id;

/**
 * Gives `id` and `entityId` of every type that implements Node their resolvers. Set on the
 * schema rather than as Nest field middleware, which wraps each field in async functions: a
 * compliance report of 4,000 rows then completed 8,000 ids as promises, most of its time.
 */
export const resolveNodeIds = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const fields = type.getFields();
    if (fields['id']) fields['id'].resolve = (source: NodeSource) => idInAnswer(source);
    if (fields['entityId']) fields['entityId'].resolve = (source: NodeSource) => entityIdInAnswer(source);
  }
  return schema;
};

/** The GraphQL type each object node(id) answers was found as (an object of any entity type may come back). */
const typeOfNode = new WeakMap<object, string>();

/** Marks an object node(id) answers with the GraphQL type it is. */
export const asNode = <T extends object>(value: T, typeName: string): T => {
  typeOfNode.set(value, typeName);
  return value;
};

@InterfaceType('Node', {
  description: 'anything with an id that node(id) answers: the id of a live answer, or of a past one (see entityId)',
  resolveType: (value: object) => typeOfNode.get(value),
})
export abstract class Node {
  @Field(() => ID) id!: string;
}

/**
 * The ids of every entity type (resolved by resolveNodeIds). `id` is unique across live and past answers, so a normalising
 * client cache keeps them apart: the entity's own id in a live answer, a snapshot id in one read
 * as of an instant or at a plan version (snapshot-ids.ts). `entityId` is always the entity's own.
 */
@ObjectType({ isAbstract: true, implements: () => [Node] })
export abstract class NodeFields implements Node {
  @Field(() => ID, {
    description: 'the entity id when live; `<entityId>@<instant>` when read as of an instant, `<entityId>@v<version>` for a plan version asked for',
  })
  id!: string;

  @Field(() => ID, { description: 'the entity’s own id, the same in live and past answers; what mutations and filters take' })
  entityId?: string;

  /**
   * Not exposed: the snapshot `id` names when it is not simply the instant the object was read as
   * of (a plan version asked for, whose content is read as of its approval).
   */
  snapshot?: Snapshot;
}
