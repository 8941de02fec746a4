import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { PlanEvent } from './plan.events';
import { submitterOf, type CurrentPlanStatus, type PlanStatus } from './plan.state';

/** One version of the plan, kept so that every approved version stays readable. */
export interface PlanVersion {
  readonly version: number;
  readonly status: PlanStatus;
  /** The latest submission; cleared when the version is returned to DRAFT; null when recorded without its author. */
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  /** When a later version was approved in its place. */
  readonly supersededAt: string | null;
}

export interface NoPlanView {
  readonly status: 'NONE';
}

export interface ExistingPlanView extends Stamps {
  readonly status: CurrentPlanStatus;
  readonly planId: string;
  readonly pmoId: string;
  readonly title: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  /** The latest version's number. */
  readonly version: number;
  /** The approved version in force (the baseline), null before the first approval. */
  readonly approvedVersion: number | null;
  /**
   * Oldest first; `versions[n - 1]` is version n. A version is opened only after the previous one
   * was approved (a decision by someone other than its author), so a plan has a handful; each plan
   * event rewrites one or two entries of this short list, which keeps a fold linear in the stream.
   */
  readonly versions: readonly PlanVersion[];
  /** The shared template it was drafted from, null for any other plan. */
  readonly templateId: string | null;
}

export type PlanView = NoPlanView | ExistingPlanView;

export const initialPlanView: PlanView = { status: 'NONE' };

export const planVersionOf = (view: PlanView, version: number): PlanVersion | null =>
  view.status === 'NONE' ? null : (view.versions[version - 1] ?? null);

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
  view: ExistingPlanView,
  version: number,
  change: (v: PlanVersion) => PlanVersion,
): readonly PlanVersion[] => view.versions.map((v) => (v.version === version ? change(v) : v));

// Mirrors evolvePlan: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolvePlanView = (view: PlanView, event: PlanEvent, facts: RecordedFacts): PlanView => {
  if (event.type === 'BusinessPlanDrafted') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const { planId, pmoId, title, periodStart, periodEnd, templateId } = event.data;
    return {
      templateId: templateId ?? null,
      status: 'DRAFT',
      planId,
      pmoId,
      title,
      periodStart,
      periodEnd,
      version: 1,
      approvedVersion: null,
      versions: [newVersion(1)],
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'BusinessPlanSubmitted': {
      const { version, submittedAt } = event.data;
      const submittedBy = submitterOf(event.data);
      return {
        ...touched,
        status: 'SUBMITTED',
        versions: withVersion(view, version, (v) => ({ ...v, status: 'SUBMITTED', submittedBy, submittedAt })),
      };
    }
    case 'BusinessPlanApproved': {
      const { version, approvedBy, approvedAt, supersededVersion } = event.data;
      const versions = withVersion(view, version, (v) => ({ ...v, status: 'APPROVED', approvedBy, approvedAt })).map((v) =>
        v.version === supersededVersion ? { ...v, status: 'SUPERSEDED' as const, supersededAt: approvedAt } : v,
      );
      return { ...touched, status: 'APPROVED', approvedVersion: version, versions };
    }
    case 'BusinessPlanReturned':
      return {
        ...touched,
        status: 'DRAFT',
        versions: withVersion(view, event.data.version, (v) => ({ ...v, status: 'DRAFT', submittedBy: null, submittedAt: null })),
      };
    case 'BusinessPlanTransferred':
      return { ...touched, pmoId: event.data.toPmoId };
    case 'BusinessPlanRevisionOpened':
      return { ...touched, status: 'DRAFT', version: event.data.version, versions: [...view.versions, newVersion(event.data.version)] };
    default:
      return assertNever(event);
  }
};

export const planView: ViewProjection<PlanEvent, PlanView> = { initialState: initialPlanView, evolve: evolvePlanView };
