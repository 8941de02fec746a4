import type { Decider, DomainEvent, RecordedFacts, ViewProjection } from '@throughline/domain';
import type { EventStore, RecordedEvent } from '../event-store.port';
import type { StateCache } from './state-cache';

/**
 * An aggregate as the command loop handles it: the decider that judges commands, and the view
 * projection of the same stream that answers them. Both fold in one pass over the events, so a
 * command's answer is the state its own fold produced.
 */
export interface Aggregate<C, E extends DomainEvent, S, V> {
  readonly decider: Decider<C, E, S>;
  readonly view: ViewProjection<E, V>;
}

/** One stream folded up to `revision` (-1: nothing there) into the decider's state and the view. */
export interface Folded<S, V> {
  readonly state: S;
  readonly view: V;
  readonly revision: number;
}

/** What a cache entry holds: both folds, always at the same revision. */
interface Pair<S, V> {
  readonly state: S;
  readonly view: V;
}

type Folds<E extends DomainEvent, S, V> = Pick<Aggregate<unknown, E, S, V>, 'view'> & {
  readonly decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>;
};

/** For callers that need no view (the seed writer, benchmarks): folds nothing. */
export const NO_VIEW: ViewProjection<DomainEvent, null> = { initialState: null, evolve: () => null };

export const factsOf = (event: RecordedEvent): RecordedFacts => ({
  revision: event.revision,
  recordedAt: event.metadata.recordedAt,
  actor: event.metadata.actor,
});

/** Folds events onto a starting point; `facts(i)` says what the store recorded about the i-th. */
export function foldOnto<E extends DomainEvent, S, V>(
  aggregate: Folds<E, S, V>,
  start: Folded<S, V>,
  events: readonly E[],
  facts: (index: number) => RecordedFacts,
): Folded<S, V> {
  let { state, view } = start;
  let revision = start.revision;
  events.forEach((event, index) => {
    const recorded = facts(index);
    state = aggregate.decider.evolve(state, event);
    view = aggregate.view.evolve(view, event, recorded);
    revision = recorded.revision;
  });
  return { state, view, revision };
}

const asEvent = <E extends DomainEvent>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

export const nothingFolded = <E extends DomainEvent, S, V>(aggregate: Folds<E, S, V>): Folded<S, V> => ({
  state: aggregate.decider.initialState,
  view: aggregate.view.initialState,
  revision: -1,
});

/** The cached fold of a stream, when there is one. */
export function cachedFold<S, V>(cache: StateCache | undefined, streamId: string): Folded<S, V> | undefined {
  const cached = cache?.get<Pair<S, V>>(streamId);
  return cached && { state: cached.state.state, view: cached.state.view, revision: cached.revision };
}

export function cacheFold<S, V>(cache: StateCache | undefined, streamId: string, folded: Folded<S, V>): void {
  cache?.set<Pair<S, V>>(streamId, { state: folded.state, view: folded.view }, folded.revision);
}

/**
 * Folds a stream, starting from the cached fold when there is one and reading only the events
 * after it. `upTo` stops at a revision (the answer a repeated command gave), never caching that
 * older fold.
 */
export async function loadFolded<E extends DomainEvent, S, V>(
  store: EventStore,
  aggregate: Folds<E, S, V>,
  streamId: string,
  cache?: StateCache,
  upTo?: number,
): Promise<Folded<S, V>> {
  const cached = upTo === undefined ? cachedFold<S, V>(cache, streamId) : undefined;
  const start = cached ?? nothingFolded(aggregate);
  const events = await store.readStream(streamId, {
    fromRevision: start.revision + 1,
    ...(upTo === undefined ? {} : { maxCount: upTo - start.revision }),
  });
  const folded = foldOnto(aggregate, start, events.map(asEvent<E>), (i) => factsOf(events[i]));
  if (upTo === undefined && events.length > 0) cacheFold(cache, streamId, folded);
  return folded;
}
