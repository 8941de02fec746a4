import type { Decider } from '../shared/decider';
import type { CommunityCommand } from './community.commands';
import { decideCommunity } from './community.decide';
import type { CommunityEvent } from './community.events';
import { evolveCommunity, initialCommunityState, type CommunityState } from './community.state';

export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  initialState: initialCommunityState,
  evolve: evolveCommunity,
  decide: decideCommunity,
};
