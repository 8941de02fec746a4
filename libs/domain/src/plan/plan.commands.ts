import type { TransferToSuccessor } from '../shared/transfer';
import type { LocalDate } from '../shared/local-date';

export interface DraftBusinessPlan {
  readonly type: 'DraftBusinessPlan';
  readonly planId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly title: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  /** The shared template it is drafted from, which the application checked exists. */
  readonly templateId?: string | null;
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

/** A step of a merger: a current plan carries on under the successor. */
export interface TransferBusinessPlan extends TransferToSuccessor {
  readonly type: 'TransferBusinessPlan';
  readonly planId: string;
}

export type PlanCommand =
  | TransferBusinessPlan
  | DraftBusinessPlan
  | SubmitBusinessPlan
  | ApproveBusinessPlan
  | ReturnBusinessPlan
  | ReviseBusinessPlan;
