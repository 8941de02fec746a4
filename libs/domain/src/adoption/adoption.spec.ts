import { spec } from '@throughline/testing';
import type { PmoInTree, StandardSnapshot } from '../standard/standard.snapshots';
import type { AdoptStandard, KeepStandardVersion } from './adoption.commands';
import { adoptionDecider } from './adoption.decider';
import type { StandardAdopted } from './adoption.events';
import { adoptionView } from './adoption.view';

const adoptionId = '7a1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const standardId = '5b1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const portfolioId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const programme: PmoInTree = { pmoId: '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a20', kind: 'PROGRAMME', ancestorIds: [portfolioId] };
const project: PmoInTree = { pmoId: '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a30', kind: 'PROJECT', ancestorIds: [programme.pmoId, portfolioId] };
const now = '2026-03-15T09:00:00.000Z';
const actor = 'ada@pmo.example';

const standard: StandardSnapshot = {
  standardId,
  publisherPmoId: portfolioId,
  status: 'IN_FORCE',
  appliesTo: ['PROGRAMME', 'PROJECT'],
  versions: [
    { version: 1, effectiveFrom: '2026-01-01', adoptionDueOn: '2026-02-28' },
    { version: 2, effectiveFrom: '2026-04-01', adoptionDueOn: '2026-05-31' },
  ],
  maxDeviationDays: null,
};

const adopt = (overrides: Partial<AdoptStandard> = {}): AdoptStandard => ({
  type: 'AdoptStandard',
  adoptionId,
  standard,
  pmo: project,
  version: 2,
  adoptedOn: '2026-04-02',
  ...overrides,
});

const keep = (overrides: Partial<KeepStandardVersion> = {}): KeepStandardVersion => ({
  type: 'KeepStandardVersion',
  adoptionId,
  standard,
  pmo: project,
  grantor: programme,
  version: 1,
  until: '2026-07-31',
  reason: 'The project closes in July',
  ...overrides,
});

const adopted: StandardAdopted = {
  type: 'StandardAdopted',
  data: { adoptionId, standardId, pmoId: project.pmoId, version: 2, adoptedOn: '2026-04-02', adoptedAt: now, adoptedBy: actor },
};

describe('Adoption', () => {
  describe('adopting', () => {
    it('given a PMO in scope, when it adopts an existing version, then the adoption is recorded', () => {
      spec(adoptionDecider).given([]).when(adopt()).then([adopted]);
    });

    it('given an earlier adoption, when it adopts again, then both show in the order recorded', () => {
      spec(adoptionDecider)
        .given([adopted])
        .when(adopt({ version: 1, adoptedOn: '2026-01-10' }))
        .thenView(adoptionView, (view) => expect(view.status === 'OPEN' && view.adoptions.map((a) => a.version)).toEqual([2, 1]));
    });

    it('given a version that does not exist, when adopted, then UNKNOWN_STANDARD_VERSION names version', () => {
      spec(adoptionDecider).given([]).when(adopt({ version: 3 })).thenThrows('UNKNOWN_STANDARD_VERSION', 'version');
    });

    it('given a retired standard, when adopted, then STANDARD_RETIRED', () => {
      spec(adoptionDecider)
        .given([])
        .when(adopt({ standard: { ...standard, status: 'RETIRED' } }))
        .thenThrows('STANDARD_RETIRED', 'standardId');
    });

    it('given a PMO of a kind the standard does not name, when it adopts, then STANDARD_NOT_APPLICABLE', () => {
      spec(adoptionDecider)
        .given([])
        .when(adopt({ standard: { ...standard, appliesTo: ['PROGRAMME'] } }))
        .thenThrows('STANDARD_NOT_APPLICABLE', 'pmoId');
    });

    it('given the publisher itself, when it adopts, then STANDARD_NOT_APPLICABLE', () => {
      spec(adoptionDecider)
        .given([])
        .when(adopt({ pmo: { pmoId: portfolioId, kind: 'PORTFOLIO', ancestorIds: [] }, standard: { ...standard, appliesTo: ['PORTFOLIO'] } }))
        .thenThrows('STANDARD_NOT_APPLICABLE', 'pmoId');
    });

    it('given a PMO outside the publisher subtree, when it adopts, then STANDARD_NOT_APPLICABLE', () => {
      spec(adoptionDecider)
        .given([])
        .when(adopt({ pmo: { ...project, ancestorIds: ['6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a99'] } }))
        .thenThrows('STANDARD_NOT_APPLICABLE', 'pmoId');
    });

    it('given a day that is not one, when adopted, then adoptedOn is refused', () => {
      spec(adoptionDecider).given([]).when(adopt({ adoptedOn: '2026-02-30' })).thenThrows('BAD_USER_INPUT', 'adoptedOn');
    });
  });

  describe('keeping a version', () => {
    it('given a PROGRAMME parent, when it lets its child keep version 1, then the leeway is recorded', () => {
      spec(adoptionDecider)
        .given([])
        .when(keep())
        .then([
          {
            type: 'StandardVersionKept',
            data: {
              adoptionId,
              standardId,
              pmoId: project.pmoId,
              grantorPmoId: programme.pmoId,
              version: 1,
              until: '2026-07-31',
              reason: 'The project closes in July',
              grantedAt: now,
              grantedBy: actor,
            },
          },
        ]);
    });

    it('given a PORTFOLIO parent, when it grants leeway, then LEEWAY_NOT_GRANTABLE names pmoId', () => {
      spec(adoptionDecider)
        .given([])
        .when(keep({ pmo: programme, grantor: { pmoId: portfolioId, kind: 'PORTFOLIO', ancestorIds: [] } }))
        .thenThrows('LEEWAY_NOT_GRANTABLE', 'pmoId');
    });

    it('given a grantor that is not the parent, when it grants leeway, then LEEWAY_NOT_GRANTABLE', () => {
      spec(adoptionDecider)
        .given([])
        .when(keep({ grantor: { ...programme, pmoId: '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a21' } }))
        .thenThrows('LEEWAY_NOT_GRANTABLE', 'pmoId');
    });

    it('given a top-level PMO, when leeway is asked for it, then LEEWAY_NOT_GRANTABLE', () => {
      spec(adoptionDecider).given([]).when(keep({ grantor: null })).thenThrows('LEEWAY_NOT_GRANTABLE', 'pmoId');
    });

    it('given the latest version, when kept, then version is refused: leeway keeps an older one', () => {
      spec(adoptionDecider).given([]).when(keep({ version: 2 })).thenThrows('BAD_USER_INPUT', 'version');
    });

    it('given a version that does not exist, when kept, then UNKNOWN_STANDARD_VERSION', () => {
      spec(adoptionDecider).given([]).when(keep({ version: 0 })).thenThrows('UNKNOWN_STANDARD_VERSION', 'version');
    });

    it.each<[string, Partial<KeepStandardVersion>]>([
      ['until', { until: 'soon' }],
      ['reason', { reason: '' }],
    ])('given bad input, when kept, then %s is named', (field, overrides) => {
      spec(adoptionDecider).given([]).when(keep(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });
});
