import { SetMetadata } from '@nestjs/common';
import type { Scope } from './authorize';
import type { Permission } from './permissions';
import type { Principal } from '@throughline/runtime';
import type { TargetSource } from './targets';

/** What a scope is worked out from: the operation's arguments, the caller, and its targets. */
export interface ScopeRequest<A> {
  /**
   * The arguments as the client sent them: GraphQL has checked their types and presence, but
   * the input classes' validation runs after the permission check, so a value is not yet known
   * to be well formed (a lookup checks the ids it is given).
   */
  readonly args: A;
  readonly principal: Principal;
  readonly targets: TargetSource;
}

/** How an operation finds what it touches, typed against its own arguments. */
export type ScopeRule<A> = (request: ScopeRequest<A>) => Promise<Scope>;

export interface Requirement<A> {
  readonly permission: Permission;
  readonly scope: ScopeRule<A>;
}

export const REQUIREMENT = 'throughline:requirement';

/**
 * Declares the permission a resolver method or route handler needs and over what, read by the
 * AuthorizationGuard before it runs. An operation that declares nothing is refused to everyone.
 * `A` is the shape of the operation's arguments by name (a route's: its query string).
 */
export const Requires = <A>(permission: Permission, scope: ScopeRule<A>): MethodDecorator =>
  SetMetadata<string, Requirement<A>>(REQUIREMENT, { permission, scope });

/**
 * A requirement the arguments lead to: the operation reads an entity of whichever type its
 * arguments name (node(id)), and is checked exactly as that type's own query is, with the
 * permission and scope rule found for it and the arguments that rule reads.
 */
export interface ForwardedRequirement<A> {
  readonly forward: (request: ScopeRequest<A>) => Promise<{ readonly requirement: Requirement<never>; readonly args: unknown }>;
}

/** Declares that an operation needs the permission of the entity its arguments name (see ForwardedRequirement). */
export const RequiresAsTarget = <A>(forward: ForwardedRequirement<A>['forward']): MethodDecorator =>
  SetMetadata<string, ForwardedRequirement<A>>(REQUIREMENT, { forward });

/** What an operation declares: a permission over a scope, or a way to the requirement of what it names. */
export type Declared<A> = Requirement<A> | ForwardedRequirement<A>;
