import type { Decider } from '../shared/decider';
import type { PmoCommand } from './pmo.commands';
import { decidePmo } from './pmo.decide';
import type { PmoEvent } from './pmo.events';
import { evolvePmo, initialPmoState, type PmoState } from './pmo.state';

export const pmoDecider: Decider<PmoCommand, PmoEvent, PmoState> = {
  initialState: initialPmoState,
  evolve: evolvePmo,
  decide: decidePmo,
};
