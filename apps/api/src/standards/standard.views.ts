import { dayOf, deviationStatusOn, type DeviationView, type LocalDate, type StandardView } from '@throughline/domain';
import type { Deviation, Standard } from './standard.types';

/** The GraphQL view of a folded standard; null when the stream holds none. */
export const toStandard = (view: StandardView | null, asOf: string | null): Standard | null => {
  if (!view || view.status === 'NONE') return null;
  const versions = view.versions.map((v) => ({ ...v }));
  return {
    id: view.standardId,
    kind: view.kind,
    title: view.title,
    current: versions[versions.length - 1]!,
    versions,
    appliesTo: [...view.appliesTo],
    status: view.status,
    retiredOn: view.retirement?.retiredOn ?? null,
    retirementReason: view.retirement?.reason ?? null,
    revision: view.revision,
    publisherPmoId: view.publisherPmoId,
    asOf,
  };
};

/** A deviation shows EXPIRED from the day after `until`: today, or the day of the asOf instant. */
export const toDeviation = (view: DeviationView | null, asOf: string | null, today: LocalDate): Deviation | null => {
  if (!view || view.status === 'NONE') return null;
  return {
    id: view.deviationId,
    description: view.description,
    reason: view.reason,
    significance: view.significance,
    compensatingMeasures: view.compensatingMeasures,
    from: view.from,
    until: view.until,
    status: deviationStatusOn(view, asOf ? dayOf(asOf) : today),
    inAdvance: view.inAdvance,
    requestedBy: view.requestedBy,
    requestedAt: view.requestedAt,
    decidedBy: view.decidedBy,
    decidedAt: view.decidedAt,
    decisionReason: view.decisionReason,
    revision: view.revision,
    standardId: view.standardId,
    pmoId: view.pmoId,
    asOf,
  };
};
