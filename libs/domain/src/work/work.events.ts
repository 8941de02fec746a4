import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export type WorkLogged = DomainEvent<
  'WorkLogged',
  {
    readonly workEntryId: string;
    readonly pmoId: string;
    readonly person: string;
    /** The day the work was done, not the day it was logged. */
    readonly workedOn: LocalDate;
    readonly hours: number;
    readonly description: string;
    readonly activityId: string | null;
  }
>;

/** The correctable fields of an entry; `activityId: null` means no activity. */
export interface WorkFields {
  readonly person: string;
  readonly workedOn: LocalDate;
  readonly hours: number;
  readonly description: string;
  readonly activityId: string | null;
}

/**
 * `changes` holds only the fields that changed and `previous` their values before, so the entry as
 * it was believed before the correction can always be rebuilt.
 */
export type WorkCorrected = DomainEvent<
  'WorkCorrected',
  {
    readonly workEntryId: string;
    readonly changes: Partial<WorkFields>;
    readonly previous: Partial<WorkFields>;
    readonly reason: string;
  }
>;

/** The entry leaves every total but stays in the history. */
export type WorkRetracted = DomainEvent<'WorkRetracted', { readonly workEntryId: string; readonly reason: string }>;

export type WorkEvent = WorkLogged | WorkCorrected | WorkRetracted;

/** The persisted name of every work event; event-types.spec.ts checks it against WorkEvent. */
export const WORK_EVENT_TYPES = [
  'WorkLogged',
  'WorkCorrected',
  'WorkRetracted',
] as const satisfies readonly WorkEvent['type'][];
