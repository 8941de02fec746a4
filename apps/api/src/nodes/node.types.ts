import { Field, ID, InterfaceType, ObjectType, type FieldMiddleware } from '@nestjs/graphql';
import { snapshotId, type Snapshot } from './snapshot-ids';

/** What every entity object holds for its ids: its entity's id, and what the answer was read as of. */
interface NodeSource {
  readonly id: string;
  readonly asOf?: string | null;
  readonly snapshot?: Snapshot;
}

/** The snapshot an object's id names: the one it says, or else the instant it was read as of. */
export const snapshotOf = (source: NodeSource): Snapshot => source.snapshot ?? { asOf: source.asOf ?? null, version: null };

const idInAnswer: FieldMiddleware<NodeSource> = ({ source }) => snapshotId(source.id, snapshotOf(source));
const entityIdInAnswer: FieldMiddleware<NodeSource> = ({ source }) => source.id;

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
 * The ids of every entity type. `id` is unique across live and past answers, so a normalising
 * client cache keeps them apart: the entity's own id in a live answer, a snapshot id in one read
 * as of an instant or at a plan version (snapshot-ids.ts). `entityId` is always the entity's own.
 */
@ObjectType({ isAbstract: true, implements: () => [Node] })
export abstract class NodeFields implements Node {
  @Field(() => ID, {
    description: 'the entity id when live; `<entityId>@<instant>` when read as of an instant, `<entityId>@v<version>` for a plan version asked for',
    middleware: [idInAnswer],
  })
  id!: string;

  @Field(() => ID, { description: 'the entity’s own id, the same in live and past answers; what mutations and filters take', middleware: [entityIdInAnswer] })
  entityId?: string;

  /**
   * Not exposed: the snapshot `id` names when it is not simply the instant the object was read as
   * of (a plan version asked for, whose content is read as of its approval).
   */
  snapshot?: Snapshot;
}
