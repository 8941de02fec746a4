import type { Decider } from '../shared/decider';
import type { DeviationCommand } from './deviation.commands';
import { decideDeviation } from './deviation.decide';
import type { DeviationEvent } from './deviation.events';
import { evolveDeviation, initialDeviationState, type DeviationState } from './deviation.state';

export const deviationDecider: Decider<DeviationCommand, DeviationEvent, DeviationState> = {
  initialState: initialDeviationState,
  evolve: evolveDeviation,
  decide: decideDeviation,
};
