import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent } from '@throughline/domain';
import { loadFolded, StateCache, type EventStore, type Folded } from '@throughline/event-store';
import type { AggregateDescriptor } from './aggregates';
import { InputError, NotFoundError } from './app-errors';
import { isExisting, type Existing } from './existing';
import { requireEntityId } from './ids';
import { streamId } from '@throughline/runtime';
import { EVENT_STORE } from './tokens';

/**
 * The streams one request has folded, by stream id: the permission check loads a mutation's
 * target here and the command decides on the same fold, so the target is read once. A command
 * leaves its own result behind, so a later mutation in the same document starts from it.
 */
export class RequestFolds {
  // Made on the first fold: most requests are queries that fold nothing.
  private folds: Map<string, Promise<Folded<unknown, unknown>>> | undefined;

  get<S, V>(stream: string): Promise<Folded<S, V>> | undefined {
    // Each category has one descriptor, so a stream's fold always has that descriptor's types.
    return this.folds?.get(stream) as Promise<Folded<S, V>> | undefined;
  }

  set<S, V>(stream: string, folded: Promise<Folded<S, V>>): void {
    (this.folds ??= new Map()).set(stream, folded);
  }
}

/** An entity as the command path folded it, known to exist. */
export interface LoadedEntity<S, V> extends Folded<Existing<S>, V> {
  readonly id: string;
}

/**
 * Folds an aggregate's stream the way commands do: from the state cache, reading only the
 * events after it. Fresher than the read model, which may lag the store by a moment.
 */
@Injectable()
export class AggregateLoader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cache: StateCache,
  ) {}

  load<C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(
    aggregate: AggregateDescriptor<C, E, S, V>,
    id: string,
    folds?: RequestFolds,
  ): Promise<Folded<S, V>> {
    const stream = streamId(aggregate.category, id);
    const known = folds?.get<S, V>(stream);
    if (known) return known;
    const folded = loadFolded(this.store, aggregate, stream, this.cache);
    folds?.set(stream, folded);
    return folded;
  }

  /**
   * The entity an argument names, or NOT_FOUND on the field that named it: a stream never
   * written and one still in NONE look the same to a client, neither exists.
   */
  async existing<C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(
    aggregate: AggregateDescriptor<C, E, S, V>,
    value: unknown,
    field: string,
    folds?: RequestFolds,
  ): Promise<LoadedEntity<S, V>> {
    if (typeof value !== 'string') throw new InputError(field, `${field} must be an id`);
    const id = requireEntityId(value, field);
    const folded = await this.load(aggregate, id, folds);
    if (!isExisting(folded.state)) throw new NotFoundError(aggregate.noun, id, field);
    return { id, state: folded.state, view: folded.view, revision: folded.revision };
  }
}
