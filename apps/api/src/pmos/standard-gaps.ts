import type { LocalDate } from '@throughline/domain';

/** What the comparison shows of a compliance row: enough to name the PMO; the full row comes with compliance. */
export interface ComplianceRowLike {
  readonly pmoId: string;
}

/**
 * Standards that compared PMOs follow at different versions, or not at all, on a day. Compliance
 * is computed elsewhere; until it is served this answers [] (the module's default), and the
 * compliance module provides the real function under this token.
 */
export type StandardGaps = (pmoIds: readonly string[], on: LocalDate) => readonly ComplianceRowLike[] | Promise<readonly ComplianceRowLike[]>;

export const STANDARD_GAPS = Symbol('STANDARD_GAPS');

export const noStandardGaps: StandardGaps = () => [];
