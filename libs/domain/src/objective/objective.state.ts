import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { Metric, MetricDirection, ObjectiveEvent, ObjectiveOutcome } from './objective.events';

export interface Measurement {
  readonly value: number;
  readonly measuredOn: LocalDate;
  readonly note: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface TargetRevision {
  readonly target: number;
  readonly previousTarget: number;
  readonly direction: MetricDirection;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}

export interface ObjectiveClosure {
  readonly outcome: ObjectiveOutcome;
  readonly reason: string;
  readonly closedOn: LocalDate;
  readonly closedAt: string;
}

interface ObjectiveFacts {
  readonly objectiveId: string;
  readonly pmoId: string;
  readonly title: string;
  readonly description: string | null;
  /** The metric as it stands now: `target` and `direction` follow the latest revision. */
  readonly metric: Metric;
  readonly startsOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly owner: string;
  /** In the order recorded; the current value is not necessarily the last (see assessObjective). */
  readonly measurements: readonly Measurement[];
  /** Oldest first; the original target is the first revision's previousTarget. */
  readonly targetRevisions: readonly TargetRevision[];
}

export interface NoObjective {
  readonly status: 'NONE';
}

export interface ActiveObjective extends ObjectiveFacts {
  readonly status: 'ACTIVE';
}

export interface ClosedObjective extends ObjectiveFacts {
  readonly status: ObjectiveOutcome;
  readonly closure: ObjectiveClosure;
}

export type DefinedObjective = ActiveObjective | ClosedObjective;
export type ObjectiveState = NoObjective | DefinedObjective;

export const initialObjectiveState: ObjectiveState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveObjective = (state: ObjectiveState, event: ObjectiveEvent): ObjectiveState => {
  if (event.type === 'ObjectiveDefined') {
    if (state.status !== 'NONE') return state;
    const { objectiveId, pmoId, title, description, metric, startsOn, dueOn, owner } = event.data;
    return {
      status: 'ACTIVE',
      objectiveId,
      pmoId,
      title,
      description,
      metric,
      startsOn,
      dueOn,
      owner,
      measurements: [],
      targetRevisions: [],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ObjectiveRetitled':
      return { ...state, title: event.data.title };
    case 'ObjectiveTargetRevised': {
      const { target, previousTarget, direction, reason, revisedAt, revisedBy } = event.data;
      return {
        ...state,
        metric: { ...state.metric, target, direction },
        targetRevisions: [
          ...state.targetRevisions,
          { target, previousTarget, direction, reason, at: revisedAt, by: revisedBy },
        ],
      };
    }
    case 'ObjectiveDueDateMoved':
      return { ...state, dueOn: event.data.dueOn };
    case 'ProgressRecorded': {
      const { value, measuredOn, note, recordedAt, recordedBy } = event.data;
      return { ...state, measurements: [...state.measurements, { value, measuredOn, note, recordedAt, recordedBy }] };
    }
    case 'ObjectiveClosed': {
      if (state.status !== 'ACTIVE') return state;
      const { outcome, reason, closedOn, closedAt } = event.data;
      return { ...state, status: outcome, closure: { outcome, reason, closedOn, closedAt } };
    }
    default:
      return assertNever(event);
  }
};
