import type { Decider } from '../shared/decider';
import type { NetworkGroupCommand } from './network-group.commands';
import { decideNetworkGroup } from './network-group.decide';
import type { NetworkGroupEvent } from './network-group.events';
import { evolveNetworkGroup, initialNetworkGroupState, type NetworkGroupState } from './network-group.state';

export const networkGroupDecider: Decider<NetworkGroupCommand, NetworkGroupEvent, NetworkGroupState> = {
  initialState: initialNetworkGroupState,
  evolve: evolveNetworkGroup,
  decide: decideNetworkGroup,
};
