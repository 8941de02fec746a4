import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

/** One work entry's hours as a workday counts them. */
export interface CountedEntry {
  readonly workEntryId: string;
  readonly hours: number;
}

/**
 * The workday's first event when the person already had entries on the day before days were kept
 * as streams of their own: those entries, as the read models had them, are its opening balance.
 */
export type WorkdayOpened = DomainEvent<
  'WorkdayOpened',
  {
    readonly person: string;
    readonly day: LocalDate;
    readonly entries: readonly CountedEntry[];
  }
>;

/** An entry's hours now count towards the day; a later count of the same entry replaces it. */
export type WorkdayHoursCounted = DomainEvent<
  'WorkdayHoursCounted',
  {
    readonly workEntryId: string;
    readonly person: string;
    readonly day: LocalDate;
    readonly hours: number;
  }
>;

/** The entry no longer counts towards the day (retracted, or moved to another person or day). */
export type WorkdayHoursReleased = DomainEvent<'WorkdayHoursReleased', { readonly workEntryId: string }>;

export type WorkdayEvent = WorkdayOpened | WorkdayHoursCounted | WorkdayHoursReleased;

/** The persisted name of every workday event; event-types.spec.ts checks it against WorkdayEvent. */
export const WORKDAY_EVENT_TYPES = [
  'WorkdayOpened',
  'WorkdayHoursCounted',
  'WorkdayHoursReleased',
] as const satisfies readonly WorkdayEvent['type'][];
