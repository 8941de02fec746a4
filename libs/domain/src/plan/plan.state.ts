import type { LocalDate } from '../shared/local-date';
import { assertNever } from '../shared/decider';
import type { PlanEvent } from './plan.events';

export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The plan's own status is that of its latest version, which is never SUPERSEDED. */
export type CurrentPlanStatus = Exclude<PlanStatus, 'SUPERSEDED'>;

/**
 * The decider's state: the latest version, its status, who submitted it (the approval rules read
 * it) and the approved version it would supersede, the period (activities are judged against it
 * through a snapshot of the plan), plus `pmoId` for permission checks. The title and the history
 * of versions are shown by the view (plan.view.ts).
 */
interface PlanFacts {
  readonly planId: string;
  readonly pmoId: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  /** The latest version's number. */
  readonly version: number;
  /** The approved version in force (the baseline), null before the first approval. */
  readonly approvedVersion: number | null;
}

export interface NoPlan {
  readonly status: 'NONE';
}

export interface DraftPlan extends PlanFacts {
  readonly status: 'DRAFT';
}

export interface SubmittedPlan extends PlanFacts {
  readonly status: 'SUBMITTED';
  /**
   * Who submitted the latest version; null when the submission was recorded without its author
   * (a shape no current code writes). Nobody may then approve it: see refuseSelfApproval.
   */
  readonly submittedBy: string | null;
}

export interface ApprovedPlan extends PlanFacts {
  readonly status: 'APPROVED';
}

export type ExistingPlan = DraftPlan | SubmittedPlan | ApprovedPlan;
export type PlanState = NoPlan | ExistingPlan;

export const initialPlanState: PlanState = { status: 'NONE' };

/** Activities may be added and changed except while the plan awaits approval. */
export const isPlanEditable = (status: PlanStatus): boolean => status !== 'SUBMITTED';

const facts = ({ planId, pmoId, periodStart, periodEnd, version, approvedVersion }: ExistingPlan): PlanFacts => ({
  planId,
  pmoId,
  periodStart,
  periodEnd,
  version,
  approvedVersion,
});

/**
 * The author of a submission as stored. Every submission is recorded with its author, but the
 * type of a stored event cannot promise it of an old one, so a missing or non-text author reads
 * as unknown (null), never as somebody.
 */
export const submitterOf = (data: { readonly submittedBy?: unknown }): string | null =>
  typeof data.submittedBy === 'string' ? data.submittedBy : null;

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolvePlan = (state: PlanState, event: PlanEvent): PlanState => {
  if (event.type === 'BusinessPlanDrafted') {
    if (state.status !== 'NONE') return state;
    const { planId, pmoId, periodStart, periodEnd } = event.data;
    return { status: 'DRAFT', planId, pmoId, periodStart, periodEnd, version: 1, approvedVersion: null };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'BusinessPlanSubmitted':
      return { ...facts(state), status: 'SUBMITTED', submittedBy: submitterOf(event.data) };
    case 'BusinessPlanApproved':
      return { ...facts(state), status: 'APPROVED', approvedVersion: event.data.version };
    case 'BusinessPlanReturned':
      return { ...facts(state), status: 'DRAFT' };
    case 'BusinessPlanRevisionOpened':
      return { ...facts(state), status: 'DRAFT', version: event.data.version };
    case 'BusinessPlanTransferred':
      return { ...state, pmoId: event.data.toPmoId };
    default:
      return assertNever(event);
  }
};
