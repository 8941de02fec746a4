import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export const DEVIATION_SIGNIFICANCES = ['MINOR', 'SIGNIFICANT'] as const;
export type DeviationSignificance = (typeof DEVIATION_SIGNIFICANCES)[number];

/** EXPIRED is never recorded: a REQUESTED or APPROVED deviation shows it from the day after `until`. */
export const DEVIATION_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export type DeviationRequested = DomainEvent<
  'DeviationRequested',
  {
    readonly deviationId: string;
    readonly standardId: string;
    readonly pmoId: string;
    /** Whose head decides it (with LEADERSHIP): the standard's publisher. */
    readonly publisherPmoId: string;
    /** Its place among the pair's deviations, 1 first: its stream id is derived from it. */
    readonly slot: number;
    readonly description: string;
    readonly reason: string;
    readonly significance: DeviationSignificance;
    readonly compensatingMeasures: string | null;
    readonly from: LocalDate;
    readonly until: LocalDate;
    /** False when requested on or after `from`: the variation was practised before it was asked for. */
    readonly inAdvance: boolean;
    readonly requestedOn: LocalDate;
    readonly requestedAt: string;
    readonly requestedBy: string;
  }
>;

interface Decision {
  readonly deviationId: string;
  readonly reason: string;
  readonly decidedOn: LocalDate;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export type DeviationApproved = DomainEvent<'DeviationApproved', Decision>;
export type DeviationRejected = DomainEvent<'DeviationRejected', Decision>;
export type DeviationWithdrawn = DomainEvent<'DeviationWithdrawn', Decision>;

export type DeviationEvent = DeviationRequested | DeviationApproved | DeviationRejected | DeviationWithdrawn;

/** The persisted name of every deviation event; event-types.spec.ts checks it against DeviationEvent. */
export const DEVIATION_EVENT_TYPES = [
  'DeviationRequested',
  'DeviationApproved',
  'DeviationRejected',
  'DeviationWithdrawn',
] as const satisfies readonly DeviationEvent['type'][];
