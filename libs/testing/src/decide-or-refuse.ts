import type { CommandContext, Decider, DomainEvent } from '@throughline/domain';
import { DomainError } from '@throughline/domain';

export type Decision<E> = { readonly events: readonly E[] } | { readonly refused: DomainError };

/**
 * Runs one command through a decider as the application would. A refusal must be a DomainError
 * (with a stable code); anything else thrown is a fault and fails the caller's test.
 */
export const decideOrRefuse = <C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  command: C,
  state: S,
  context: CommandContext,
): Decision<E> => {
  try {
    return { events: decider.decide(command, state, context) };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error };
    throw error;
  }
};
