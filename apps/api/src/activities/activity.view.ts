import { openLinks, type ActivityView, type ExistingActivityView } from '@throughline/domain';
import { activityStatus } from './activity-status';
import type { Activity, Contribution } from './activity.types';

/** The links in force of an activity that was planned, as `Activity.contributions` shows them. */
export const contributionsOf = (state: ExistingActivityView, asOf: string | null): Contribution[] =>
  openLinks(state).map((link) => ({
    rationale: link.rationale,
    weight: link.weight,
    linkedAt: link.linkedAt,
    effectiveFrom: link.effectiveFrom,
    objectiveId: link.objectiveId,
    activityId: state.activityId,
    asOf,
  }));

/**
 * The GraphQL view of a folded activity; null when no activity was planned. `hoursLogged` is the
 * work logged against it, which decides IN_PROGRESS.
 */
export const toActivityView = (state: ActivityView | null, asOf: string | null, hoursLogged: number): Activity | null => {
  if (!state || state.status === 'NONE') return null;
  const activityId = state.activityId;
  return {
    id: activityId,
    title: state.title,
    description: state.description,
    responsible: state.responsible,
    mode: state.mode,
    status: activityStatus(state, hoursLogged),
    hoursLogged,
    startsOn: state.startsOn,
    endsOn: state.endsOn,
    effortEstimateHours: state.effortEstimateHours,
    contributions: contributionsOf(state, asOf),
    links: state.links.map((link) => ({
      rationale: link.rationale,
      weight: link.weight,
      linkedAt: link.linkedAt,
      effectiveFrom: link.effectiveFrom,
      endedOn: link.endedOn,
      endReason: link.endReason,
      objectiveId: link.objectiveId,
      asOf,
    })),
    completedOn: state.status === 'DONE' ? state.completedOn : null,
    cancelledOn: state.status === 'CANCELLED' ? state.cancelledOn : null,
    cancelReason: state.status === 'CANCELLED' ? state.cancelReason : null,
    plannedAt: state.createdAt,
    revision: state.revision,
    planId: state.planId,
    pmoId: state.pmoId,
    asOf,
  };
};
