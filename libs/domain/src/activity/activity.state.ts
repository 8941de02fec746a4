import { assertNever } from '../shared/decider';
import { maxDate, type LocalDate } from '../shared/local-date';
import type { ActivityEvent } from './activity.events';

/** IN_PROGRESS is not a state of the activity: read models derive it from logged work. */
export const ACTIVITY_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** A link in force: the activity contributes to the objective from `effectiveFrom` on. */
export interface OpenLink {
  readonly objectiveId: string;
  readonly effectiveFrom: LocalDate;
}

/**
 * The decider's state: what `decide` reads (the life cycle, the plan, the schedule, the responsible
 * person a reassignment compares with, the links in force, and how far ended links already
 * credited each objective), plus `pmoId` and `responsible`, which permission checks read. The
 * title, description, mode, estimate and the whole link history are shown by the view
 * (activity.view.ts).
 */
interface ActivityFacts {
  readonly activityId: string;
  readonly planId: string;
  readonly pmoId: string;
  readonly responsible: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  /** In the order linked; at most one per objective. */
  readonly openLinks: readonly OpenLink[];
  /**
   * Per objective, the latest day an ended link stopped crediting it (its endedOn), counting only
   * links that credited at least one day. A new or moved link must not start before it, or that
   * work would count twice. One entry per objective ever linked, whatever the number of periods.
   */
  readonly creditedUntil: Readonly<Record<string, LocalDate>>;
}

export interface NoActivity {
  readonly status: 'NONE';
}

export interface PlannedActivity extends ActivityFacts {
  readonly status: 'PLANNED';
}

export interface DoneActivity extends ActivityFacts {
  readonly status: 'DONE';
}

export interface CancelledActivity extends ActivityFacts {
  readonly status: 'CANCELLED';
}

export type ExistingActivity = PlannedActivity | DoneActivity | CancelledActivity;
export type ActivityState = NoActivity | ExistingActivity;

export const initialActivityState: ActivityState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveActivity = (state: ActivityState, event: ActivityEvent): ActivityState => {
  if (event.type === 'ActivityPlanned') {
    if (state.status !== 'NONE') return state;
    const { activityId, planId, pmoId, responsible, startsOn, endsOn } = event.data;
    return { status: 'PLANNED', activityId, planId, pmoId, responsible, startsOn, endsOn, openLinks: [], creditedUntil: {} };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ActivityLinkedToObjective': {
      const { objectiveId, effectiveFrom } = event.data;
      return { ...state, openLinks: [...state.openLinks, { objectiveId, effectiveFrom }] };
    }
    case 'ActivityUnlinkedFromObjective': {
      const { objectiveId, endedOn } = event.data;
      const ended = state.openLinks.find((link) => link.objectiveId === objectiveId);
      if (!ended) return state;
      const credited = ended.effectiveFrom < endedOn;
      const until = state.creditedUntil[objectiveId];
      return {
        ...state,
        openLinks: state.openLinks.filter((link) => link !== ended),
        creditedUntil: credited
          ? { ...state.creditedUntil, [objectiveId]: until === undefined ? endedOn : maxDate(until, endedOn) }
          : state.creditedUntil,
      };
    }
    case 'ActivityRescheduled': {
      const { startsOn, endsOn, movedLinks } = event.data;
      const openLinks = state.openLinks.map((link) => {
        const moved = movedLinks.find((m) => m.objectiveId === link.objectiveId);
        return moved ? { ...link, effectiveFrom: moved.effectiveFrom } : link;
      });
      return { ...state, startsOn, endsOn, openLinks };
    }
    case 'ActivityReassigned':
      return { ...state, responsible: event.data.responsible };
    case 'ActivityTransferred':
      return { ...state, pmoId: event.data.toPmoId };
    case 'ActivityCompleted':
      if (state.status !== 'PLANNED') return state;
      return { ...state, status: 'DONE' };
    case 'ActivityCancelled':
      if (state.status !== 'PLANNED') return state;
      return { ...state, status: 'CANCELLED' };
    default:
      return assertNever(event);
  }
};
