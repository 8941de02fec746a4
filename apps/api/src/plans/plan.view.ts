import type { ExistingPlanView, PlanView } from '@throughline/domain';
import type { BusinessPlan } from './plan.types';

/** The GraphQL view of a folded plan at its latest version; null when no plan was drafted. */
export const toPlanView = (view: PlanView | null, asOf: string | null): BusinessPlan | null => {
  if (!view || view.status === 'NONE') return null;
  const latest = view.versions[view.version - 1];
  return {
    id: view.planId,
    title: view.title,
    periodStart: view.periodStart,
    periodEnd: view.periodEnd,
    status: view.status,
    version: view.version,
    approvedBy: latest?.approvedBy ?? null,
    approvedAt: latest?.approvedAt ?? null,
    baselineVersion: view.approvedVersion,
    versions: [...view.versions],
    draftedAt: view.createdAt,
    revision: view.revision,
    pmoId: view.pmoId,
    templateId: view.templateId ?? null,
    asOf,
  };
};

/**
 * An approved version: its content as it stood when it was approved (`atApproval`, folded to
 * the approval), and its status and the version list as known at the instant asked about
 * (`known`), so a superseded version says so.
 */
export const toApprovedVersionView = (
  atApproval: PlanView,
  approvalInstant: string,
  known: ExistingPlanView,
  version: number,
): BusinessPlan | null => {
  const view = toPlanView(atApproval, approvalInstant);
  const now = known.versions[version - 1];
  if (!view || !now || view.version !== version) return null;
  return { ...view, status: now.status, versions: [...known.versions] };
};
