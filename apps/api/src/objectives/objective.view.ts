import { assessObjective, dayOf, type LocalDate, type ObjectiveView } from '@throughline/domain';
import type { Objective } from './objective.types';

/**
 * The GraphQL view of a folded objective. Health is judged on `today`: the current day, or the
 * day of the `asOf` instant, so an answer as of the past is what was answered then. Its
 * measurements are a field of their own (objective-measurements.resolver.ts), read from their
 * read model only when asked for.
 */
export const toObjectiveView = (view: ObjectiveView | null, asOf: string | null, today: LocalDate): Objective | null => {
  if (!view || view.status === 'NONE') return null;
  const day = asOf ? dayOf(asOf) : today;
  const assessment = assessObjective(view, day);
  return {
    id: view.objectiveId,
    title: view.title,
    description: view.description,
    metric: view.metric,
    startsOn: view.startsOn,
    dueOn: view.dueOn,
    owner: view.owner,
    status: view.status,
    health: assessment.health,
    currentValue: assessment.currentValue,
    progress: assessment.progress,
    expectedProgress: assessment.expectedProgress,
    targetRevisions: view.targetRevisions.map((r) => ({
      previousTarget: r.previousTarget,
      target: r.target,
      reason: r.reason,
      revisedAt: r.at,
      revisedBy: r.by,
    })),
    closure: view.status === 'ACTIVE' ? null : view.closure,
    definedAt: view.createdAt,
    revision: view.revision,
    pmoId: view.pmoId,
    asOf,
  };
};
