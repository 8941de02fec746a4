import type { LocalDate } from '../shared/local-date';
import type { ActivityStatus } from '../activity/activity.state';

/** The activity as the application read it; one that does not exist is ACTIVITY_NOT_FOUND there. */
export interface ActivitySnapshot {
  readonly activityId: string;
  readonly pmoId: string;
  readonly status: ActivityStatus;
}

export interface LogWork {
  readonly type: 'LogWork';
  readonly workEntryId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly person: string;
  readonly workedOn: LocalDate;
  readonly hours: number;
  readonly description: string;
  readonly activity: ActivitySnapshot | null;
}

/** An omitted (or null) field is kept, except `activity`: null detaches the entry from its activity. */
export interface CorrectWork {
  readonly type: 'CorrectWork';
  readonly workEntryId: string;
  readonly person?: string | null;
  readonly workedOn?: LocalDate | null;
  readonly hours?: number | null;
  readonly description?: string | null;
  readonly activity?: ActivitySnapshot | null;
  readonly reason: string;
}

export interface RetractWork {
  readonly type: 'RetractWork';
  readonly workEntryId: string;
  readonly reason: string;
}

export type WorkCommand = LogWork | CorrectWork | RetractWork;
