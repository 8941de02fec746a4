import { spec } from '@throughline/testing';
import { holdsQualification, qualificationDecider, type RecordQualification } from './qualification';
import { supportedPersonDecider } from './supported-person';

const holderId = 'b0000000-0000-4000-8000-000000000001';
const record = (overrides: Partial<RecordQualification> = {}): RecordQualification => ({
  type: 'RecordQualification', holderId, person: ' coach@pmo.example ', kind: 'COACH', issuer: 'ICF', validFrom: '2025-01-01', validUntil: '2027-01-01', ...overrides,
});
const recorded = { type: 'QualificationRecorded', data: { holderId, person: 'coach@pmo.example', kind: 'COACH', issuer: 'ICF', validFrom: '2025-01-01', validUntil: '2027-01-01' } } as const;

describe('Qualification', () => {
  it('records a qualification, trimmed', () => {
    spec(qualificationDecider).given([]).when(record()).then([recorded]);
  });

  it('records an open-ended one beside an earlier one', () => {
    spec(qualificationDecider).given([recorded]).when(record({ kind: 'COUNSELLOR', validUntil: null })).then([{ ...recorded, data: { ...recorded.data, kind: 'COUNSELLOR', validUntil: null } }]);
  });

  it('refuses a validUntil before validFrom', () => {
    spec(qualificationDecider).given([]).when(record({ validUntil: '2024-12-31' })).thenThrows('QUALIFICATION_ENDS_BEFORE_IT_STARTS', 'validUntil');
  });

  it.each([
    ['person', { person: '' }],
    ['kind', { kind: 'MENTOR' as never }],
    ['issuer', { issuer: ' ' }],
    ['validFrom', { validFrom: 'soon' }],
  ])('refuses a bad %s', (field, overrides) => {
    spec(qualificationDecider).given([]).when(record(overrides)).thenThrows('BAD_USER_INPUT', field);
  });

  it('is valid from its first to its last day', () => {
    const held = [{ kind: 'COACH', validFrom: '2025-01-01', validUntil: '2025-12-31' }] as const;
    expect(['2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01'].map((day) => holdsQualification(held, 'COACH', day))).toEqual([false, true, true, false]);
    expect(holdsQualification(held, 'COUNSELLOR', '2025-06-01')).toBe(false);
  });
});

describe('Supported person', () => {
  const erase = { type: 'EraseSupportedPersonData', supportedPersonId: holderId, subject: `supported:${holderId}` } as const;
  const erased = { type: 'SupportedPersonDataErased', data: { supportedPersonId: holderId, subject: `supported:${holderId}` } } as const;

  it('records the erasure once; again records nothing', () => {
    spec(supportedPersonDecider).given([]).when(erase).then([erased]);
    spec(supportedPersonDecider).given([erased]).when(erase).then([]);
  });
});
