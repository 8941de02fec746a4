import { assertNever } from '../shared/decider';
import { dayOf, daysBetween, type LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { FeedbackEvent, FeedbackRaised, FeedbackResolved } from './feedback.events';

/** How the receiving PMO answered, by whom and when. */
export interface FeedbackResolution extends Readonly<Omit<FeedbackResolved['data'], 'feedbackId'>> {
  readonly resolvedAt: string;
  readonly resolvedBy: string;
}

/** What the feedback was raised with, by whom and when. */
interface FeedbackShown extends Stamps, Readonly<FeedbackRaised['data']> {
  readonly raisedAt: string;
  readonly raisedBy: string;
}

export interface NoFeedbackView {
  readonly status: 'NONE';
}

export interface OpenFeedbackView extends FeedbackShown {
  readonly status: 'OPEN';
}

export interface ResolvedFeedbackView extends FeedbackShown {
  readonly status: 'RESOLVED';
  readonly resolution: FeedbackResolution;
}

export type ExistingFeedbackView = OpenFeedbackView | ResolvedFeedbackView;
export type FeedbackView = NoFeedbackView | ExistingFeedbackView;

export const initialFeedbackView: FeedbackView = { status: 'NONE' };

// Mirrors evolveFeedback: an event the decider's fold would ignore changes nothing shown but the
// revision.
export const evolveFeedbackView = (view: FeedbackView, event: FeedbackEvent, facts: RecordedFacts): FeedbackView => {
  switch (event.type) {
    case 'FeedbackRaised':
      if (view.status !== 'NONE') return touchedBy(view, facts);
      return { status: 'OPEN', ...event.data, raisedAt: facts.recordedAt, raisedBy: facts.actor, ...createdBy(facts) };
    case 'FeedbackResolved': {
      if (view.status === 'NONE') return view;
      if (view.status !== 'OPEN') return touchedBy(view, facts);
      const { outcome, standardVersion, deviationId, resolution } = event.data;
      return {
        ...touchedBy(view, facts),
        status: 'RESOLVED',
        resolution: { outcome, standardVersion, deviationId, resolution, resolvedAt: facts.recordedAt, resolvedBy: facts.actor },
      };
    }
    default:
      return assertNever(event);
  }
};

export const feedbackView: ViewProjection<FeedbackEvent, FeedbackView> = {
  initialState: initialFeedbackView,
  evolve: evolveFeedbackView,
};

/**
 * Whole days an open item has waited since the day it was raised, counted to `today` (the day
 * asked about); null once resolved, when it no longer waits.
 */
export const feedbackAgeDays = (view: ExistingFeedbackView, today: LocalDate): number | null =>
  view.status === 'OPEN' ? Math.max(0, daysBetween(dayOf(view.raisedAt), today)) : null;
