import type { DomainEvent } from '../shared/decider';

/** Feedback is OPEN until the PMO it went to resolves it, once. */
export const FEEDBACK_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * How the receiving PMO answered. STANDARD_REVISED names the standard's new version and
 * DEVIATION_GRANTED the deviation that settles the matter; ANSWERED and DECLINED name nothing.
 */
export const FEEDBACK_OUTCOMES = ['STANDARD_REVISED', 'DEVIATION_GRANTED', 'ANSWERED', 'DECLINED'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

export type FeedbackRaised = DomainEvent<
  'FeedbackRaised',
  {
    readonly feedbackId: string;
    /**
     * The PMO the feedback goes to, which answers for it: permissions over the feedback and the
     * audit log file its stream under this PMO, as every entity's first event names its PMO.
     */
    readonly pmoId: string;
    /** The PMO it comes from, below `pmoId`. */
    readonly fromPmoId: string;
    /** The standard it is about, as given (the application checked that it exists); null for none. */
    readonly standardId: string | null;
    readonly subject: string;
    readonly body: string;
  }
>;

/**
 * `standardVersion` is set only for STANDARD_REVISED and `deviationId` only for
 * DEVIATION_GRANTED; both are null otherwise.
 */
export type FeedbackResolved = DomainEvent<
  'FeedbackResolved',
  {
    readonly feedbackId: string;
    readonly outcome: FeedbackOutcome;
    readonly standardVersion: number | null;
    readonly deviationId: string | null;
    readonly resolution: string;
  }
>;

export type FeedbackEvent = FeedbackRaised | FeedbackResolved;

/** The persisted name of every feedback event; event-types.spec.ts checks it against FeedbackEvent. */
export const FEEDBACK_EVENT_TYPES = ['FeedbackRaised', 'FeedbackResolved'] as const satisfies readonly FeedbackEvent['type'][];
