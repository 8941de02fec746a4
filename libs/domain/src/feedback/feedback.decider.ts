import type { Decider } from '../shared/decider';
import type { FeedbackCommand } from './feedback.commands';
import { decideFeedback } from './feedback.decide';
import type { FeedbackEvent } from './feedback.events';
import { evolveFeedback, initialFeedbackState, type FeedbackState } from './feedback.state';

export const feedbackDecider: Decider<FeedbackCommand, FeedbackEvent, FeedbackState> = {
  initialState: initialFeedbackState,
  evolve: evolveFeedback,
  decide: decideFeedback,
};
