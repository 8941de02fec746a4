import { addDays, type LocalDate } from '../shared/local-date';

export interface PatternInput {
  readonly standardId: string;
  readonly pmoId: string;
  /** As recorded; EXPIRED is never recorded, so an expired approval still counts as approved. */
  readonly status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  readonly requestedOn: LocalDate;
}

export interface DeviationPatternRow {
  readonly standardId: string;
  readonly deviations: number;
  readonly pmos: number;
}

export const DEFAULT_MIN_PMOS = 3;
/** "The last year": the request day within the 365 days ending today. */
export const PATTERN_WINDOW_DAYS = 365;

/**
 * Standards from which at least `minPmos` distinct PMOs asked to deviate (approved or still
 * requested) in the last year: when many PMOs keep needing the same exception, the standard
 * itself should be reviewed. Most PMOs first, then most deviations, then by id for a stable order.
 */
export const deviationPatterns = (deviations: readonly PatternInput[], today: LocalDate, minPmos: number = DEFAULT_MIN_PMOS): DeviationPatternRow[] => {
  const since = addDays(today, -(PATTERN_WINDOW_DAYS - 1));
  const byStandard = new Map<string, { deviations: number; pmos: Set<string> }>();
  for (const d of deviations) {
    if ((d.status !== 'APPROVED' && d.status !== 'REQUESTED') || d.requestedOn < since || d.requestedOn > today) continue;
    let entry = byStandard.get(d.standardId);
    if (!entry) byStandard.set(d.standardId, (entry = { deviations: 0, pmos: new Set() }));
    entry.deviations += 1;
    entry.pmos.add(d.pmoId);
  }
  return [...byStandard.entries()]
    .map(([standardId, e]) => ({ standardId, deviations: e.deviations, pmos: e.pmos.size }))
    .filter((row) => row.pmos >= minPmos)
    .sort((a, b) => b.pmos - a.pmos || b.deviations - a.deviations || a.standardId.localeCompare(b.standardId));
};
