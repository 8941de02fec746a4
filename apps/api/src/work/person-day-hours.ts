import type { LocalDate } from '@throughline/domain';

/** How many hours one person has logged on one day, across every PMO. */
export interface PersonDayHours {
  /** Non-retracted hours of `person` on `day`, leaving out `excludeWorkEntryId` (an entry being corrected). */
  personDayHours(person: string, day: LocalDate, excludeWorkEntryId?: string): number;
}

export const PERSON_DAY_HOURS = Symbol('PersonDayHours');

/**
 * Entries of one person and day are decided one at a time in this process: the 24-hour check
 * reads the day's total and then appends, and two entries running side by side would each pass
 * it against a total without the other.
 */
export const workdayKey = (person: string, day: LocalDate): string => `workday:${person}:${day}`;
