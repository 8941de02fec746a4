import type { LocalDate } from '../shared/local-date';

export interface DraftBusinessPlan {
  readonly type: 'DraftBusinessPlan';
  readonly planId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly title: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
}

export interface SubmitBusinessPlan {
  readonly type: 'SubmitBusinessPlan';
  readonly planId: string;
  readonly reason: string | null;
}

export interface ApproveBusinessPlan {
  readonly type: 'ApproveBusinessPlan';
  readonly planId: string;
  readonly reason: string | null;
}

export interface ReturnBusinessPlan {
  readonly type: 'ReturnBusinessPlan';
  readonly planId: string;
  readonly reason: string;
}

export interface ReviseBusinessPlan {
  readonly type: 'ReviseBusinessPlan';
  readonly planId: string;
  readonly reason: string | null;
}

export type PlanCommand =
  | DraftBusinessPlan
  | SubmitBusinessPlan
  | ApproveBusinessPlan
  | ReturnBusinessPlan
  | ReviseBusinessPlan;
