import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { Metric, ObjectiveEvent, ObjectiveOutcome } from './objective.events';

/**
 * The decider's state: only what `decide` reads (the life cycle, the title, baseline and target a
 * revision compares with, the dates a measurement and a new due date are checked against), plus
 * `pmoId` and `owner`, which permission checks read. What the API shows besides (description,
 * the whole metric, measurements, target revisions, the closure) lives in the view
 * (objective.view.ts), so a long stream folds here in constant space.
 */
interface ObjectiveFacts {
  readonly objectiveId: string;
  readonly pmoId: string;
  readonly owner: string;
  readonly title: string;
  /** Revisions change the target; the baseline never changes. */
  readonly metric: Pick<Metric, 'baseline' | 'target'>;
  readonly startsOn: LocalDate;
  readonly dueOn: LocalDate;
}

export interface NoObjective {
  readonly status: 'NONE';
}

export interface ActiveObjective extends ObjectiveFacts {
  readonly status: 'ACTIVE';
}

export interface ClosedObjective extends ObjectiveFacts {
  readonly status: ObjectiveOutcome;
  /** Named in the refusal of any further change. */
  readonly closedOn: LocalDate;
}

export type DefinedObjective = ActiveObjective | ClosedObjective;
export type ObjectiveState = NoObjective | DefinedObjective;

export const initialObjectiveState: ObjectiveState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveObjective = (state: ObjectiveState, event: ObjectiveEvent): ObjectiveState => {
  if (event.type === 'ObjectiveDefined') {
    if (state.status !== 'NONE') return state;
    const { objectiveId, pmoId, owner, title, metric, startsOn, dueOn } = event.data;
    return {
      status: 'ACTIVE',
      objectiveId,
      pmoId,
      owner,
      title,
      metric: { baseline: metric.baseline, target: metric.target },
      startsOn,
      dueOn,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ObjectiveRetitled':
      return { ...state, title: event.data.title };
    case 'ObjectiveTargetRevised':
      return { ...state, metric: { ...state.metric, target: event.data.target } };
    case 'ObjectiveDueDateMoved':
      return { ...state, dueOn: event.data.dueOn };
    case 'ProgressRecorded':
      // Nothing a decision reads: measurements are the view's.
      return state;
    case 'ObjectiveTransferred':
      return { ...state, pmoId: event.data.toPmoId };
    case 'ObjectiveClosed': {
      if (state.status !== 'ACTIVE') return state;
      return { ...state, status: event.data.outcome, closedOn: event.data.closedOn };
    }
    default:
      return assertNever(event);
  }
};
