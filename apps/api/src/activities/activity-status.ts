import type { ExistingActivityView } from '@throughline/domain';
import { ActivityStatus } from '../graphql/enums';

/**
 * The status clients see. IN_PROGRESS is not a state of the activity but a reading of the work
 * logged against it: a PLANNED activity with any hours logged is IN_PROGRESS.
 */
export const activityStatus = (state: ExistingActivityView, hoursLogged: number): ActivityStatus => {
  if (state.status === 'PLANNED') return hoursLogged > 0 ? ActivityStatus.IN_PROGRESS : ActivityStatus.PLANNED;
  return state.status === 'DONE' ? ActivityStatus.DONE : ActivityStatus.CANCELLED;
};
