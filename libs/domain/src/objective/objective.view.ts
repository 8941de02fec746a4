import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { MetricDirection, ObjectiveDefined, ObjectiveEvent, ObjectiveOutcome } from './objective.events';

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

/**
 * What the objective was defined with, as it stands now: the title, the due day and the metric's
 * `target` and `direction` follow the latest revision.
 */
interface ObjectiveShown extends Stamps, Readonly<ObjectiveDefined['data']> {
  /**
   * The measurement that says where the objective stands: the latest measuredOn, the later
   * recorded winning a tie (see assessObjective). The whole list is a read model of its own
   * (objective_measurement), because it is the one list that grows with the stream: a metrics
   * feed makes an objective of ten thousand measurements.
   */
  readonly currentMeasurement: Measurement | null;
  readonly measurementCount: number;
  /**
   * Oldest first; the original target is the first revision's previousTarget. Copied only on a
   * revision, which is a deliberate act with a reason (a handful in an objective's life), never
   * on a measurement: a stream of measurements folds in linear time whatever this holds.
   */
  readonly targetRevisions: readonly TargetRevision[];
}

export interface NoObjectiveView {
  readonly status: 'NONE';
}

export interface ActiveObjectiveView extends ObjectiveShown {
  readonly status: 'ACTIVE';
}

export interface ClosedObjectiveView extends ObjectiveShown {
  readonly status: ObjectiveOutcome;
  readonly closure: ObjectiveClosure;
}

export type DefinedObjectiveView = ActiveObjectiveView | ClosedObjectiveView;
export type ObjectiveView = NoObjectiveView | DefinedObjectiveView;

export const initialObjectiveView: ObjectiveView = { status: 'NONE' };

/**
 * Whether `next` replaces `current` as the current measurement. Measurements arrive in the order
 * recorded, so `>=` lets the later-recorded one win a tie. `decide` refuses a measuredOn after
 * the day it records, so from the day of the last recording on, the latest measuredOn is the
 * measurement a list-based search (currentMeasurement) would pick for any day asked about.
 */
const replaces = (current: Measurement | null, next: Measurement): boolean =>
  current === null || next.measuredOn >= current.measuredOn;

// Mirrors evolveObjective: an event the decider's fold would ignore changes nothing shown but
// the revision.
export const evolveObjectiveView = (view: ObjectiveView, event: ObjectiveEvent, facts: RecordedFacts): ObjectiveView => {
  if (event.type === 'ObjectiveDefined') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
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
      currentMeasurement: null,
      measurementCount: 0,
      targetRevisions: [],
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  // Measurements are most of a long stream: their case below spreads the view once, not twice.
  if (event.type === 'ProgressRecorded') {
    const { value, measuredOn, note, recordedAt, recordedBy } = event.data;
    const measurement: Measurement = { value, measuredOn, note, recordedAt, recordedBy };
    return {
      ...view,
      revision: facts.revision,
      updatedAt: facts.recordedAt,
      currentMeasurement: replaces(view.currentMeasurement, measurement) ? measurement : view.currentMeasurement,
      measurementCount: view.measurementCount + 1,
    };
  }
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'ObjectiveRetitled':
      return { ...touched, title: event.data.title };
    case 'ObjectiveTargetRevised': {
      const { target, previousTarget, direction, reason, revisedAt, revisedBy } = event.data;
      return {
        ...touched,
        metric: { ...view.metric, target, direction },
        targetRevisions: [...view.targetRevisions, { target, previousTarget, direction, reason, at: revisedAt, by: revisedBy }],
      };
    }
    case 'ObjectiveDueDateMoved':
      return { ...touched, dueOn: event.data.dueOn };
    case 'ObjectiveTransferred':
      return { ...touched, pmoId: event.data.toPmoId };
    case 'ObjectiveClosed': {
      if (view.status !== 'ACTIVE') return touched;
      const { outcome, reason, closedOn, closedAt } = event.data;
      return { ...touched, status: outcome, closure: { outcome, reason, closedOn, closedAt } };
    }
    default:
      return assertNever(event);
  }
};

export const objectiveView: ViewProjection<ObjectiveEvent, ObjectiveView> = {
  initialState: initialObjectiveView,
  evolve: evolveObjectiveView,
};
