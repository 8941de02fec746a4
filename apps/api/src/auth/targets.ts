import type { DomainEvent } from '@throughline/domain';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import type { AggregateDescriptor, Target } from '../common/aggregates';
import { InputError, NotFoundError } from '../common/app-errors';
import type { EntityReader } from '../common/entity-reader';
import { isExisting, type Existing } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';

/**
 * Where a permission check reads an operation's target: its minimal state, which names its PMO
 * and the people it concerns (owner, responsible, person). A target that does not exist is
 * NOT_FOUND on the field that named it, as the operation itself would answer.
 */
export interface TargetSource {
  existing<C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(
    aggregate: AggregateDescriptor<C, E, S, V>,
    value: unknown,
    field: string,
  ): Promise<Target<S, V>>;
  /**
   * The same target's view, for a rule that reads what only the view shows (a PMO's parent): the
   * stream as the command folds it for a mutation, the read model for a query.
   */
  existingView<C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(
    aggregate: AggregateDescriptor<C, E, S, V>,
    value: unknown,
    field: string,
  ): Promise<V>;
}

/**
 * A mutation's targets, folded from their streams the way the command folds them and kept on
 * the request: the command then decides on the same fold, so the target is read once.
 */
export const commandTargets = (loader: AggregateLoader, folds: RequestFolds): TargetSource => ({
  existing: async (aggregate, value, field) => (await loader.existing(aggregate, value, field, folds)).state,
  existingView: async (aggregate, value, field) => (await loader.existing(aggregate, value, field, folds)).view,
});

const idOf = (value: unknown, field: string): string => {
  if (typeof value !== 'string') throw new InputError(field, `${field} must be an id`);
  return requireEntityId(value, field);
};

const existingIn = <V extends { readonly status: string }>(view: V | null | undefined, noun: string, id: string, field: string): Existing<V> => {
  if (!view || !isExisting(view)) throw new NotFoundError(noun, id, field);
  return view;
};

/**
 * A query's targets, read through the request's loaders, which the query itself reads through
 * too. Every entity records its PMO when it is created and never moves, so the read model's
 * current state answers for any instant.
 */
export const queryTargets = (loaders: Loaders): TargetSource => {
  const existing = async <C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(aggregate: AggregateDescriptor<C, E, S, V>, value: unknown, field: string) => {
    const id = idOf(value, field);
    return existingIn(await loaders.entity(aggregate.kind, null).load(id), aggregate.noun, id, field);
  };
  return { existing, existingView: existing };
};

/** Targets of an HTTP route, which has no GraphQL loaders: one read-model read each. */
export const routeTargets = (reader: EntityReader): TargetSource => {
  const existing = async <C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(aggregate: AggregateDescriptor<C, E, S, V>, value: unknown, field: string) => {
    const id = idOf(value, field);
    return existingIn(await reader.get(aggregate.kind, id), aggregate.noun, id, field);
  };
  return { existing, existingView: existing };
};
