import type { Decider } from '../shared/decider';
import type { ObjectiveCommand } from './objective.commands';
import { decideObjective } from './objective.decide';
import type { ObjectiveEvent } from './objective.events';
import { evolveObjective, initialObjectiveState, type ObjectiveState } from './objective.state';

export const objectiveDecider: Decider<ObjectiveCommand, ObjectiveEvent, ObjectiveState> = {
  initialState: initialObjectiveState,
  evolve: evolveObjective,
  decide: decideObjective,
};
