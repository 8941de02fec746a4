import {
  activityDecider,
  objectiveDecider,
  planDecider,
  pmoDecider,
  workDecider,
  type Decider,
  type DomainEvent,
  type ViewProjection,
} from '@throughline/domain';
import type { Aggregate } from '@throughline/event-store';
import type { EntityKind, EntityRecord } from '@throughline/read-models';
import { EntityType } from '../graphql/enums';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND, PMO_KIND, WORK_KIND } from './entity-kinds';
import type { Existing } from './existing';
import { CATEGORY, type Category } from './stream-ids';

/**
 * Everything the API needs to know about one aggregate: where its streams live, how commands
 * fold and decide (the decider), what a mutation answers (the view), and what a permission check
 * reads of it (its PMO; people come from the decider's minimal state).
 */
export interface AggregateDescriptor<C, E extends DomainEvent, S extends { readonly status: string }, V> extends Aggregate<C, E, S, V> {
  readonly category: Category;
  /** The aggregate in an error message: "objective <id> does not exist". */
  readonly noun: string;
  /** The read model's kind, for reads that are not commands. */
  readonly kind: EntityKind;
  /** The PMO an existing entity belongs to (itself, for a PMO): the scope of a permission over it. */
  pmoOf(state: Existing<S>): string;
}

/** Any descriptor, when only what every aggregate has matters (a scope lookup by entity type). */
// The decider's command and event types only matter to commands; a lookup never decides.
export type AnyAggregate = AggregateDescriptor<never, DomainEvent, { readonly status: string }, unknown>;

export type ViewOf<A> = A extends AggregateDescriptor<infer _C, infer _E, infer _S, infer V> ? V : never;

/**
 * The decider's own state as the view, in the record shape the `to<X>View` mappers take, until
 * each aggregate has a view projection of its own; then `view:` below names that instead.
 */
const stateAsView = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, idOf: (state: S) => string): ViewProjection<E, EntityRecord<S>> => ({
  initialState: { entityId: '', state: decider.initialState, revision: -1, createdAt: '', updatedAt: '' },
  evolve: (record, event, facts) => {
    const state = decider.evolve(record.state, event);
    return {
      entityId: record.entityId || idOf(state),
      state,
      revision: facts.revision,
      createdAt: facts.revision === 0 ? facts.recordedAt : record.createdAt,
      updatedAt: facts.recordedAt,
    };
  },
});

/** The id an entity's state carries once it exists; '' before. */
const idIn =
  <K extends string>(key: K) =>
  (state: { readonly status: string } & Partial<Record<K, string>>): string =>
    state[key] ?? '';

/** Types a descriptor by its parts: C, E and S from the decider, V from the view. */
const describe = <C, E extends DomainEvent, S extends { readonly status: string }, V>(aggregate: AggregateDescriptor<C, E, S, V>) => aggregate;

export const PMO = describe({
  category: CATEGORY.pmo,
  noun: 'PMO',
  kind: PMO_KIND,
  decider: pmoDecider,
  view: stateAsView(pmoDecider, idIn('pmoId')),
  pmoOf: (state) => state.pmoId,
});

export const OBJECTIVE = describe({
  category: CATEGORY.objective,
  noun: 'objective',
  kind: OBJECTIVE_KIND,
  decider: objectiveDecider,
  view: stateAsView(objectiveDecider, idIn('objectiveId')),
  pmoOf: (state) => state.pmoId,
});

export const PLAN = describe({
  category: CATEGORY.plan,
  noun: 'business plan',
  kind: PLAN_KIND,
  decider: planDecider,
  view: stateAsView(planDecider, idIn('planId')),
  pmoOf: (state) => state.pmoId,
});

export const ACTIVITY = describe({
  category: CATEGORY.activity,
  noun: 'activity',
  kind: ACTIVITY_KIND,
  decider: activityDecider,
  view: stateAsView(activityDecider, idIn('activityId')),
  pmoOf: (state) => state.pmoId,
});

export const WORK = describe({
  category: CATEGORY.work,
  noun: 'work entry',
  kind: WORK_KIND,
  decider: workDecider,
  view: stateAsView(workDecider, idIn('workEntryId')),
  pmoOf: (state) => state.pmoId,
});

/** The aggregate an `EntityRef` names. */
export const AGGREGATE_OF_ENTITY: Record<EntityType, AnyAggregate> = {
  [EntityType.PMO]: PMO,
  [EntityType.OBJECTIVE]: OBJECTIVE,
  [EntityType.BUSINESS_PLAN]: PLAN,
  [EntityType.ACTIVITY]: ACTIVITY,
  [EntityType.WORK_ENTRY]: WORK,
};
