import { ModuleRef } from '@nestjs/core';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RequiresAsTarget, type ForwardedRequirement } from '../auth/requires';
import { queryTargets, type TargetSource } from '../auth/targets';
import { InputError, NotFoundError } from '../common/app-errors';
import type { Loaders } from '../common/loaders';
import { RequestLoaders } from '../common/request-context';
import { NODE_TYPES, type NodeServices, type NodeType } from './node-types';
import { asNode, Node } from './node.types';
import { parseNodeId, type NodeId } from './snapshot-ids';

/**
 * The type of the entity an id names, found where each type keeps its entities (ids are bare
 * uuids, so an id does not say its type); NOT_FOUND on `id` when none holds it.
 */
export const locateNode = async (targets: TargetSource, entityId: string, shown: string): Promise<NodeType> => {
  const held = await Promise.all(
    NODE_TYPES.map((type) =>
      targets.existing(type.aggregate, entityId, 'id').then(
        () => true,
        (error: unknown) => (error instanceof NotFoundError ? false : Promise.reject(error)),
      ),
    ),
  );
  const index = held.indexOf(true);
  if (index < 0) throw new NotFoundError('entity', shown, 'id');
  return NODE_TYPES[index]!;
};

/** A snapshot the type can answer, or BAD_USER_INPUT on `id` saying why not. */
const answerable = (type: NodeType, { entityId, snapshot }: NodeId, shown: string): void => {
  if (snapshot.version !== null && !type.versions) throw new InputError('id', `id "${shown}" names a version, and a ${type.aggregate.noun} has none: pass ${entityId}`);
  if (snapshot.asOf !== null && !type.pastAnswers) throw new InputError('id', `id "${shown}" names a past answer, and a ${type.aggregate.noun} is shown as it is now only: pass ${entityId}`);
};

/** An id in an error message: the entity's, and the snapshot it names in words. */
const described = ({ entityId, snapshot }: NodeId): string =>
  [entityId, ...(snapshot.version !== null ? [`version ${snapshot.version}`] : []), ...(snapshot.asOf !== null ? [`as of ${snapshot.asOf}`] : [])].join(' ');

/** node(id) is checked as the named entity's own query is: that query's permission, over `{ id }`. */
const asTheEntityItNames: ForwardedRequirement<{ id: string }>['forward'] = async ({ args, targets }) => {
  const { entityId } = parseNodeId(args.id, 'id');
  const type = await locateNode(targets, entityId, args.id);
  return { requirement: type.requirement(), args: { id: entityId } };
};

@Resolver(() => Node)
export class NodeResolver {
  private readonly services: NodeServices;

  constructor(moduleRef: ModuleRef) {
    // The readers each type's own queries use, from whichever module provides them.
    this.services = { get: (type) => moduleRef.get(type, { strict: false }) };
  }

  @Query(() => Node, {
    nullable: true,
    description:
      'the entity with this id, of any type, as its own query answers it: a snapshot id answers that past answer. Checked with the permission that query declares',
  })
  @RequiresAsTarget(asTheEntityItNames)
  async node(@Args('id', { type: () => ID }) id: string, @RequestLoaders() loaders: Loaders): Promise<Node | null> {
    const parsed = parseNodeId(id, 'id');
    const type = await locateNode(queryTargets(loaders), parsed.entityId, id);
    answerable(type, parsed, id);
    const value = await type.read(this.services, parsed.entityId, parsed.snapshot, loaders);
    if (!value) throw new NotFoundError(type.aggregate.noun, described(parsed), 'id');
    return asNode(value as Node, type.typeName);
  }
}
