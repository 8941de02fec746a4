import type { ExistingPlan, PlanState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import type { BusinessPlan } from './plan.types';

/** The GraphQL view of a folded plan at its latest version; null when no plan was drafted. */
export const toPlanView = (record: EntityRecord<PlanState> | null, asOf: string | null): BusinessPlan | null => {
  if (!record || record.state.status === 'NONE') return null;
  const { state } = record;
  const latest = state.versions[state.version - 1];
  return {
    id: state.planId,
    title: state.title,
    periodStart: state.periodStart,
    periodEnd: state.periodEnd,
    status: state.status,
    version: state.version,
    approvedBy: latest?.approvedBy ?? null,
    approvedAt: latest?.approvedAt ?? null,
    baselineVersion: state.approvedVersion,
    versions: [...state.versions],
    draftedAt: record.createdAt,
    revision: record.revision,
    pmoId: state.pmoId,
    asOf,
  };
};

/**
 * An approved version: its content as it stood when it was approved (`atApproval`, folded to
 * the approval), and its status and the version list as known at the instant asked about
 * (`known`), so a superseded version says so.
 */
export const toApprovedVersionView = (
  atApproval: EntityRecord<PlanState>,
  approvalInstant: string,
  known: ExistingPlan,
  version: number,
): BusinessPlan | null => {
  const view = toPlanView(atApproval, approvalInstant);
  const now = known.versions[version - 1];
  if (!view || !now || view.version !== version) return null;
  return { ...view, status: now.status, versions: [...known.versions] };
};
