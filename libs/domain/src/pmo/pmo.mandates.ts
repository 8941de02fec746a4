import type { LocalDate } from '../shared/local-date';
import type { Mandate, PmoView } from './pmo.view';

/**
 * The mandate version that had taken effect on `day`: the latest issued whose effectiveFrom is
 * not after it. Work done before any mandate took effect served none.
 */
export const mandateInForce = (pmo: PmoView, day: LocalDate): Mandate | null => {
  if (pmo.status === 'NONE') return null;
  const versions = [...pmo.previousMandates, ...(pmo.mandate ? [pmo.mandate] : [])];
  return versions.filter((m) => m.effectiveFrom <= day).sort((a, b) => b.version - a.version)[0] ?? null;
};
