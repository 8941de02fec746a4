import type { Decider } from '../shared/decider';
import type { TouchpointCommand } from './touchpoint.commands';
import { decideTouchpoint } from './touchpoint.decide';
import type { TouchpointEvent } from './touchpoint.events';
import { evolveTouchpoint, initialTouchpointState, type TouchpointState } from './touchpoint.state';

export const touchpointDecider: Decider<TouchpointCommand, TouchpointEvent, TouchpointState> = {
  initialState: initialTouchpointState,
  evolve: evolveTouchpoint,
  decide: decideTouchpoint,
};
