import { spec } from '@throughline/testing';
import type { FeedbackEvent } from './feedback.events';
import { feedbackDecider } from './feedback.decider';
import { feedbackAgeDays, feedbackView, type FeedbackView } from './feedback.view';
import {
  deviationId,
  portfolio,
  portfolioId,
  programmeId,
  projectId,
  raised,
  raisedAboutNoStandard,
  raiseFeedback,
  resolved,
  resolveFeedback,
  siblingId,
  standard,
} from './feedback.fixtures';

describe('Feedback', () => {
  describe('raising', () => {
    it('records feedback from a PMO to the PMO at the top of its hierarchy, about a standard', () => {
      spec(feedbackDecider).given([]).when(raiseFeedback()).then([raised]);
    });

    it('records feedback to the parent PMO, about no standard', () => {
      spec(feedbackDecider)
        .given([])
        .when(raiseFeedback({ toPmoId: programmeId, standard: null }))
        .then([{ ...raised, data: { ...raised.data, pmoId: programmeId, standardId: null } }]);
    });

    it.each([
      ['a PMO beside it', siblingId],
      ['itself', projectId],
    ])('refuses feedback to %s: it goes only upward', (_case, toPmoId) => {
      spec(feedbackDecider).given([]).when(raiseFeedback({ toPmoId })).thenThrows('FEEDBACK_NOT_UPWARD', 'toPmoId');
    });

    it('refuses feedback from the top of the hierarchy, which has no PMO above it', () => {
      spec(feedbackDecider)
        .given([])
        .when(raiseFeedback({ from: portfolio, toPmoId: programmeId }))
        .thenThrows('FEEDBACK_NOT_UPWARD', 'toPmoId');
    });

    it('refuses feedback that already exists', () => {
      spec(feedbackDecider).given([raised]).when(raiseFeedback()).thenThrows('FEEDBACK_ALREADY_EXISTS');
    });

    it.each([
      ['subject', { subject: '  ' }],
      ['subject', { subject: 'x'.repeat(201) }],
      ['subject', { subject: 'Method\u200b' }],
      ['body', { body: '' }],
      ['body', { body: 'x'.repeat(2001) }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(feedbackDecider).given([]).when(raiseFeedback(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('then shows it OPEN, raised by the actor at the instant, waiting since that day', () => {
      spec(feedbackDecider)
        .given([])
        .when(raiseFeedback(), { now: '2026-03-15T09:00:00.000Z', actor: 'head@project.example' })
        .thenView(feedbackView, (view) => {
          expect(view).toMatchObject({
            status: 'OPEN',
            pmoId: portfolioId,
            fromPmoId: projectId,
            standardId: standard.standardId,
            raisedAt: '2026-03-15T09:00:00.000Z',
            raisedBy: 'head@project.example',
            revision: 0,
          });
          const open = view as Extract<FeedbackView, { status: 'OPEN' }>;
          expect([feedbackAgeDays(open, '2026-03-15'), feedbackAgeDays(open, '2026-04-14')]).toEqual([0, 30]);
        });
    });
  });

  describe('resolving', () => {
    it('records an answer with its text', () => {
      spec(feedbackDecider).given([raised]).when(resolveFeedback({ resolution: ' See section 4. ' })).then([resolved({ resolution: 'See section 4.' })]);
    });

    it('records a decline', () => {
      spec(feedbackDecider).given([raised]).when(resolveFeedback({ outcome: 'DECLINED' })).then([resolved({ outcome: 'DECLINED' })]);
    });

    it('records a revision of the standard, naming the new version', () => {
      spec(feedbackDecider)
        .given([raised])
        .when(resolveFeedback({ outcome: 'STANDARD_REVISED', standardVersion: 2 }))
        .then([resolved({ outcome: 'STANDARD_REVISED', standardVersion: 2 })]);
    });

    it('records a deviation granted, naming it', () => {
      spec(feedbackDecider)
        .given([raisedAboutNoStandard])
        .when(resolveFeedback({ outcome: 'DEVIATION_GRANTED', deviationId, standard: null }))
        .then([resolved({ outcome: 'DEVIATION_GRANTED', deviationId })]);
    });

    it('refuses to resolve feedback twice, even with the same answer', () => {
      spec(feedbackDecider).given([raised, resolved()]).when(resolveFeedback()).thenThrows('FEEDBACK_ALREADY_RESOLVED');
    });

    it('refuses to resolve feedback that does not exist', () => {
      spec(feedbackDecider).given([]).when(resolveFeedback()).thenThrows('FEEDBACK_NOT_FOUND');
    });

    it.each([
      ['standardVersion', { outcome: 'STANDARD_REVISED' as const }],
      ['deviationId', { outcome: 'DEVIATION_GRANTED' as const }],
      ['standardVersion', { outcome: 'ANSWERED' as const, standardVersion: 2 }],
      ['standardVersion', { outcome: 'DEVIATION_GRANTED' as const, deviationId, standardVersion: 2 }],
      ['deviationId', { outcome: 'DECLINED' as const, deviationId }],
      ['deviationId', { outcome: 'STANDARD_REVISED' as const, standardVersion: 2, deviationId }],
    ])('refuses an outcome without the reference it requires or with one it refuses (%s)', (field, overrides) => {
      spec(feedbackDecider).given([raised]).when(resolveFeedback(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('refuses a revision as the answer to feedback about no standard', () => {
      spec(feedbackDecider)
        .given([raisedAboutNoStandard])
        .when(resolveFeedback({ outcome: 'STANDARD_REVISED', standardVersion: 2, standard: null }))
        .thenThrows('FEEDBACK_WITHOUT_STANDARD', 'outcome');
    });

    it.each([
      ['the first publication', 1],
      ['a fraction', 2.5],
    ])('refuses %s as the revision', (_case, standardVersion) => {
      spec(feedbackDecider)
        .given([raised])
        .when(resolveFeedback({ outcome: 'STANDARD_REVISED', standardVersion }))
        .thenThrows('BAD_USER_INPUT', 'standardVersion');
    });

    it('refuses a version the standard has not reached yet', () => {
      spec(feedbackDecider)
        .given([raised])
        .when(resolveFeedback({ outcome: 'STANDARD_REVISED', standardVersion: 3 }))
        .thenThrows('STANDARD_VERSION_NOT_FOUND', 'standardVersion');
    });

    it.each([
      ['outcome', { outcome: 'IGNORED' as never }],
      ['resolution', { resolution: ' ' }],
      ['resolution', { resolution: 'x'.repeat(2001) }],
      ['deviationId', { outcome: 'DEVIATION_GRANTED' as const, deviationId: '' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(feedbackDecider).given([raised]).when(resolveFeedback(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('then shows it RESOLVED with the outcome, its reference and who resolved it when, and no longer ageing', () => {
      spec(feedbackDecider)
        .given([raised])
        .when(resolveFeedback({ outcome: 'STANDARD_REVISED', standardVersion: 2 }), { now: '2026-04-01T10:00:00.000Z', actor: 'lead@group.example' })
        .thenView(feedbackView, (view) => {
          expect(view).toMatchObject({
            status: 'RESOLVED',
            revision: 1,
            resolution: {
              outcome: 'STANDARD_REVISED',
              standardVersion: 2,
              deviationId: null,
              resolvedAt: '2026-04-01T10:00:00.000Z',
              resolvedBy: 'lead@group.example',
            },
          });
          expect(feedbackAgeDays(view as Extract<FeedbackView, { status: 'RESOLVED' }>, '2026-05-01')).toBeNull();
        });
    });
  });

  describe('folding', () => {
    const facts = (revision: number) => ({ revision, recordedAt: `2026-03-1${revision}T09:00:00.000Z`, actor: 'ada@pmo.example' });
    const fold = (events: readonly FeedbackEvent[]) =>
      events.reduce<FeedbackView>((view, event, i) => feedbackView.evolve(view, event, facts(i)), feedbackView.initialState);

    it('ignores a second resolution in state and view, but counts its revision', () => {
      const events = [raised, resolved(), resolved({ outcome: 'DECLINED' })];
      const state = events.reduce(feedbackDecider.evolve, feedbackDecider.initialState);
      const view = fold(events);

      expect(state).toMatchObject({ status: 'RESOLVED', outcome: 'ANSWERED' });
      expect(view).toMatchObject({ status: 'RESOLVED', revision: 2, resolution: { outcome: 'ANSWERED' } });
    });

    it('ignores a resolution before the feedback was raised', () => {
      expect(feedbackDecider.evolve(feedbackDecider.initialState, resolved())).toEqual({ status: 'NONE' });
      expect(fold([resolved()])).toEqual({ status: 'NONE' });
    });

    it('keeps the first raise when one comes again', () => {
      const view = fold([raised, { ...raised, data: { ...raised.data, subject: 'Other' } }]);
      expect(view).toMatchObject({ subject: raised.data.subject, revision: 1 });
    });
  });
});
