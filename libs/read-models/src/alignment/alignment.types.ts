import type { Granularity } from './alignment.buckets';
import type { ObjectiveHours } from './alignment.tally';

export interface WorkEntryFilter {
  readonly pmoId: string;
  /** Inclusive days on workedOn. */
  readonly from: string;
  readonly to: string;
  readonly person?: string;
  /** A string: that activity's entries; null: entries with no activity; absent: any. */
  readonly activityId?: string | null;
  /** Retracted entries stay in the history; they are left out unless asked for. */
  readonly includeRetracted?: boolean;
}

export interface WorkEntryRow {
  readonly workEntryId: string;
  readonly pmoId: string;
  readonly person: string;
  readonly workedOn: string;
  readonly hours: number;
  readonly activityId: string | null;
  readonly retracted: boolean;
}

/** Where an entry sits in a list of entries: its day, then its id. */
export type WorkEntryKey = readonly [workedOn: string, workEntryId: string];

/** Exclusive bounds on the key, and which way to read from them. */
export interface WorkEntryPageRange {
  readonly after: WorkEntryKey | null;
  readonly before: WorkEntryKey | null;
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
}

/** How one entry is credited, as the purpose chain shows it. */
export interface WorkEntryCredits {
  /** The objectives its activity's links covered on workedOn, in link order, split by weight. */
  readonly credits: readonly ObjectiveHours[];
  /** Credited to at least one objective that was ACTIVE on workedOn. */
  readonly aligned: boolean;
  readonly activityId: string | null;
  readonly workedOn: string;
  readonly hours: number;
  /** A retracted entry is still credited here, but counts in no total. */
  readonly retracted: boolean;
}

export interface AlignmentParams {
  readonly pmoId: string;
  /** Inclusive days on workedOn. */
  readonly from: string;
  readonly to: string;
  /** null: the whole window as one bucket. */
  readonly granularity: Granularity | null;
  /** The caller's calendar day; idleness is judged up to min(to, today). */
  readonly today: string;
}

export interface AlignmentBucket {
  readonly start: string;
  readonly end: string;
  readonly totalHours: number;
  readonly alignedHours: number;
  readonly alignedShare: number;
  readonly byObjective: readonly ObjectiveHours[];
}

/** A PMO's hours over a window, as the report totals them. */
export interface WindowTotals {
  readonly totalHours: number;
  readonly alignedHours: number;
  /** alignedHours / totalHours; 0 when no hours. */
  readonly alignedShare: number;
}

export interface AlignmentReport {
  /** Non-retracted hours of the PMO's work entries with workedOn in the window. */
  readonly totalHours: number;
  /** Hours of entries credited to at least one objective ACTIVE on their workedOn. */
  readonly alignedHours: number;
  readonly unalignedHours: number;
  /** alignedHours / totalHours; 0 when no hours. */
  readonly alignedShare: number;
  /** Contiguous, clipped to the window, adding up exactly to the totals. */
  readonly buckets: readonly AlignmentBucket[];
  /**
   * Every credit of the window, most hours first, whether or not the objective was still active:
   * the sum is the hours of work some link covered, which is at least alignedHours.
   */
  readonly byObjective: readonly ObjectiveHours[];
  /**
   * Activities of the PMO, not CANCELLED, whose [startsOn, endsOn] overlaps the window, and none of
   * whose links covers any day of the window (a link covers [effectiveFrom, endedOn); its
   * objective's status does not matter). Ordered by startsOn, then id.
   */
  readonly activitiesWithoutObjective: readonly string[];
  /**
   * Objectives of the PMO that are ACTIVE (as of the view, whatever the window) and that no
   * non-CANCELLED activity has an open (not ended) link to. Ordered by id.
   */
  readonly objectivesWithoutActivity: readonly string[];
  /**
   * Activities of the PMO, PLANNED (so neither DONE nor CANCELLED; IN_PROGRESS is PLANNED with
   * work logged), overlapping the window and started by min(to, today), with no non-retracted
   * work on any of the 14 days ending min(to, today). Ordered by startsOn, then id.
   */
  readonly idleActivities: readonly string[];
}
