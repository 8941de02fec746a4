import { assertNever } from '../shared/decider';
import type { FeedbackEvent, FeedbackOutcome } from './feedback.events';

/**
 * The decider's state: only what `decide` reads (whether the feedback is still open, and whether
 * it names a standard a revision could answer it with), plus `pmoId` (the PMO it goes to), which
 * permission checks read. Subject, body and the resolution are the view's (feedback.view.ts).
 */
interface FeedbackFacts {
  readonly feedbackId: string;
  readonly pmoId: string;
  readonly fromPmoId: string;
  readonly standardId: string | null;
}

export interface NoFeedback {
  readonly status: 'NONE';
}

export interface OpenFeedback extends FeedbackFacts {
  readonly status: 'OPEN';
}

export interface ResolvedFeedback extends FeedbackFacts {
  readonly status: 'RESOLVED';
  /** Named in the refusal of a second resolution. */
  readonly outcome: FeedbackOutcome;
}

export type FeedbackState = NoFeedback | OpenFeedback | ResolvedFeedback;

export const initialFeedbackState: FeedbackState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveFeedback = (state: FeedbackState, event: FeedbackEvent): FeedbackState => {
  switch (event.type) {
    case 'FeedbackRaised': {
      if (state.status !== 'NONE') return state;
      const { feedbackId, pmoId, fromPmoId, standardId } = event.data;
      return { status: 'OPEN', feedbackId, pmoId, fromPmoId, standardId };
    }
    case 'FeedbackResolved':
      if (state.status !== 'OPEN') return state;
      return { ...state, status: 'RESOLVED', outcome: event.data.outcome };
    default:
      return assertNever(event);
  }
};
