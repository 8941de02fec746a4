import type { ActivityState, ActivityView, DomainEvent, SupportEngagementState, SupportEngagementView, FeedbackState, FeedbackView, ObjectiveState, ObjectiveView, PmoState, PmoView, WorkState, WorkView } from '@throughline/domain';
import { ACTIVITY, AGGREGATE_OF_ENTITY, COMMUNITY, CONTACT, FEEDBACK, INSIGHT, NETWORK_GROUP, OBJECTIVE, PLAN, PMO, SUPPORT_ENGAGEMENT, TOUCHPOINT, WORK, type AggregateDescriptor, type Target } from '../common/aggregates';
import type { EntityType } from '../graphql/enums';
import type { ScopeRequest, ScopeRule } from './requires';

// The scope rules operations declare with @Requires: each reads what it needs from the
// operation's arguments through a function typed against them, never a dotted path.

/** Picks an argument out of an operation's arguments. */
type Pick<A> = (args: A) => string | null | undefined;

interface EntityOptions<A, S, V> {
  /** Whom the operation concerns, for permissions held only over one's own things. */
  readonly people?: (target: Target<S, V>, request: ScopeRequest<A>) => readonly string[] | null;
}

/** Every PMO: the operation spans them all, or creates a top-level one. */
export const everyPmo: ScopeRule<unknown> = async () => ({ pmoId: null });

/**
 * The PMOs the caller's token lists, for an operation that answers about every PMO the caller may
 * reach and narrows its answer itself (with `can`, PMO by PMO): a role held only in one's own PMOs
 * passes when the token lists one, and a role held nowhere is refused as ever.
 */
export const callersPmos: ScopeRule<unknown> = async ({ principal }) => ({ pmoId: principal.pmoIds[0] ?? null });

/** The PMO of the entity an argument names (the entity itself, for a PMO), and whom it concerns. */
export const entityAt =
  <A, C, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(
    aggregate: AggregateDescriptor<C, E, S, V>,
    pick: Pick<A>,
    field: string,
    options: EntityOptions<A, S, V> = {},
  ): ScopeRule<A> =>
  async (request) => {
    const state = await request.targets.existing(aggregate, pick(request.args), field);
    const pmoId = aggregate.pmoOf(state);
    return options.people ? { pmoId, people: options.people(state, request) } : { pmoId };
  };

export const pmoAt = <A>(pick: Pick<A>, field: string, options?: EntityOptions<A, PmoState, PmoView>) => entityAt(PMO, pick, field, options);
export const objectiveAt = <A>(pick: Pick<A>, field: string, options?: EntityOptions<A, ObjectiveState, ObjectiveView>) => entityAt(OBJECTIVE, pick, field, options);
export const planAt = <A>(pick: Pick<A>, field: string) => entityAt(PLAN, pick, field);
export const activityAt = <A>(pick: Pick<A>, field: string, options?: EntityOptions<A, ActivityState, ActivityView>) => entityAt(ACTIVITY, pick, field, options);
/** Feedback's scope is the PMO it goes to. */
export const feedbackAt = <A>(pick: Pick<A>, field: string, options?: EntityOptions<A, FeedbackState, FeedbackView>) => entityAt(FEEDBACK, pick, field, options);
export const workAt = <A>(pick: Pick<A>, field: string, options?: EntityOptions<A, WorkState, WorkView>) => entityAt(WORK, pick, field, options);

/** A contact, a network group and a touchpoint belong to the PMO whose network they are part of. */
export const contactAt = <A>(pick: Pick<A>, field: string) => entityAt(CONTACT, pick, field);
export const networkGroupAt = <A>(pick: Pick<A>, field: string) => entityAt(NETWORK_GROUP, pick, field);
export const touchpointAt = <A>(pick: Pick<A>, field: string) => entityAt(TOUCHPOINT, pick, field);

/** A support engagement belongs to the PMO giving the support; `people` says whose sessions (the supporter). */
export const engagementAt = <A>(pick: Pick<A>, field: string, options?: EntityOptions<A, SupportEngagementState, SupportEngagementView>) =>
  entityAt(SUPPORT_ENGAGEMENT, pick, field, options);
/** A community and an insight belong to the PMO that joined it, heard it. */
export const communityAt = <A>(pick: Pick<A>, field: string) => entityAt(COMMUNITY, pick, field);
export const insightAt = <A>(pick: Pick<A>, field: string) => entityAt(INSIGHT, pick, field);

/** A PMO an argument names, or every PMO when it is left out (an unfiltered audit log). */
export const pmoOrEveryAt =
  <A>(pick: Pick<A>, field: string): ScopeRule<A> =>
  (request) => {
    const value = pick(request.args);
    return value === null || value === undefined ? everyPmo(request) : pmoAt(pick, field)(request);
  };

/**
 * A PMO an argument names; left out, the PMOs the caller's token lists. For an operation that
 * narrows what it delivers, item by item, to what the caller may read (live updates): a caller
 * who holds the permission only in their own PMOs is let through on those rather than refused,
 * and one who holds it nowhere is refused before this is asked.
 */
export const pmoOrOwnAt =
  <A>(pick: Pick<A>, field: string): ScopeRule<A> =>
  (request) => {
    const value = pick(request.args);
    if (value !== null && value !== undefined) return pmoAt(pick, field)(request);
    return Promise.resolve({ pmoId: request.principal.pmoIds[0] ?? null });
  };

/** The entity an `EntityRef` argument names. */
export const entityRefAt =
  <A>(pick: (args: A) => { readonly type?: EntityType | null; readonly id?: string | null } | null | undefined, field: string): ScopeRule<A> =>
  async (request) => {
    const ref = pick(request.args);
    const aggregate = ref?.type ? AGGREGATE_OF_ENTITY[ref.type] : undefined;
    if (!aggregate) return everyPmo(request);
    const state = await request.targets.existing(aggregate, ref?.id, field);
    return { pmoId: aggregate.pmoOf(state) };
  };

/** A name as the domain stores it (trimmed), or null when the argument gives none. */
export const personIn = (value: string | null | undefined): string | null => (typeof value === 'string' ? value.trim() : null);
