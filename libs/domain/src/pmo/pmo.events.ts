import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export const PMO_KINDS = ['PORTFOLIO', 'PROGRAMME', 'PROJECT'] as const;
export type PmoKind = (typeof PMO_KINDS)[number];

export const MANDATE_PURPOSES = ['GOVERNANCE', 'DELIVERY_SUPPORT', 'CENTRE_OF_EXCELLENCE', 'COMMERCIAL_VALUE'] as const;
export type MandatePurpose = (typeof MANDATE_PURPOSES)[number];

export type PmoEstablished = DomainEvent<
  'PmoEstablished',
  {
    readonly pmoId: string;
    readonly name: string;
    readonly kind: PmoKind;
    readonly parentId: string | null;
    readonly head: string | null;
    /**
     * Given only when the PMO is older than its record here. Absent (every event written before
     * the field existed, and every later one given none): the day the event was recorded.
     */
    readonly establishedOn?: LocalDate;
  }
>;

export type PmoRenamed = DomainEvent<
  'PmoRenamed',
  { readonly pmoId: string; readonly name: string; readonly previousName: string }
>;

/** `head: null` vacates the post. */
export type PmoHeadAssigned = DomainEvent<
  'PmoHeadAssigned',
  { readonly pmoId: string; readonly head: string | null; readonly previousHead: string | null }
>;

/** The first mandate and every replacement; `reason` is null only on version 1. */
export type MandateIssued = DomainEvent<
  'MandateIssued',
  {
    readonly pmoId: string;
    readonly version: number;
    readonly purpose: MandatePurpose;
    readonly statement: string;
    readonly sponsor: string;
    readonly effectiveFrom: LocalDate;
    readonly reason: string | null;
  }
>;

/** A PMO's catalogue: the services it offers and the tools it uses. */
export const CATALOGUE_KINDS = ['SERVICE', 'TOOL'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

/** The PMO offers (SERVICE) or uses (TOOL) `name` from `on`. */
export type PmoCatalogueItemDeclared = DomainEvent<
  'PmoCatalogueItemDeclared',
  {
    readonly pmoId: string;
    readonly catalogue: CatalogueKind;
    readonly name: string;
    readonly description: string | null;
    readonly on: LocalDate;
    readonly reason: string | null;
  }
>;

/** The PMO no longer offers or uses `name` from `on` (it did until the day before). */
export type PmoCatalogueItemRetired = DomainEvent<
  'PmoCatalogueItemRetired',
  {
    readonly pmoId: string;
    readonly catalogue: CatalogueKind;
    readonly name: string;
    readonly on: LocalDate;
    readonly reason: string | null;
  }
>;

/** The PMO ends on `effectiveOn`, merged into `successorId`, which carries on its current work. */
export type PmoMerged = DomainEvent<
  'PmoMerged',
  { readonly pmoId: string; readonly successorId: string; readonly effectiveOn: LocalDate; readonly reason: string }
>;

/** A child of a merged PMO now sits under the merger's successor, from `effectiveOn`. */
export type PmoMovedToSuccessor = DomainEvent<
  'PmoMovedToSuccessor',
  {
    readonly pmoId: string;
    readonly parentId: string;
    readonly previousParentId: string;
    readonly effectiveOn: LocalDate;
    readonly reason: string;
  }
>;

export type PmoEvent =
  | PmoEstablished
  | PmoRenamed
  | PmoHeadAssigned
  | MandateIssued
  | PmoCatalogueItemDeclared
  | PmoCatalogueItemRetired
  | PmoMerged
  | PmoMovedToSuccessor;

/** The persisted name of every PMO event; event-types.spec.ts checks it against PmoEvent. */
export const PMO_EVENT_TYPES = [
  'PmoEstablished',
  'PmoRenamed',
  'PmoHeadAssigned',
  'MandateIssued',
  'PmoCatalogueItemDeclared',
  'PmoCatalogueItemRetired',
  'PmoMerged',
  'PmoMovedToSuccessor',
] as const satisfies readonly PmoEvent['type'][];
