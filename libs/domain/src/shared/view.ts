import type { DomainEvent } from './decider';

/**
 * What the store recorded about an event besides its payload: views show when and by whom an
 * entity changed, which the decider never needs.
 */
export interface RecordedFacts {
  /** The event's revision in its stream, 0-based. */
  readonly revision: number;
  /** When the store recorded it, ISO-8601 UTC. */
  readonly recordedAt: string;
  /** The authenticated subject whose command produced it. */
  readonly actor: string;
}

/**
 * A view projection: what the API shows of one entity, folded from the same events as its
 * decider. The read model and as-of folds run the same `evolve`, so an answer about the past is
 * exactly what was shown then. `evolve` must be linear over a stream: no list that grows with the
 * stream is copied on every event.
 */
export interface ViewProjection<E extends DomainEvent, V> {
  readonly initialState: V;
  evolve(view: V, event: E, facts: RecordedFacts): V;
}
