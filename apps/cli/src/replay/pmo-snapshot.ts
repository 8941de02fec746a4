import { assessObjective, dayOf, mandateInForce, type ExistingPlanView } from '@throughline/domain';
import type { EntityKind } from '@throughline/read-models';
import type { AsOfFolds } from '@throughline/read-models';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND, PMO_KIND } from '@throughline/runtime';
import type { PmoEntities } from './pmo-entities';

/** A PMO as it stood at an instant: what the service would have answered then. */
export interface PmoSnapshot {
  readonly asOf: string;
  readonly pmo: { readonly id: string; readonly name: string; readonly kind: string; readonly head: string | null };
  readonly mandate: {
    readonly version: number;
    readonly purpose: string;
    readonly statement: string;
    readonly sponsor: string;
    readonly effectiveFrom: string;
  } | null;
  readonly objectives: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly unit: string;
    readonly baseline: number;
    readonly target: number;
    readonly currentValue: number | null;
    readonly progress: number;
    readonly expectedProgress: number;
    readonly health: string;
  }[];
  readonly plan: {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly version: number;
    readonly baselineVersion: number | null;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly activities: readonly {
      readonly id: string;
      readonly title: string;
      readonly status: string;
      readonly responsible: string;
      readonly startsOn: string;
      readonly endsOn: string;
    }[];
  } | null;
}

/**
 * The plan in force on a day: of the plans whose period covers it, the approved one drafted last,
 * else the one drafted last; when none covers the day, the plan drafted last.
 */
const planInForce = (plans: readonly ExistingPlanView[], day: string): ExistingPlanView | null => {
  const latestFirst = [...plans].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const covering = latestFirst.filter((p) => p.periodStart <= day && day <= p.periodEnd);
  return covering.find((p) => p.status === 'APPROVED') ?? covering[0] ?? latestFirst[0] ?? null;
};

/** Folds the PMO and what it owns to the instant; null when the PMO did not exist yet. */
export async function snapshotPmo(folds: AsOfFolds, pmoId: string, owned: PmoEntities, asOf: string): Promise<PmoSnapshot | null> {
  const foldAll = async <V extends { readonly status: string }>(kind: EntityKind<V>, ids: readonly string[]): Promise<Exclude<V, { readonly status: 'NONE' }>[]> => {
    const folded: (V | null)[] = await Promise.all(ids.map(async (entityId) => (await folds.fold(`${kind.category}-${entityId}`, kind.view, asOf))?.view ?? null));
    return folded.filter((v): v is Exclude<V, { readonly status: 'NONE' }> => v !== null && v.status !== 'NONE');
  };

  const [pmo] = await foldAll(PMO_KIND, [pmoId]);
  if (!pmo) return null;
  const day = dayOf(asOf);
  const mandate = mandateInForce(pmo, day);
  // Candidates may have belonged to the PMO at another instant (a merger moves them): only those
  // that were its own at this one count.
  const own = <V extends { readonly pmoId: string }>(views: V[]) => views.filter((v) => v.pmoId === pmoId);
  const objectives = own(await foldAll(OBJECTIVE_KIND, owned.objectives)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const plan = planInForce(own(await foldAll(PLAN_KIND, owned.plans)), day);
  const activities = plan ? await foldAll(ACTIVITY_KIND, owned.activities) : [];

  return {
    asOf,
    pmo: { id: pmo.pmoId, name: pmo.name, kind: pmo.kind, head: pmo.head },
    mandate: mandate && {
      version: mandate.version,
      purpose: mandate.purpose,
      statement: mandate.statement,
      sponsor: mandate.sponsor,
      effectiveFrom: mandate.effectiveFrom,
    },
    // Judged on the day of the instant, as the service judges an objective asked for as of it.
    objectives: objectives.map((objective) => {
      const assessment = assessObjective(objective, day);
      return {
        id: objective.objectiveId,
        title: objective.title,
        status: objective.status,
        unit: objective.metric.unit,
        baseline: objective.metric.baseline,
        target: objective.metric.target,
        currentValue: assessment.currentValue,
        progress: assessment.progress,
        expectedProgress: assessment.expectedProgress,
        health: assessment.health,
      };
    }),
    plan: plan
      ? {
          id: plan.planId,
          title: plan.title,
          status: plan.status,
          version: plan.version,
          baselineVersion: plan.approvedVersion,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          activities: activities
            .filter((a) => a.planId === plan.planId)
            .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.title.localeCompare(b.title)))
            .map((a) => ({ id: a.activityId, title: a.title, status: a.status, responsible: a.responsible, startsOn: a.startsOn, endsOn: a.endsOn })),
        }
      : null,
  };
}
