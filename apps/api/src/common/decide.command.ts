import { Command } from '@nestjs/cqrs';
import type { DomainEvent } from '@throughline/domain';
import type { AggregateDescriptor } from './aggregates';
import type { RequestContext } from './request-context';

/** What a mutation answers: the entity's id, its revision and the view the command's own fold produced. */
export interface Decided<V> {
  readonly id: string;
  readonly revision: number;
  readonly view: V;
}

/** An existing entity as a mutation names it: the raw id and the input field it came in, for errors. */
export interface ExistingTarget {
  readonly id: string;
  readonly field: string;
}

/** A new entity, under an id made when the command runs. */
export const NEW_ENTITY = 'new';
export type Target = ExistingTarget | typeof NEW_ENTITY;

/**
 * The fields every mutation input may carry. The idempotency key, the revision guard and the
 * reason are read from the input itself, so they cannot drift from the payload the key stands for.
 */
export interface CommandInput {
  readonly commandId?: string | null;
  readonly expectedRevision?: number | null;
  readonly reason?: string | null;
}

export interface DecideOptions {
  /**
   * The revision the caller relied on when the input names none: a step taken before the
   * command (such as counting hours on a workday) was judged on it, so a stream changed since is
   * CONFLICT for the caller to judge again, not decided again silently. It is not part of the
   * input, so it leaves the idempotency key's payload as the client sent it.
   */
  readonly expectedRevision?: number;
}

/**
 * Inside a generic call TypeScript would widen the builder's `type: '...'` to string before
 * matching C to the decider, and the command would no longer fit it; a `type` typed as the
 * string-constrained parameter T keeps the literal.
 */
type DomainCommand<T extends string> = { readonly type: T };

/**
 * Every mutation as it travels the command bus: which aggregate, which entity, how to build the
 * domain command once the entity id is known, and the input and caller it came with. One
 * handler (DecideHandler) runs them all; the bus answers `Decided<V>`, typed by the aggregate.
 */
export class DecideCommand<
  C extends DomainCommand<T>,
  E extends DomainEvent,
  S extends { readonly status: string },
  V extends { readonly status: string },
  T extends string = string,
> extends Command<Decided<V>> {
  constructor(
    readonly aggregate: AggregateDescriptor<C, E, S, V>,
    readonly target: Target,
    readonly input: CommandInput,
    readonly caller: RequestContext,
    /** Builds the domain command for the entity id (validated, or freshly made). */
    readonly build: (id: string) => NoInfer<C>,
    readonly options: DecideOptions = {},
  ) {
    super();
  }
}
