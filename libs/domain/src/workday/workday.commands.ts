import type { LocalDate } from '../shared/local-date';
import type { CountedEntry } from './workday.events';

/**
 * Count an entry's hours towards its person's day. Counting an entry already counted replaces
 * its hours (the same hours again change nothing, so a repeated command never counts twice).
 */
export interface CountWorkdayHours {
  readonly type: 'CountWorkdayHours';
  readonly workEntryId: string;
  readonly person: string;
  readonly day: LocalDate;
  readonly hours: number;
  /**
   * The person's entries on the day that no workday counted yet (logged before days were kept as
   * streams), as the application's read models have them; used only when the workday is opened.
   */
  readonly opening: readonly CountedEntry[];
}

/** The entry stops counting towards the day; releasing an entry the day does not count changes nothing. */
export interface ReleaseWorkdayHours {
  readonly type: 'ReleaseWorkdayHours';
  readonly workEntryId: string;
}

export type WorkdayCommand = CountWorkdayHours | ReleaseWorkdayHours;
