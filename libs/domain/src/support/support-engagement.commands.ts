import type { LocalDate } from '../shared/local-date';
import type { QualificationSnapshot } from './qualification';
import type { AssistanceMode, SupportOutcome } from './support.events';

export interface OpenSupportEngagement {
  readonly type: 'OpenSupportEngagement';
  readonly engagementId: string;
  /** The application checks that the PMO, and a supported PMO, exist. */
  readonly pmoId: string;
  readonly supporter: string;
  readonly supportedPerson: string | null;
  readonly supportedPmoId: string | null;
  /** Derived by the application from the supported person (or PMO): see SupportEngagementOpened. */
  readonly subject: string;
  /** Whether the supported person's data was erased, as the application read it. */
  readonly supportedErased: boolean;
  readonly topic: string;
  readonly requestedAs: AssistanceMode;
  readonly goals: readonly string[];
  readonly willingToChange: boolean;
  readonly startedOn: LocalDate;
  readonly agreedUntil: LocalDate;
}

/** An omitted (null) field keeps its current value; at least one must change. */
export interface RenegotiateEngagement {
  readonly type: 'RenegotiateEngagement';
  readonly engagementId: string;
  readonly goals?: readonly string[] | null;
  readonly agreedUntil?: LocalDate | null;
  readonly willingToChange?: boolean | null;
  readonly reason: string;
}

export interface RecordSupportSession {
  readonly type: 'RecordSupportSession';
  readonly engagementId: string;
  readonly heldOn: LocalDate;
  readonly hours: number;
  readonly mode: AssistanceMode;
  readonly notes: string | null;
  /** The work entry the application logs for the hours, when an activity was named. */
  readonly workEntryId: string | null;
  /** The supporter's qualifications, as the application read them. */
  readonly qualifications: readonly QualificationSnapshot[];
  /** Whether the supported person's data was erased, as the application read it. */
  readonly supportedErased: boolean;
}

export interface CloseSupportEngagement {
  readonly type: 'CloseSupportEngagement';
  readonly engagementId: string;
  readonly outcome: SupportOutcome;
  readonly reason: string;
}

export type SupportEngagementCommand = OpenSupportEngagement | RenegotiateEngagement | RecordSupportSession | CloseSupportEngagement;
