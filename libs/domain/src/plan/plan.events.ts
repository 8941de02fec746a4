import type { TransferToSuccessor } from '../shared/transfer';
import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export type BusinessPlanDrafted = DomainEvent<
  'BusinessPlanDrafted',
  {
    readonly planId: string;
    readonly pmoId: string;
    readonly title: string;
    readonly periodStart: LocalDate;
    readonly periodEnd: LocalDate;
    readonly version: 1;
    /** Present when drafted from a shared template. */
    readonly templateId?: string;
  }
>;

export type BusinessPlanSubmitted = DomainEvent<
  'BusinessPlanSubmitted',
  {
    readonly planId: string;
    readonly version: number;
    readonly submittedBy: string;
    readonly submittedAt: string;
    readonly reason: string | null;
  }
>;

/**
 * `supersededVersion` names the previously approved version that this approval replaces (null for
 * the first approval), so a projection need not work out which version to mark SUPERSEDED.
 */
export type BusinessPlanApproved = DomainEvent<
  'BusinessPlanApproved',
  {
    readonly planId: string;
    readonly version: number;
    readonly approvedBy: string;
    readonly approvedAt: string;
    readonly reason: string | null;
    readonly supersededVersion: number | null;
  }
>;

/** A submitted version sent back to DRAFT: a rejection, which must say why. */
export type BusinessPlanReturned = DomainEvent<
  'BusinessPlanReturned',
  {
    readonly planId: string;
    readonly version: number;
    readonly returnedBy: string;
    readonly returnedAt: string;
    readonly reason: string;
  }
>;

/** A new DRAFT version of an approved plan; the approved one stays the baseline until replaced. */
export type BusinessPlanRevisionOpened = DomainEvent<
  'BusinessPlanRevisionOpened',
  { readonly planId: string; readonly version: number; readonly reason: string | null }
>;

/** The plan carries on under the PMO its own PMO merged into, from `effectiveOn`. */
export type BusinessPlanTransferred = DomainEvent<'BusinessPlanTransferred', TransferToSuccessor & { readonly planId: string }>;

export type PlanEvent =
  | BusinessPlanTransferred
  | BusinessPlanDrafted
  | BusinessPlanSubmitted
  | BusinessPlanApproved
  | BusinessPlanReturned
  | BusinessPlanRevisionOpened;

/** The persisted name of every plan event; event-types.spec.ts checks it against PlanEvent. */
export const PLAN_EVENT_TYPES = [
  'BusinessPlanDrafted',
  'BusinessPlanSubmitted',
  'BusinessPlanApproved',
  'BusinessPlanReturned',
  'BusinessPlanRevisionOpened',
  'BusinessPlanTransferred',
] as const satisfies readonly PlanEvent['type'][];
