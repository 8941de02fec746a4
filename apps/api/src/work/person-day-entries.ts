import type { CountedEntry, LocalDate } from '@throughline/domain';

/** A person's current work entries of one day, across every PMO, as the read models have them. */
export interface PersonDayEntries {
  personDayEntries(person: string, day: LocalDate): CountedEntry[];
}

export const PERSON_DAY_ENTRIES = Symbol('PersonDayEntries');
