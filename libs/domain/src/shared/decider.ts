/**
 * Everything a decision may depend on besides the command and the state. Time arrives here:
 * the domain never reads the clock.
 */
export interface CommandContext {
  /** The instant the command is decided, ISO-8601 UTC. */
  readonly now: string;
  /** The calendar day of `now` (UTC), YYYY-MM-DD. */
  readonly today: string;
  /** The authenticated subject. */
  readonly actor: string;
}

/** A domain event as the domain sees it: the persisted type name and a JSON-native payload. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/**
 * A decider: the whole behaviour of one aggregate as three pure parts.
 * `decide` throws a DomainError when the command is not allowed.
 */
export interface Decider<C, E extends DomainEvent, S> {
  readonly initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: CommandContext): E[];
}

export const fold = <E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>,
  events: readonly E[],
): S => events.reduce(decider.evolve, decider.initialState);

/** Exhaustiveness check for switches over unions. */
export const assertNever = (value: never): never => {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
};
