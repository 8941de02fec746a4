import type { LocalDate } from '@throughline/domain';

/** How many hours one person has logged on one day, across every PMO. */
export interface PersonDayHours {
  /** Non-retracted hours of `person` on `day`, leaving out `excludeWorkEntryId` (an entry being corrected). */
  personDayHours(person: string, day: LocalDate, excludeWorkEntryId?: string): number;
}

export const PERSON_DAY_HOURS = Symbol('PersonDayHours');
