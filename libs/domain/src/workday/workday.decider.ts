import type { Decider } from '../shared/decider';
import type { WorkdayCommand } from './workday.commands';
import { decideWorkday } from './workday.decide';
import type { WorkdayEvent } from './workday.events';
import { evolveWorkday, initialWorkdayState, type WorkdayState } from './workday.state';

/**
 * One person's day across every PMO: it holds the 24-hour rule. Every work entry's hours are
 * counted here before the entry records them, and the store appends a count only at the
 * revision it was decided on, so no two counts can both pass against the same total.
 */
export const workdayDecider: Decider<WorkdayCommand, WorkdayEvent, WorkdayState> = {
  initialState: initialWorkdayState,
  evolve: evolveWorkday,
  decide: decideWorkday,
};
