import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { PmoKind } from '../pmo/pmo.events';

export const STANDARD_KINDS = ['METHODOLOGY', 'STANDARD', 'REPORT_FORMAT', 'TOOL'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export const STANDARD_STATUSES = ['IN_FORCE', 'RETIRED'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** What every version states; version 1 comes with the publication, later ones with a revision. */
export interface VersionTerms {
  readonly version: number;
  readonly summary: string;
  readonly effectiveFrom: LocalDate;
  readonly adoptionDueOn: LocalDate;
  /** The longest deviation (in days, both ends counted) the version allows; null for no cap. */
  readonly maxDeviationDays: number | null;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

export type StandardPublished = DomainEvent<
  'StandardPublished',
  VersionTerms & {
    readonly standardId: string;
    /** The publisher: under the name every stream's first event gives its PMO (the audit log reads it). */
    readonly pmoId: string;
    readonly kind: StandardKind;
    readonly title: string;
    readonly appliesTo: readonly PmoKind[];
  }
>;

export type StandardRevised = DomainEvent<'StandardRevised', VersionTerms & { readonly standardId: string; readonly reason: string }>;

/** Every obligation ends from `retiredOn`. */
export type StandardRetired = DomainEvent<
  'StandardRetired',
  { readonly standardId: string; readonly reason: string; readonly retiredOn: LocalDate; readonly retiredAt: string; readonly retiredBy: string }
>;

export type StandardEvent = StandardPublished | StandardRevised | StandardRetired;

/** The persisted name of every standard event; event-types.spec.ts checks it against StandardEvent. */
export const STANDARD_EVENT_TYPES = ['StandardPublished', 'StandardRevised', 'StandardRetired'] as const satisfies readonly StandardEvent['type'][];
