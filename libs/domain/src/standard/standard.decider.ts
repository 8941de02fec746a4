import type { Decider } from '../shared/decider';
import type { StandardCommand } from './standard.commands';
import { decideStandard } from './standard.decide';
import type { StandardEvent } from './standard.events';
import { evolveStandard, initialStandardState, type StandardState } from './standard.state';

export const standardDecider: Decider<StandardCommand, StandardEvent, StandardState> = {
  initialState: initialStandardState,
  evolve: evolveStandard,
  decide: decideStandard,
};
