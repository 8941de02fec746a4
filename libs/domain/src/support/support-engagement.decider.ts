import type { Decider } from '../shared/decider';
import type { SupportEngagementCommand } from './support-engagement.commands';
import { decideSupportEngagement } from './support-engagement.decide';
import { evolveSupportEngagement, initialSupportEngagementState, type SupportEngagementState } from './support-engagement.state';
import type { SupportEngagementEvent } from './support.events';

export const supportEngagementDecider: Decider<SupportEngagementCommand, SupportEngagementEvent, SupportEngagementState> = {
  initialState: initialSupportEngagementState,
  evolve: evolveSupportEngagement,
  decide: decideSupportEngagement,
};
