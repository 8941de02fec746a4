import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import { feedbackDecider } from './feedback.decider';
import { FEEDBACK_OUTCOMES, type FeedbackOutcome } from './feedback.events';
import { deviationId, raised, raisedAboutNoStandard, resolveFeedback, standard } from './feedback.fixtures';

const REFERENCE_OF: Record<FeedbackOutcome, 'standardVersion' | 'deviationId' | null> = {
  STANDARD_REVISED: 'standardVersion',
  DEVIATION_GRANTED: 'deviationId',
  ANSWERED: null,
  DECLINED: null,
};

describe('Feedback resolution, for every outcome and every choice of references', () => {
  it('given open feedback, then it is resolved exactly when the outcome gets the one reference it requires and no other', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FEEDBACK_OUTCOMES),
        fc.option(fc.integer({ min: 2, max: standard.latestVersion }), { nil: null }),
        fc.option(fc.constant(deviationId), { nil: null }),
        fc.boolean(),
        (outcome, standardVersion, deviation, aboutStandard) => {
          const state = feedbackDecider.evolve(feedbackDecider.initialState, aboutStandard ? raised : raisedAboutNoStandard);
          const command = resolveFeedback({ outcome, standardVersion, deviationId: deviation, standard: aboutStandard ? standard : null });
          const result = decideOrRefuse(feedbackDecider, command, state, defaultContext);

          const required = REFERENCE_OF[outcome];
          const given = { standardVersion: standardVersion !== null, deviationId: deviation !== null };
          const wellReferenced = (Object.keys(given) as (keyof typeof given)[]).every((ref) => given[ref] === (ref === required));
          const answerable = outcome !== 'STANDARD_REVISED' || aboutStandard;
          if (wellReferenced && answerable) {
            expect(result).toEqual({
              events: [
                {
                  type: 'FeedbackResolved',
                  data: expect.objectContaining({ outcome, standardVersion, deviationId: deviation }),
                },
              ],
            });
          } else {
            expect(result).toHaveProperty('refused');
          }
        },
      ),
    );
  });
});
