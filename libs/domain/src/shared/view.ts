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

/** What every existing entity's view shows of its stream: the last revision and when it changed. */
export interface Stamps {
  /** Revision of the last event folded in: the value a client sends back as expectedRevision. */
  readonly revision: number;
  /** When the entity's first event was recorded. */
  readonly createdAt: string;
  /** When the last event folded in was recorded. */
  readonly updatedAt: string;
}

/** The stamps of an entity created by the event these facts describe. */
export const createdBy = (facts: RecordedFacts): Stamps => ({
  revision: facts.revision,
  createdAt: facts.recordedAt,
  updatedAt: facts.recordedAt,
});

/**
 * The view after one more event of its stream. Every event moves the revision, even one the view
 * shows nothing of, because a client's expectedRevision counts every event.
 */
export const touchedBy = <V extends Stamps>(view: V, facts: RecordedFacts): V => ({
  ...view,
  revision: facts.revision,
  updatedAt: facts.recordedAt,
});

/** Folds events into a view, the facts of each given by its index (for specs and small tools). */
export const foldView = <E extends DomainEvent, V>(
  projection: ViewProjection<E, V>,
  events: readonly E[],
  factsOf: (index: number) => RecordedFacts,
): V => events.reduce((view, event, index) => projection.evolve(view, event, factsOf(index)), projection.initialState);
