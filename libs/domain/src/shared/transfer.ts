import { DomainError } from './domain-error';
import type { LocalDate } from './local-date';

/**
 * What a merger moves to its successor (objectives, plans, activities) carries on there from the
 * merger's day: the same entity, its history kept, now the successor's. Each move is an event on
 * the entity's own stream, so a question asked as of before it sees the entity where it was.
 */
export interface TransferToSuccessor {
  readonly fromPmoId: string;
  readonly toPmoId: string;
  readonly effectiveOn: LocalDate;
  readonly reason: string;
}

/**
 * Whether an entity now in `pmoId` moves: not when it is already the successor's (a retry of a
 * merger that stopped halfway), refused when it belongs to neither PMO.
 */
export const movesToSuccessor = (pmoId: string, transfer: TransferToSuccessor, noun: string): boolean => {
  if (pmoId === transfer.toPmoId) return false;
  if (pmoId !== transfer.fromPmoId) {
    throw new DomainError('TRANSFER_FROM_OTHER_PMO', `the ${noun} belongs to PMO ${pmoId}, not to the merged PMO ${transfer.fromPmoId}`);
  }
  return true;
};
