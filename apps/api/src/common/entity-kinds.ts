import { objectiveDecider, pmoDecider, type ObjectiveState, type PmoState } from '@throughline/domain';
import { entityKind, type EntityKind } from '@throughline/read-models';
import { CATEGORY } from './stream-ids';

/**
 * Every aggregate whose folded state the API reads. The same evolve feeds the read model and
 * the as-of folds, so an answer as of an instant equals what the read model said at that instant.
 */
export const PMO_KIND = entityKind<PmoState, never>({
  category: CATEGORY.pmo,
  decider: pmoDecider as EntityKind<PmoState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { parentId: state.parentId, status: state.status }),
});

export const OBJECTIVE_KIND = entityKind<ObjectiveState, never>({
  category: CATEGORY.objective,
  decider: objectiveDecider as EntityKind<ObjectiveState, never>['decider'],
  index: (state) => (state.status === 'NONE' ? {} : { pmoId: state.pmoId, status: state.status }),
});

export const ENTITY_KINDS: readonly EntityKind[] = [PMO_KIND, OBJECTIVE_KIND];
