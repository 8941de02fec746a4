// Shared givens for the feedback specs: a portfolio PMO above a programme PMO above a project PMO.
import type { RaisingPmo, RaiseFeedback, ResolveFeedback, FeedbackStandard } from './feedback.commands';
import type { FeedbackEvent, FeedbackRaised } from './feedback.events';

export const feedbackId = '5e0c7a2b-3d41-4f86-9b2e-7a1c0d3f5e68';
export const portfolioId = '1a2b3c4d-0000-4000-8000-00000000000a';
export const programmeId = '1a2b3c4d-0000-4000-8000-00000000000b';
export const projectId = '1a2b3c4d-0000-4000-8000-00000000000c';
export const siblingId = '1a2b3c4d-0000-4000-8000-00000000000d';
export const standardId = '7f3e2d1c-0000-4000-8000-0000000000f1';
export const deviationId = '9d8c7b6a-0000-4000-8000-0000000000d1';

export const project: RaisingPmo = { pmoId: projectId, ancestorIds: [programmeId, portfolioId] };
export const portfolio: RaisingPmo = { pmoId: portfolioId, ancestorIds: [] };
/** The standard after one revision: versions 1 and 2 exist. */
export const standard: FeedbackStandard = { standardId, latestVersion: 2 };

export const raiseFeedback = (overrides: Partial<RaiseFeedback> = {}): RaiseFeedback => ({
  type: 'RaiseFeedback',
  feedbackId,
  from: project,
  toPmoId: portfolioId,
  standard,
  subject: ' Life-cycle method and our regulator ',
  body: 'The chosen life-cycle method does not meet the regulator’s rules on change approval.',
  ...overrides,
});

export const raised: FeedbackRaised = {
  type: 'FeedbackRaised',
  data: {
    feedbackId,
    pmoId: portfolioId,
    fromPmoId: projectId,
    standardId,
    subject: 'Life-cycle method and our regulator',
    body: 'The chosen life-cycle method does not meet the regulator’s rules on change approval.',
  },
};

export const raisedAboutNoStandard: FeedbackRaised = { ...raised, data: { ...raised.data, standardId: null } };

export const resolveFeedback = (overrides: Partial<ResolveFeedback> = {}): ResolveFeedback => ({
  type: 'ResolveFeedback',
  feedbackId,
  outcome: 'ANSWERED',
  standard,
  standardVersion: null,
  deviationId: null,
  resolution: 'The method allows a regulator’s approval step; see section 4.',
  ...overrides,
});

export const resolved = (data: Partial<Extract<FeedbackEvent, { type: 'FeedbackResolved' }>['data']> = {}): FeedbackEvent => ({
  type: 'FeedbackResolved',
  data: {
    feedbackId,
    outcome: 'ANSWERED',
    standardVersion: null,
    deviationId: null,
    resolution: 'The method allows a regulator’s approval step; see section 4.',
    ...data,
  },
});
