import type { LocalDate } from '@throughline/domain';
import type { ComplianceRow } from '../standards/standard.types';

/**
 * Standards that compared PMOs follow at different versions, or not at all, on a day. The
 * standards module computes them (ComparisonGaps); the comparison only shows them.
 */
export type StandardGaps = (pmoIds: readonly string[], on: LocalDate) => Promise<readonly ComplianceRow[]>;

export const STANDARD_GAPS = Symbol('STANDARD_GAPS');
