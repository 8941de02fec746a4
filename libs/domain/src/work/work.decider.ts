import type { Decider } from '../shared/decider';
import type { WorkCommand } from './work.commands';
import { decideWork } from './work.decide';
import type { WorkEvent } from './work.events';
import { evolveWork, initialWorkState, type WorkState } from './work.state';

export const workDecider: Decider<WorkCommand, WorkEvent, WorkState> = {
  initialState: initialWorkState,
  evolve: evolveWork,
  decide: decideWork,
};
