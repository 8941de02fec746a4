import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { PlanEvent } from './plan.events';

export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The plan's own status is that of its latest version, which is never SUPERSEDED. */
export type CurrentPlanStatus = Exclude<PlanStatus, 'SUPERSEDED'>;

/** One version of the plan, kept so that every approved version stays readable. */
export interface PlanVersion {
  readonly version: number;
  readonly status: PlanStatus;
  /** The latest submission; cleared when the version is returned to DRAFT. */
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  /** When a later version was approved in its place. */
  readonly supersededAt: string | null;
}

interface PlanFacts {
  readonly planId: string;
  readonly pmoId: string;
  readonly title: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  /** The latest version's number. */
  readonly version: number;
  /** The approved version in force (the baseline), null before the first approval. */
  readonly approvedVersion: number | null;
  /** Oldest first; `versions[n - 1]` is version n. */
  readonly versions: readonly PlanVersion[];
}

export interface NoPlan {
  readonly status: 'NONE';
}

export interface DraftPlan extends PlanFacts {
  readonly status: 'DRAFT';
}

export interface SubmittedPlan extends PlanFacts {
  readonly status: 'SUBMITTED';
}

export interface ApprovedPlan extends PlanFacts {
  readonly status: 'APPROVED';
}

export type ExistingPlan = DraftPlan | SubmittedPlan | ApprovedPlan;
export type PlanState = NoPlan | ExistingPlan;

export const initialPlanState: PlanState = { status: 'NONE' };

/** Activities may be added and changed except while the plan awaits approval. */
export const isPlanEditable = (status: PlanStatus): boolean => status !== 'SUBMITTED';

export const planVersionOf = (state: PlanState, version: number): PlanVersion | null =>
  state.status === 'NONE' ? null : (state.versions[version - 1] ?? null);

const newVersion = (version: number): PlanVersion => ({
  version,
  status: 'DRAFT',
  submittedBy: null,
  submittedAt: null,
  approvedBy: null,
  approvedAt: null,
  supersededAt: null,
});

const withVersion = (
  state: ExistingPlan,
  version: number,
  change: (v: PlanVersion) => PlanVersion,
): readonly PlanVersion[] => state.versions.map((v) => (v.version === version ? change(v) : v));

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolvePlan = (state: PlanState, event: PlanEvent): PlanState => {
  if (event.type === 'BusinessPlanDrafted') {
    if (state.status !== 'NONE') return state;
    const { planId, pmoId, title, periodStart, periodEnd } = event.data;
    return {
      status: 'DRAFT',
      planId,
      pmoId,
      title,
      periodStart,
      periodEnd,
      version: 1,
      approvedVersion: null,
      versions: [newVersion(1)],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'BusinessPlanSubmitted': {
      const { version, submittedAt } = event.data;
      // Every submission records its author; one read without it counts as by nobody known.
      const submittedBy = event.data.submittedBy ?? null;
      return {
        ...state,
        status: 'SUBMITTED',
        versions: withVersion(state, version, (v) => ({ ...v, status: 'SUBMITTED', submittedBy, submittedAt })),
      };
    }
    case 'BusinessPlanApproved': {
      const { version, approvedBy, approvedAt, supersededVersion } = event.data;
      const approved = withVersion(state, version, (v) => ({ ...v, status: 'APPROVED', approvedBy, approvedAt }));
      const versions =
        supersededVersion === null
          ? approved
          : approved.map((v) =>
              v.version === supersededVersion ? { ...v, status: 'SUPERSEDED' as const, supersededAt: approvedAt } : v,
            );
      return { ...state, status: 'APPROVED', approvedVersion: version, versions };
    }
    case 'BusinessPlanReturned':
      return {
        ...state,
        status: 'DRAFT',
        versions: withVersion(state, event.data.version, (v) => ({
          ...v,
          status: 'DRAFT',
          submittedBy: null,
          submittedAt: null,
        })),
      };
    case 'BusinessPlanRevisionOpened':
      return {
        ...state,
        status: 'DRAFT',
        version: event.data.version,
        versions: [...state.versions, newVersion(event.data.version)],
      };
    default:
      return assertNever(event);
  }
};
