import { assessObjective, dayOf, type LocalDate, type ObjectiveState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import type { Objective } from './objective.types';

/**
 * The GraphQL view of a folded objective. Health is judged on `today`: the current day, or the
 * day of the `asOf` instant, so an answer as of the past is what was answered then.
 */
export const toObjectiveView = (
  record: EntityRecord<ObjectiveState> | null,
  asOf: string | null,
  today: LocalDate,
): Objective | null => {
  if (!record || record.state.status === 'NONE') return null;
  const { state } = record;
  const day = asOf ? dayOf(asOf) : today;
  const assessment = assessObjective(state, day);
  return {
    id: state.objectiveId,
    title: state.title,
    description: state.description,
    metric: state.metric,
    startsOn: state.startsOn,
    dueOn: state.dueOn,
    owner: state.owner,
    status: state.status,
    health: assessment.health,
    currentValue: assessment.currentValue,
    progress: assessment.progress,
    expectedProgress: assessment.expectedProgress,
    measurements: [...state.measurements],
    targetRevisions: state.targetRevisions.map((r) => ({
      previousTarget: r.previousTarget,
      target: r.target,
      reason: r.reason,
      revisedAt: r.at,
      revisedBy: r.by,
    })),
    closure: state.status === 'ACTIVE' ? null : state.closure,
    definedAt: record.createdAt,
    revision: record.revision,
    pmoId: state.pmoId,
    asOf,
  };
};
