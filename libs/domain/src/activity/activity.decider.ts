import type { Decider } from '../shared/decider';
import type { ActivityCommand } from './activity.commands';
import { decideActivity } from './activity.decide';
import type { ActivityEvent } from './activity.events';
import { evolveActivity, initialActivityState, type ActivityState } from './activity.state';

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: initialActivityState,
  evolve: evolveActivity,
  decide: decideActivity,
};
