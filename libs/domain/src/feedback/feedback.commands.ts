import type { FeedbackOutcome } from './feedback.events';

/**
 * The PMO feedback comes from and the PMOs above it, as the application read them from the PMO
 * snapshots: nearest first, up to the top of the hierarchy. A PMO that does not exist is
 * NOT_FOUND there.
 */
export interface RaisingPmo {
  readonly pmoId: string;
  readonly ancestorIds: readonly string[];
}

/** The standard feedback names, as the application found it through its lookup; a missing one is NOT_FOUND there. */
export interface FeedbackStandard {
  readonly standardId: string;
  /** The highest version published so far (1 until the standard is first revised). */
  readonly latestVersion: number;
}

export interface RaiseFeedback {
  readonly type: 'RaiseFeedback';
  readonly feedbackId: string;
  readonly from: RaisingPmo;
  /** The application checked that it exists. */
  readonly toPmoId: string;
  /** null when the feedback is about no one standard. */
  readonly standard: FeedbackStandard | null;
  readonly subject: string;
  readonly body: string;
}

export interface ResolveFeedback {
  readonly type: 'ResolveFeedback';
  readonly feedbackId: string;
  readonly outcome: FeedbackOutcome;
  /** The standard the feedback is about, read again now; null when it names none. */
  readonly standard: FeedbackStandard | null;
  /** Required with STANDARD_REVISED, refused with any other outcome. */
  readonly standardVersion: number | null;
  /** Required with DEVIATION_GRANTED, refused with any other outcome. */
  readonly deviationId: string | null;
  readonly resolution: string;
}

export type FeedbackCommand = RaiseFeedback | ResolveFeedback;
