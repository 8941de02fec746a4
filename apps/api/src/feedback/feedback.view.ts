import { dayOf, feedbackAgeDays, type FeedbackView, type LocalDate } from '@throughline/domain';
import type { Feedback } from './feedback.types';

/**
 * The GraphQL view of folded feedback. Its age is counted to `today`, or to the day of the
 * `asOf` instant, so an answer as of the past is what was answered then.
 */
export const toFeedbackView = (view: FeedbackView | null, asOf: string | null, today: LocalDate): Feedback | null => {
  if (!view || view.status === 'NONE') return null;
  const resolved = view.status === 'RESOLVED' ? view.resolution : null;
  return {
    id: view.feedbackId,
    subject: view.subject,
    body: view.body,
    status: view.status,
    outcome: resolved?.outcome ?? null,
    resolution: resolved?.resolution ?? null,
    standardVersion: resolved?.standardVersion ?? null,
    deviationId: resolved?.deviationId ?? null,
    raisedBy: view.raisedBy,
    raisedAt: view.raisedAt,
    resolvedBy: resolved?.resolvedBy ?? null,
    resolvedAt: resolved?.resolvedAt ?? null,
    ageDays: feedbackAgeDays(view, asOf ? dayOf(asOf) : today),
    revision: view.revision,
    fromPmoId: view.fromPmoId,
    toPmoId: view.pmoId,
    standardId: view.standardId,
    asOf,
  };
};
