import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

/** One PMO follows one version of a standard from `adoptedOn`. */
export type StandardAdopted = DomainEvent<
  'StandardAdopted',
  {
    readonly adoptionId: string;
    readonly standardId: string;
    readonly pmoId: string;
    readonly version: number;
    readonly adoptedOn: LocalDate;
    readonly adoptedAt: string;
    readonly adoptedBy: string;
  }
>;

/** The parent PMO lets the PMO keep an earlier version until a day: the leeway of a PROGRAMME PMO. */
export type StandardVersionKept = DomainEvent<
  'StandardVersionKept',
  {
    readonly adoptionId: string;
    readonly standardId: string;
    readonly pmoId: string;
    /** The PROGRAMME PMO that granted it: the PMO's parent. */
    readonly grantorPmoId: string;
    readonly version: number;
    readonly until: LocalDate;
    readonly reason: string;
    readonly grantedAt: string;
    readonly grantedBy: string;
  }
>;

export type AdoptionEvent = StandardAdopted | StandardVersionKept;

/** The persisted name of every adoption event; event-types.spec.ts checks it against AdoptionEvent. */
export const ADOPTION_EVENT_TYPES = ['StandardAdopted', 'StandardVersionKept'] as const satisfies readonly AdoptionEvent['type'][];
