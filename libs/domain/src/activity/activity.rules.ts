import { DomainError, badInput } from '../shared/domain-error';
import type { LocalDate } from '../shared/local-date';
import { finiteNumber, localDate } from '../shared/input';
import { isPlanEditable } from '../plan/plan.state';
import type { ObjectiveSnapshot, PlanSnapshot } from './activity.commands';
import type { ActivityState, PlannedActivity } from './activity.state';

/** An activity that exists and still takes changes. */
export const openActivity = (state: ActivityState, activityId: string): PlannedActivity => {
  if (state.status === 'NONE') throw new DomainError('ACTIVITY_NOT_FOUND', `activity ${activityId} does not exist`);
  if (state.status !== 'PLANNED') {
    throw new DomainError('ACTIVITY_CLOSED', `activity ${activityId} is ${state.status} and takes no change`);
  }
  return state;
};

export const editablePlan = (plan: PlanSnapshot, activity?: PlannedActivity): PlanSnapshot => {
  // A snapshot of another plan is a fault in the application, not in the user's input.
  if (activity && activity.planId !== plan.planId) {
    throw new Error(`activity ${activity.activityId} is in plan ${activity.planId}, not ${plan.planId}`);
  }
  if (!isPlanEditable(plan.status)) {
    throw new DomainError('PLAN_NOT_EDITABLE', `plan ${plan.planId} is ${plan.status}: its activities cannot change`);
  }
  return plan;
};

/** Validated dates of an activity: endsOn not before startsOn, both inside the plan period. */
export const schedule = (
  plan: PlanSnapshot,
  startsOnInput: unknown,
  endsOnInput: unknown,
): { startsOn: LocalDate; endsOn: LocalDate } => {
  const startsOn = localDate('startsOn', startsOnInput);
  const endsOn = localDate('endsOn', endsOnInput);
  if (endsOn < startsOn) throw badInput('endsOn', 'endsOn must not be before startsOn');
  const period = `${plan.periodStart}..${plan.periodEnd}`;
  if (startsOn < plan.periodStart) {
    throw new DomainError('ACTIVITY_OUTSIDE_PLAN_PERIOD', `startsOn is before the plan period ${period}`, 'startsOn');
  }
  if (endsOn > plan.periodEnd) {
    throw new DomainError('ACTIVITY_OUTSIDE_PLAN_PERIOD', `endsOn is after the plan period ${period}`, 'endsOn');
  }
  return { startsOn, endsOn };
};

export const linkWeight = (field: string, value: number | null | undefined): number => {
  if (value === null || value === undefined) return 1;
  const weight = finiteNumber(field, value);
  if (weight <= 0) throw badInput(field, `${field} must be greater than 0`);
  return weight;
};

/** An objective that an activity of `pmoId` may contribute to now. */
export const linkableObjective = (field: string, objective: ObjectiveSnapshot, pmoId: string): ObjectiveSnapshot => {
  if (objective.pmoId !== pmoId) {
    throw new DomainError(
      'OBJECTIVE_OF_OTHER_PMO',
      `objective ${objective.objectiveId} belongs to another PMO than the activity's plan`,
      field,
    );
  }
  if (objective.status !== 'ACTIVE') {
    throw new DomainError(
      'OBJECTIVE_NOT_ACTIVE',
      `objective ${objective.objectiveId} is ${objective.status}: only an ACTIVE objective takes contributions`,
      field,
    );
  }
  return objective;
};

export const alreadyLinked = (objectiveId: string, field: string): DomainError =>
  new DomainError('ACTIVITY_ALREADY_LINKED', `the activity already contributes to objective ${objectiveId}`, field);
