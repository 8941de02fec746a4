import { SetMetadata } from '@nestjs/common';
import { AGGREGATE_OF_ENTITY, type AnyAggregate } from '../common/aggregates';
import { InputError, NotFoundError } from '../common/app-errors';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import type { EntityType } from '../graphql/enums';

// One rule for every query: an id argument that names nothing is NOT_FOUND on that argument, never
// an empty answer or a null that looks like "nothing there yet". A query declares its id arguments
// with @ExistingIds, typed against its own arguments; the authorization guard checks them once the
// caller is known to hold the permission, so a caller without it learns nothing about the id.

/** One entity an argument names: which aggregate it must be, and the value the client sent. */
interface Named {
  readonly aggregate: AnyAggregate;
  readonly value: unknown;
}

export interface IdArgument<A> {
  /** The argument as the client wrote it, as errors name it: `id`, `filter.pmoId`, `entity.id`, `pmoIds`. */
  readonly field: string;
  /** What it names in these arguments; none when it was left out. */
  readonly named: (args: A) => readonly Named[];
}

export const EXISTING_IDS = 'throughline:existing-ids';

/** Declares the id arguments of a query, each of which must name an entity that exists. */
export const ExistingIds = <A>(...ids: IdArgument<A>[]): MethodDecorator => SetMetadata<string, readonly IdArgument<A>[]>(EXISTING_IDS, ids);

const given = (value: unknown): boolean => value !== null && value !== undefined;

/** An argument naming one entity of an aggregate (optional arguments may be left out). */
export const idOf = <A>(aggregate: AnyAggregate, pick: (args: A) => unknown, field: string): IdArgument<A> => ({
  field,
  named: (args) => (given(pick(args)) ? [{ aggregate, value: pick(args) }] : []),
});

/** An argument naming several entities of an aggregate. */
export const idsOf = <A>(aggregate: AnyAggregate, pick: (args: A) => readonly unknown[] | null | undefined, field: string): IdArgument<A> => ({
  field,
  named: (args) => (pick(args) ?? []).map((value) => ({ aggregate, value })),
});

/** An `EntityRef` argument: its type says which aggregate its id must be. */
export const refOf = <A>(pick: (args: A) => { readonly type?: EntityType | null; readonly id?: unknown } | null | undefined, field: string): IdArgument<A> => ({
  field,
  named: (args) => {
    const ref = pick(args);
    const aggregate = ref?.type ? AGGREGATE_OF_ENTITY[ref.type] : undefined;
    return aggregate ? [{ aggregate, value: ref?.id }] : [];
  },
});

/**
 * Throws BAD_USER_INPUT for a value that cannot be an id and NOT_FOUND for one that names nothing,
 * each on the argument's field; the first argument in declared order decides. Entities are read
 * as they stand now through the request's loaders, which the query reads through too: an entity
 * that exists now but did not at an `asOf` instant is the query's own answer (null, or empty).
 */
export async function requireExisting<A>(ids: readonly IdArgument<A>[], args: A, loaders: Loaders): Promise<void> {
  const checks = ids.flatMap(({ field, named }) =>
    named(args).map(({ aggregate, value }) => {
      if (typeof value !== 'string') throw new InputError(field, `${field} must be an id`);
      const id = requireEntityId(value, field);
      return { field, aggregate, id, view: loaders.entity(aggregate.kind, null).load(id) };
    }),
  );
  for (const { field, aggregate, id, view } of checks) {
    const found = await view;
    if (!found || found.status === 'NONE') throw new NotFoundError(aggregate.noun, id, field);
  }
}
