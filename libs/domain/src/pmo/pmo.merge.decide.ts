import type { CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { TEXT_MAX, localDate, requiredText } from '../shared/input';
import type { MergePmo, MovePmoToSuccessor } from './pmo.commands';
import type { PmoEvent } from './pmo.events';
import { PMO_RANK, establishedPmo, notBeforeEstablishment, notInFuture } from './pmo.rules';
import type { PmoState } from './pmo.state';

/**
 * The decision of a merger, recorded on the PMO that ends. What carries on (children, objectives,
 * plans, activities) is moved by later steps, each on its own stream; the application takes them
 * after this one. Asking again for the merger already recorded (same successor, same day) decides
 * nothing new, so that a retry goes on to take the steps a stop halfway left untaken.
 */
export const mergePmo = (command: MergePmo, state: PmoState, context: CommandContext): PmoEvent[] => {
  const pmo = establishedPmo(state, command.pmoId);
  const effectiveOn = localDate('effectiveOn', command.effectiveOn);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const { into } = command;
  if (pmo.merged) {
    if (pmo.merged.successorId === into.pmoId && pmo.merged.effectiveOn === effectiveOn) return [];
    throw new DomainError('PMO_ALREADY_MERGED', `PMO ${pmo.pmoId} was already merged into ${pmo.merged.successorId} on ${pmo.merged.effectiveOn}`, 'pmoId');
  }
  if (into.pmoId === pmo.pmoId) throw new DomainError('PMO_MERGE_INTO_ITSELF', 'a PMO cannot be merged into itself', 'intoPmoId');
  if (into.ancestorIds.includes(pmo.pmoId)) {
    throw new DomainError('PMO_MERGE_INTO_DESCENDANT', `PMO ${into.pmoId} sits under ${pmo.pmoId}; a PMO cannot be merged into one of its descendants`, 'intoPmoId');
  }
  if (PMO_RANK[into.kind] < PMO_RANK[pmo.kind]) {
    throw new DomainError('PMO_MERGE_INTO_LOWER_KIND', `a ${pmo.kind} PMO cannot be merged into a ${into.kind} PMO`, 'intoPmoId');
  }
  if (into.merged) throw new DomainError('PMO_MERGED', `PMO ${into.pmoId} was itself merged and cannot take another in`, 'intoPmoId');
  notInFuture('effectiveOn', effectiveOn, context.today);
  notBeforeEstablishment('effectiveOn', effectiveOn, command.establishedOn);
  notBeforeEstablishment('effectiveOn', effectiveOn, into.establishedOn, 'the successor');
  return [{ type: 'PmoMerged', data: { pmoId: pmo.pmoId, successorId: into.pmoId, effectiveOn, reason } }];
};

/** A step of a merger: a child already under the successor has moved (a retry), one elsewhere is not the merger's to move. */
export const moveToSuccessor = (command: MovePmoToSuccessor, state: PmoState): PmoEvent[] => {
  const pmo = establishedPmo(state, command.pmoId);
  if (pmo.parentId === command.successorId) return [];
  if (pmo.parentId !== command.mergedPmoId) {
    throw new DomainError('PMO_HIERARCHY_INVALID', `PMO ${pmo.pmoId} is not a child of ${command.mergedPmoId}`, 'pmoId');
  }
  return [
    {
      type: 'PmoMovedToSuccessor',
      data: {
        pmoId: pmo.pmoId,
        parentId: command.successorId,
        previousParentId: command.mergedPmoId,
        effectiveOn: command.effectiveOn,
        reason: command.reason,
      },
    },
  ];
};
