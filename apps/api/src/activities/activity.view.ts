import { openLinks, type ActivityView } from '@throughline/domain';
import { activityStatus } from './activity-status';
import type { Activity } from './activity.types';

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
    contributions: openLinks(state).map((link) => ({
      rationale: link.rationale,
      weight: link.weight,
      linkedAt: link.linkedAt,
      effectiveFrom: link.effectiveFrom,
      objectiveId: link.objectiveId,
      activityId,
      asOf,
    })),
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
