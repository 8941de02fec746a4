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

export type PmoEvent = PmoEstablished | PmoRenamed | PmoHeadAssigned | MandateIssued;

/** The persisted name of every PMO event; event-types.spec.ts checks it against PmoEvent. */
export const PMO_EVENT_TYPES = [
  'PmoEstablished',
  'PmoRenamed',
  'PmoHeadAssigned',
  'MandateIssued',
] as const satisfies readonly PmoEvent['type'][];
