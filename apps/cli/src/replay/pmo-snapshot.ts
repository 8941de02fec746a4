import {
  assessObjective,
  dayOf,
  mandateInForce,
  type ActivityState,
  type ObjectiveState,
  type PlanState,
  type PmoState,
} from '@throughline/domain';
import type { EntityKind, EntityRecord } from '@throughline/read-models';
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
const planInForce = (plans: readonly EntityRecord<PlanState>[], day: string): EntityRecord<PlanState> | null => {
  const latestFirst = [...plans].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const covering = latestFirst.filter((p) => p.state.status !== 'NONE' && p.state.periodStart <= day && day <= p.state.periodEnd);
  return covering.find((p) => p.state.status === 'APPROVED') ?? covering[0] ?? latestFirst[0] ?? null;
};

/** Folds the PMO and what it owns to the instant; null when the PMO did not exist yet. */
export async function snapshotPmo(folds: AsOfFolds, pmoId: string, owned: PmoEntities, asOf: string): Promise<PmoSnapshot | null> {
  const foldAll = async <S>(kind: EntityKind, ids: readonly string[]): Promise<EntityRecord<S>[]> => {
    const folded = await Promise.all(
      ids.map(async (entityId) => {
        const result = await folds.fold(`${kind.category}-${entityId}`, (kind as EntityKind<S>).decider, asOf);
        return result && { entityId, ...result };
      }),
    );
    return folded.filter((r): r is EntityRecord<S> => r !== null && (r.state as { status: string }).status !== 'NONE');
  };

  const [pmo] = await foldAll<PmoState>(PMO_KIND, [pmoId]);
  if (!pmo || pmo.state.status === 'NONE') return null;
  const day = dayOf(asOf);
  const mandate = mandateInForce(pmo.state, day);
  const objectives = (await foldAll<ObjectiveState>(OBJECTIVE_KIND, owned.objectives)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const plan = planInForce(await foldAll<PlanState>(PLAN_KIND, owned.plans), day);
  const activities = plan ? await foldAll<ActivityState>(ACTIVITY_KIND, owned.activities) : [];

  return {
    asOf,
    pmo: { id: pmo.state.pmoId, name: pmo.state.name, kind: pmo.state.kind, head: pmo.state.head },
    mandate: mandate && {
      version: mandate.version,
      purpose: mandate.purpose,
      statement: mandate.statement,
      sponsor: mandate.sponsor,
      effectiveFrom: mandate.effectiveFrom,
    },
    // Judged on the day of the instant, as the service judges an objective asked for as of it.
    objectives: objectives.flatMap(({ state }) => {
      if (state.status === 'NONE') return [];
      const assessment = assessObjective(state, day);
      return [{
        id: state.objectiveId,
        title: state.title,
        status: state.status,
        unit: state.metric.unit,
        baseline: state.metric.baseline,
        target: state.metric.target,
        currentValue: assessment.currentValue,
        progress: assessment.progress,
        expectedProgress: assessment.expectedProgress,
        health: assessment.health,
      }];
    }),
    plan:
      plan && plan.state.status !== 'NONE'
        ? {
            id: plan.state.planId,
            title: plan.state.title,
            status: plan.state.status,
            version: plan.state.version,
            baselineVersion: plan.state.approvedVersion,
            periodStart: plan.state.periodStart,
            periodEnd: plan.state.periodEnd,
            activities: activities
              .flatMap((a) => (a.state.status !== 'NONE' && a.state.planId === plan.entityId ? [a.state] : []))
              .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.title.localeCompare(b.title)))
              .map((a) => ({ id: a.activityId, title: a.title, status: a.status, responsible: a.responsible, startsOn: a.startsOn, endsOn: a.endsOn })),
          }
        : null,
  };
}
