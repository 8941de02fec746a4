import { spec } from '@throughline/testing';
import type { PublishStandard } from './standard.commands';
import { standardDecider } from './standard.decider';
import type { StandardPublished, StandardRevised, StandardRetired } from './standard.events';
import { standardView } from './standard.view';

const standardId = '5b1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const portfolio = { pmoId: '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10', kind: 'PORTFOLIO' as const, ancestorIds: [] };
const now = '2026-03-15T09:00:00.000Z';
const actor = 'ada@pmo.example';

const publish = (overrides: Partial<PublishStandard> = {}): PublishStandard => ({
  type: 'PublishStandard',
  standardId,
  publisher: portfolio,
  kind: 'METHODOLOGY',
  title: ' Stage gates ',
  summary: 'Every project passes five gates',
  appliesTo: ['PROJECT', 'PROGRAMME'],
  effectiveFrom: '2026-04-01',
  adoptionDueOn: '2026-06-30',
  ...overrides,
});

const published: StandardPublished = {
  type: 'StandardPublished',
  data: {
    standardId,
    pmoId: portfolio.pmoId,
    kind: 'METHODOLOGY',
    title: 'Stage gates',
    appliesTo: ['PROGRAMME', 'PROJECT'],
    version: 1,
    summary: 'Every project passes five gates',
    effectiveFrom: '2026-04-01',
    adoptionDueOn: '2026-06-30',
    maxDeviationDays: null,
    publishedAt: now,
    publishedBy: actor,
  },
};

const revised: StandardRevised = {
  type: 'StandardRevised',
  data: {
    standardId,
    version: 2,
    summary: 'Four gates',
    effectiveFrom: '2026-09-01',
    adoptionDueOn: '2026-10-31',
    reason: 'Gate 3 added nothing',
    maxDeviationDays: 90,
    publishedAt: now,
    publishedBy: actor,
  },
};

const retired: StandardRetired = {
  type: 'StandardRetired',
  data: { standardId, reason: 'Replaced by agile playbook', retiredOn: '2026-03-15', retiredAt: now, retiredBy: actor },
};

const revise = { type: 'ReviseStandard' as const, standardId, summary: 'Four gates', effectiveFrom: '2026-09-01', adoptionDueOn: '2026-10-31', reason: 'Gate 3 added nothing', maxDeviationDays: 90 };

describe('Standard', () => {
  describe('publishing', () => {
    it('given a PORTFOLIO PMO, when it publishes, then version 1 is recorded with the kinds in a fixed order', () => {
      spec(standardDecider).given([]).when(publish()).then([published]);
    });

    it.each(['PROGRAMME', 'PROJECT'] as const)('given a %s PMO, when it publishes, then PUBLISHER_NOT_PORTFOLIO names publisherPmoId', (kind) => {
      spec(standardDecider)
        .given([])
        .when(publish({ publisher: { ...portfolio, kind } }))
        .thenThrows('PUBLISHER_NOT_PORTFOLIO', 'publisherPmoId');
    });

    it('given a due day before the effective day, when published, then adoptionDueOn is refused', () => {
      spec(standardDecider).given([]).when(publish({ adoptionDueOn: '2026-03-31' })).thenThrows('BAD_USER_INPUT', 'adoptionDueOn');
    });

    it.each<[string, Partial<PublishStandard>]>([
      ['title', { title: ' ' }],
      ['summary', { summary: '' }],
      ['kind', { kind: 'POLICY' as never }],
      ['appliesTo', { appliesTo: [] }],
      ['appliesTo[0]', { appliesTo: ['TEAM' as never] }],
      ['effectiveFrom', { effectiveFrom: '2026-02-30' }],
      ['maxDeviationDays', { maxDeviationDays: 0 }],
      ['maxDeviationDays', { maxDeviationDays: 1.5 }],
    ])('given bad input, when published, then %s is named (case %#)', (field, overrides) => {
      spec(standardDecider).given([]).when(publish(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('given a published standard, when published again, then STANDARD_ALREADY_EXISTS', () => {
      spec(standardDecider).given([published]).when(publish()).thenThrows('STANDARD_ALREADY_EXISTS');
    });
  });

  describe('revising', () => {
    it('given version 1, when revised, then version 2 carries its reason, days and cap', () => {
      spec(standardDecider).given([published]).when(revise).then([revised]);
    });

    it('given a cap, when revised without one, then the cap carries on', () => {
      spec(standardDecider)
        .given([published, revised])
        .when({ ...revise, effectiveFrom: '2027-01-01', adoptionDueOn: '2027-01-31', maxDeviationDays: undefined })
        .thenState((state) => expect(state.status !== 'NONE' && state.maxDeviationDays).toBe(90));
    });

    it('given version 1, when a revision takes effect no later than it, then effectiveFrom is refused', () => {
      spec(standardDecider).given([published]).when({ ...revise, effectiveFrom: '2026-04-01' }).thenThrows('BAD_USER_INPUT', 'effectiveFrom');
    });

    it('given a due day before the effective day, when revised, then adoptionDueOn is refused', () => {
      spec(standardDecider).given([published]).when({ ...revise, adoptionDueOn: '2026-08-31' }).thenThrows('BAD_USER_INPUT', 'adoptionDueOn');
    });

    it('given a retired standard, when revised, then STANDARD_RETIRED', () => {
      spec(standardDecider).given([published, retired]).when(revise).thenThrows('STANDARD_RETIRED', 'standardId');
    });

    it('given no standard, when revised, then STANDARD_NOT_FOUND', () => {
      spec(standardDecider).given([]).when(revise).thenThrows('STANDARD_NOT_FOUND');
    });

    it('given two versions, then the view keeps both, the first without a reason', () => {
      spec(standardDecider)
        .given([published])
        .when(revise)
        .thenView(standardView, (view) => {
          expect(view.status !== 'NONE' && view.versions.map((v) => [v.version, v.reason])).toEqual([
            [1, null],
            [2, 'Gate 3 added nothing'],
          ]);
        });
    });
  });

  describe('retiring', () => {
    it('given a standard in force, when retired, then obligations end today', () => {
      spec(standardDecider).given([published]).when({ type: 'RetireStandard', standardId, reason: ' Replaced by agile playbook ' }).then([retired]);
    });

    it('given a retired standard, when retired again, then STANDARD_RETIRED', () => {
      spec(standardDecider).given([published, retired]).when({ type: 'RetireStandard', standardId, reason: 'again' }).thenThrows('STANDARD_RETIRED');
    });

    it('given a blank reason, when retired, then reason is refused', () => {
      spec(standardDecider).given([published]).when({ type: 'RetireStandard', standardId, reason: ' ' }).thenThrows('BAD_USER_INPUT', 'reason');
    });
  });
});
