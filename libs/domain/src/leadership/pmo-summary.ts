import type { RecordedDeviationView } from '../deviation/deviation.view';
import type { ExistingFeedbackView } from '../feedback/feedback.view';
import { OBJECTIVE_HEALTHS, type ObjectiveHealth } from '../objective/objective.health';
import type { ObjectiveOnDay } from '../objective/objective.trend';
import { daysBetween, dayOf, type LocalDate } from '../shared/local-date';

export interface HealthCount {
  readonly health: ObjectiveHealth;
  readonly objectives: number;
}

export interface ObjectivesSummary {
  readonly objectives: number;
  /** Every health, in the domain's order, each once: a health no objective has counts 0. */
  readonly byHealth: readonly HealthCount[];
  /** Over the objectives still ACTIVE on the day; 0 when none is. */
  readonly meanProgress: number;
  readonly meanExpectedProgress: number;
}

/** A PMO's objectives, each judged on one day (assessObjectiveOn), counted and averaged. */
export const summariseObjectives = (judged: readonly Pick<ObjectiveOnDay, 'health' | 'progress' | 'expectedProgress' | 'active'>[]): ObjectivesSummary => {
  const counts = new Map<ObjectiveHealth, number>(OBJECTIVE_HEALTHS.map((health) => [health, 0]));
  let active = 0;
  let progress = 0;
  let expected = 0;
  for (const objective of judged) {
    counts.set(objective.health, (counts.get(objective.health) ?? 0) + 1);
    if (!objective.active) continue;
    active += 1;
    progress += objective.progress;
    expected += objective.expectedProgress;
  }
  return {
    objectives: judged.length,
    byHealth: OBJECTIVE_HEALTHS.map((health) => ({ health, objectives: counts.get(health) ?? 0 })),
    meanProgress: active === 0 ? 0 : progress / active,
    meanExpectedProgress: active === 0 ? 0 : expected / active,
  };
};

/**
 * Feedback was open on `day` when it had been raised by then (the day its event was recorded)
 * and was not resolved by then, as far as the view knows: one resolved later was open that day.
 */
export const feedbackOpenOn = (feedback: ExistingFeedbackView, day: LocalDate): boolean =>
  dayOf(feedback.raisedAt) <= day && (feedback.status === 'OPEN' || dayOf(feedback.resolution.resolvedAt) > day);

/** Whole days an item open on `day` had waited since it was raised. */
export const feedbackWaitedOn = (feedback: ExistingFeedbackView, day: LocalDate): number => Math.max(0, daysBetween(dayOf(feedback.raisedAt), day));

/**
 * A deviation awaited its decision on `day` when it had been requested by then, had not ended
 * (a request past its `until` has EXPIRED), and was not decided, approved, rejected or withdrawn,
 * by then as far as the view knows. A MINOR deviation is decided when requested, so never awaits.
 */
export const deviationAwaitsDecisionOn = (deviation: Pick<RecordedDeviationView, 'status' | 'requestedOn' | 'until' | 'decidedOn'>, day: LocalDate): boolean =>
  deviation.requestedOn <= day &&
  day <= deviation.until &&
  (deviation.status === 'REQUESTED' || (deviation.decidedOn !== null && deviation.decidedOn > day));

export interface NamedPmoNode {
  readonly pmoId: string;
  readonly parentId: string | null;
  readonly name: string;
}

/**
 * PMOs parents first: depth first from the roots, siblings by name and then by id, so the order
 * is stable whatever order they were read in. A PMO whose parent is not among them is a root.
 */
export const organisationOrder = <P extends NamedPmoNode>(pmos: readonly P[]): P[] => {
  const byName = (a: P, b: P) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.pmoId < b.pmoId ? -1 : a.pmoId > b.pmoId ? 1 : 0);
  const known = new Set(pmos.map((pmo) => pmo.pmoId));
  const children = new Map<string | null, P[]>();
  for (const pmo of pmos) {
    const parent = pmo.parentId !== null && known.has(pmo.parentId) ? pmo.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(pmo);
    else children.set(parent, [pmo]);
  }
  const ordered: P[] = [];
  const visited = new Set<string>();
  const visit = (pmo: P): void => {
    // A parent chain never loops (the domain refuses it); the guard keeps a corrupt one finite.
    if (visited.has(pmo.pmoId)) return;
    visited.add(pmo.pmoId);
    ordered.push(pmo);
    for (const child of (children.get(pmo.pmoId) ?? []).sort(byName)) visit(child);
  };
  for (const root of (children.get(null) ?? []).sort(byName)) visit(root);
  return ordered;
};
