import type { LocalDate } from '../shared/local-date';
import type { PmoKind } from '../pmo/pmo.events';
import type { StandardStatus } from './standard.events';

/**
 * A PMO as the standard, adoption and deviation deciders judge it: its kind and the PMOs above it
 * (nearest first), read by the application from the PMO streams.
 */
export interface PmoInTree {
  readonly pmoId: string;
  readonly kind: PmoKind;
  /** The parent first, the root last; empty for a top-level PMO. */
  readonly ancestorIds: readonly string[];
}

export interface VersionDays {
  readonly version: number;
  readonly effectiveFrom: LocalDate;
  readonly adoptionDueOn: LocalDate;
}

/** A standard as adoptions, leeways and deviations are judged against it. */
export interface StandardSnapshot {
  readonly standardId: string;
  readonly publisherPmoId: string;
  readonly status: StandardStatus;
  readonly appliesTo: readonly PmoKind[];
  /** Oldest first. */
  readonly versions: readonly VersionDays[];
  /** The current version's cap on a deviation's length in days; null for none. */
  readonly maxDeviationDays: number | null;
}

/** Whether the standard binds the PMO at all: below its publisher, and of a kind it names. */
export const isInScope = (standard: Pick<StandardSnapshot, 'publisherPmoId' | 'appliesTo'>, pmo: PmoInTree): boolean =>
  pmo.ancestorIds.includes(standard.publisherPmoId) && standard.appliesTo.includes(pmo.kind);
