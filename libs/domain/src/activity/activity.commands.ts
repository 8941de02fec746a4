import type { TransferToSuccessor } from '../shared/transfer';
import type { LocalDate } from '../shared/local-date';
import type { PlanStatus } from '../plan/plan.state';
import type { ActivityMode } from './activity.events';

/** The plan as the application read it; a plan that does not exist is PLAN_NOT_FOUND there. */
export interface PlanSnapshot {
  readonly planId: string;
  readonly pmoId: string;
  readonly status: PlanStatus;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
}

/** The objective as the application read it; one that does not exist is OBJECTIVE_NOT_FOUND there. */
export interface ObjectiveSnapshot {
  readonly objectiveId: string;
  readonly pmoId: string;
  readonly status: 'ACTIVE' | 'ACHIEVED' | 'MISSED' | 'ABANDONED';
}

export interface PlannedContribution {
  readonly objective: ObjectiveSnapshot;
  readonly rationale: string;
  /** null means 1. */
  readonly weight: number | null;
}

export interface PlanActivity {
  readonly type: 'PlanActivity';
  readonly activityId: string;
  readonly plan: PlanSnapshot;
  readonly title: string;
  readonly description: string | null;
  readonly responsible: string;
  readonly mode: ActivityMode;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly effortEstimateHours: number | null;
  /** Each takes effect on startsOn. */
  readonly contributions: readonly PlannedContribution[];
}

export interface LinkActivityToObjective {
  readonly type: 'LinkActivityToObjective';
  readonly activityId: string;
  readonly plan: PlanSnapshot;
  readonly objective: ObjectiveSnapshot;
  readonly rationale: string;
  readonly weight: number | null;
  /** null means today; an earlier day backdates the link, so past work is credited too. */
  readonly effectiveFrom: LocalDate | null;
}

export interface UnlinkActivityFromObjective {
  readonly type: 'UnlinkActivityFromObjective';
  readonly activityId: string;
  readonly plan: PlanSnapshot;
  readonly objectiveId: string;
  readonly reason: string;
}

export interface RescheduleActivity {
  readonly type: 'RescheduleActivity';
  readonly activityId: string;
  readonly plan: PlanSnapshot;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly reason: string;
}

export interface ReassignActivity {
  readonly type: 'ReassignActivity';
  readonly activityId: string;
  readonly responsible: string;
  readonly reason: string | null;
}

export interface CompleteActivity {
  readonly type: 'CompleteActivity';
  readonly activityId: string;
}

export interface CancelActivity {
  readonly type: 'CancelActivity';
  readonly activityId: string;
  readonly plan: PlanSnapshot;
  readonly reason: string;
}

/** A step of a merger: a non-cancelled activity of a current plan carries on under the successor. */
export interface TransferActivity extends TransferToSuccessor {
  readonly type: 'TransferActivity';
  readonly activityId: string;
}

export type ActivityCommand =
  | TransferActivity
  | PlanActivity
  | LinkActivityToObjective
  | UnlinkActivityFromObjective
  | RescheduleActivity
  | ReassignActivity
  | CompleteActivity
  | CancelActivity;
