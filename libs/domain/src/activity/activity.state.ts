import type { LinkPeriod } from '../alignment/crediting';
import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { ActivityEvent, ActivityMode } from './activity.events';

/** IN_PROGRESS is not a state of the activity: read models derive it from logged work. */
export const ACTIVITY_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** One period of contribution to an objective; the history keeps ended ones. */
export interface ActivityLink extends LinkPeriod {
  readonly rationale: string;
  readonly linkedAt: string;
  readonly endReason: string | null;
}

interface ActivityFacts {
  readonly activityId: string;
  readonly planId: string;
  readonly pmoId: string;
  readonly title: string;
  readonly description: string | null;
  readonly responsible: string;
  readonly mode: ActivityMode;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly effortEstimateHours: number | null;
  /** In the order linked, ended periods included. */
  readonly links: readonly ActivityLink[];
}

export interface NoActivity {
  readonly status: 'NONE';
}

export interface PlannedActivity extends ActivityFacts {
  readonly status: 'PLANNED';
}

export interface DoneActivity extends ActivityFacts {
  readonly status: 'DONE';
  readonly completedOn: LocalDate;
}

export interface CancelledActivity extends ActivityFacts {
  readonly status: 'CANCELLED';
  readonly cancelledOn: LocalDate;
  readonly cancelReason: string;
}

export type ExistingActivity = PlannedActivity | DoneActivity | CancelledActivity;
export type ActivityState = NoActivity | ExistingActivity;

export const initialActivityState: ActivityState = { status: 'NONE' };

/** The links in force now (not ended), whatever day they take effect. */
export const openLinks = (activity: ExistingActivity): readonly ActivityLink[] =>
  activity.links.filter((link) => link.endedOn === null);

const isOpenLinkTo = (link: ActivityLink, objectiveId: string): boolean =>
  link.objectiveId === objectiveId && link.endedOn === null;

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveActivity = (state: ActivityState, event: ActivityEvent): ActivityState => {
  if (event.type === 'ActivityPlanned') {
    if (state.status !== 'NONE') return state;
    return { status: 'PLANNED', ...event.data, links: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ActivityLinkedToObjective': {
      const { objectiveId, rationale, weight, effectiveFrom, linkedAt } = event.data;
      const link: ActivityLink = {
        objectiveId,
        rationale,
        weight,
        effectiveFrom,
        linkedAt,
        endedOn: null,
        endReason: null,
      };
      return { ...state, links: [...state.links, link] };
    }
    case 'ActivityUnlinkedFromObjective': {
      const { objectiveId, endedOn, reason } = event.data;
      return {
        ...state,
        links: state.links.map((link) =>
          isOpenLinkTo(link, objectiveId) ? { ...link, endedOn, endReason: reason } : link,
        ),
      };
    }
    case 'ActivityRescheduled': {
      const { startsOn, endsOn, movedLinks } = event.data;
      const links = state.links.map((link) => {
        const moved = movedLinks.find((m) => isOpenLinkTo(link, m.objectiveId));
        return moved ? { ...link, effectiveFrom: moved.effectiveFrom } : link;
      });
      return { ...state, startsOn, endsOn, links };
    }
    case 'ActivityReassigned':
      return { ...state, responsible: event.data.responsible };
    case 'ActivityCompleted':
      if (state.status !== 'PLANNED') return state;
      return { ...state, status: 'DONE', completedOn: event.data.completedOn };
    case 'ActivityCancelled':
      if (state.status !== 'PLANNED') return state;
      return { ...state, status: 'CANCELLED', cancelledOn: event.data.cancelledOn, cancelReason: event.data.reason };
    default:
      return assertNever(event);
  }
};
