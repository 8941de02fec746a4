import { appliesOn, complianceOn, type ComplianceStandard, type CompliancePmo, type DeviationFact, type PairFacts } from './compliance.rule';
import { deviationPatterns } from './deviation-patterns';

const standard: ComplianceStandard = {
  standardId: 'gates',
  publisherPmoId: 'portfolio',
  appliesTo: ['PROJECT'],
  versions: [
    { version: 1, effectiveFrom: '2026-01-01', adoptionDueOn: '2026-01-31' },
    { version: 2, effectiveFrom: '2026-04-01', adoptionDueOn: '2026-04-30' },
  ],
  retiredOn: null,
};
const project: CompliancePmo = { pmoId: 'p', kind: 'PROJECT', ancestorIds: ['programme', 'portfolio'], existsFrom: '2025-06-01', existsUntil: null };
const none: PairFacts = { adoptions: [], leeways: [], deviations: [] };
const late: DeviationFact = {
  deviationId: 'late',
  significance: 'SIGNIFICANT',
  from: '2026-03-01',
  until: '2026-03-31',
  requestedOn: '2026-03-10',
  status: 'APPROVED',
  approvedOn: '2026-03-20',
  decidedOn: '2026-03-20',
};

describe('compliance on a day', () => {
  it('given a PMO that has adopted nothing, then it is PENDING up to the due day and NON_COMPLIANT after', () => {
    expect(complianceOn(standard, none, '2026-01-31')).toMatchObject({ status: 'PENDING', version: null, currentVersion: 1, dueOn: '2026-01-31' });
    expect(complianceOn(standard, none, '2026-02-01').status).toBe('NON_COMPLIANT');
  });

  it('given version 1 adopted, when version 2 takes effect, then ADOPTED turns PENDING and then NON_COMPLIANT', () => {
    const facts = { ...none, adoptions: [{ version: 1, adoptedOn: '2026-01-15' }] };
    expect(complianceOn(standard, facts, '2026-03-31')).toMatchObject({ status: 'ADOPTED', version: 1 });
    expect(complianceOn(standard, facts, '2026-04-01')).toMatchObject({ status: 'PENDING', version: 1, currentVersion: 2 });
    expect(complianceOn(standard, facts, '2026-05-01').status).toBe('NON_COMPLIANT');
  });

  it('given leeway to keep version 1 until June, then the PMO is in TRANSITION until then', () => {
    const facts = { ...none, adoptions: [{ version: 1, adoptedOn: '2026-01-15' }], leeways: [{ version: 1, until: '2026-06-30' }] };
    expect(complianceOn(standard, facts, '2026-06-30').status).toBe('TRANSITION');
    expect(complianceOn(standard, facts, '2026-07-01').status).toBe('NON_COMPLIANT');
  });

  it('given a deviation asked late and approved on the 20th, then the days before the approval stay NON_COMPLIANT', () => {
    const facts = { ...none, deviations: [late] };
    expect(complianceOn(standard, facts, '2026-03-19').status).toBe('NON_COMPLIANT');
    expect(complianceOn(standard, facts, '2026-03-20')).toMatchObject({ status: 'DEVIATION_APPROVED', deviationId: 'late' });
  });

  it('given the same deviation not yet approved as known on the 15th, then it is no request in advance either: NON_COMPLIANT', () => {
    const asKnownThen = { ...none, deviations: [{ ...late, status: 'REQUESTED' as const, approvedOn: null, decidedOn: null }] };
    expect(complianceOn(standard, asKnownThen, '2026-03-25').status).toBe('NON_COMPLIANT');
  });

  it('given a deviation asked late, before the adoption is due, then its days before the decision are NON_COMPLIANT, not PENDING', () => {
    const adopted = [{ version: 1, adoptedOn: '2026-01-15' }];
    const asked = { ...late, from: '2026-04-05', until: '2026-04-25', requestedOn: '2026-04-10' };
    const undecided = { ...none, adoptions: adopted, deviations: [{ ...asked, status: 'REQUESTED' as const, approvedOn: null, decidedOn: null }] };
    const rejected = { ...none, adoptions: adopted, deviations: [{ ...asked, status: 'REJECTED' as const, approvedOn: null, decidedOn: '2026-04-20' }] };

    expect(complianceOn(standard, undecided, '2026-04-04').status).toBe('PENDING');
    expect(complianceOn(standard, undecided, '2026-04-05')).toMatchObject({ status: 'NON_COMPLIANT', deviationId: 'late' });
    expect(complianceOn(standard, rejected, '2026-04-19')).toMatchObject({ status: 'NON_COMPLIANT', deviationId: 'late' });
    expect(complianceOn(standard, rejected, '2026-04-20')).toMatchObject({ status: 'PENDING', deviationId: null });
  });

  it('given a request in advance, then it is DEVIATION_REQUESTED on its days until decided', () => {
    const facts = { ...none, deviations: [{ ...late, requestedOn: '2026-02-20', status: 'REQUESTED' as const, approvedOn: null, decidedOn: null }] };
    expect(complianceOn(standard, facts, '2026-03-01')).toMatchObject({ status: 'DEVIATION_REQUESTED', deviationId: 'late' });
    expect(complianceOn(standard, facts, '2026-04-01').status).toBe('PENDING');
  });

  it('given the publisher, a PMO of another kind, a PMO not yet in being, or a retired standard, then the standard does not apply', () => {
    expect(appliesOn(standard, project, '2026-02-01')).toBe(true);
    expect(appliesOn(standard, { ...project, pmoId: 'portfolio', ancestorIds: [] }, '2026-02-01')).toBe(false);
    expect(appliesOn(standard, { ...project, kind: 'PROGRAMME' }, '2026-02-01')).toBe(false);
    expect(appliesOn(standard, { ...project, existsFrom: '2026-02-02' }, '2026-02-01')).toBe(false);
    expect(appliesOn(standard, { ...project, existsUntil: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(appliesOn(standard, project, '2025-12-31')).toBe(false);
    expect(appliesOn({ ...standard, retiredOn: '2026-02-01' }, project, '2026-01-31')).toBe(true);
    expect(appliesOn({ ...standard, retiredOn: '2026-02-01' }, project, '2026-02-01')).toBe(false);
  });
});

describe('deviation patterns', () => {
  const row = (standardId: string, pmoId: string, status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN', requestedOn = '2026-03-01') => ({
    standardId,
    pmoId,
    status,
    requestedOn,
  });

  it('given three PMOs deviating from one standard in the last year, then it is listed; two PMOs are not enough', () => {
    const rows = [
      row('a', 'p1', 'APPROVED'),
      row('a', 'p2', 'REQUESTED'),
      row('a', 'p3', 'APPROVED'),
      row('a', 'p3', 'APPROVED', '2026-01-01'),
      row('b', 'p1', 'APPROVED'),
      row('b', 'p2', 'APPROVED'),
    ];
    expect(deviationPatterns(rows, '2026-03-15')).toEqual([{ standardId: 'a', deviations: 4, pmos: 3 }]);
    expect(deviationPatterns(rows, '2026-03-15', 2).map((r) => r.standardId)).toEqual(['a', 'b']);
  });

  it('given rejected, withdrawn or older-than-a-year requests, then they do not count', () => {
    const rows = [row('a', 'p1', 'REJECTED'), row('a', 'p2', 'WITHDRAWN'), row('a', 'p3', 'APPROVED', '2025-03-15'), row('a', 'p4', 'APPROVED', '2025-03-16')];
    expect(deviationPatterns(rows, '2026-03-15', 1)).toEqual([{ standardId: 'a', deviations: 1, pmos: 1 }]);
  });
});
