import type { Decider } from '../shared/decider';
import type { AdoptionCommand } from './adoption.commands';
import { decideAdoption } from './adoption.decide';
import type { AdoptionEvent } from './adoption.events';
import { evolveAdoption, initialAdoptionState, type AdoptionState } from './adoption.state';

export const adoptionDecider: Decider<AdoptionCommand, AdoptionEvent, AdoptionState> = {
  initialState: initialAdoptionState,
  evolve: evolveAdoption,
  decide: decideAdoption,
};
