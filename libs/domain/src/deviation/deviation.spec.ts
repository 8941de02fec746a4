import { spec } from '@throughline/testing';
import type { PmoInTree, StandardSnapshot } from '../standard/standard.snapshots';
import type { DeviationSnapshot, RequestDeviation } from './deviation.commands';
import { deviationDecider } from './deviation.decider';
import type { DeviationRequested } from './deviation.events';
import { deviationStatusOn, deviationView } from './deviation.view';

const deviationId = '8a1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const standardId = '5b1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const portfolioId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const project: PmoInTree = { pmoId: '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a30', kind: 'PROJECT', ancestorIds: ['6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a20', portfolioId] };
const now = '2026-03-15T09:00:00.000Z'; // today is 2026-03-15
const requester = 'ada@pmo.example';
const approver = 'grace@pmo.example';

const standard: StandardSnapshot = {
  standardId,
  publisherPmoId: portfolioId,
  status: 'IN_FORCE',
  appliesTo: ['PROJECT'],
  versions: [{ version: 1, effectiveFrom: '2026-01-01', adoptionDueOn: '2026-02-28' }],
  maxDeviationDays: 60,
};

const request = (overrides: Partial<RequestDeviation> = {}): RequestDeviation => ({
  type: 'RequestDeviation',
  deviationId,
  slot: 2,
  standard,
  pmo: project,
  earlier: [],
  description: 'Monthly instead of weekly reports',
  reason: 'A team of two',
  significance: 'SIGNIFICANT',
  compensatingMeasures: null,
  from: '2026-04-01',
  until: '2026-05-15',
  ...overrides,
});

const requested: DeviationRequested = {
  type: 'DeviationRequested',
  data: {
    deviationId,
    standardId,
    pmoId: project.pmoId,
    publisherPmoId: portfolioId,
    slot: 2,
    description: 'Monthly instead of weekly reports',
    reason: 'A team of two',
    significance: 'SIGNIFICANT',
    compensatingMeasures: null,
    from: '2026-04-01',
    until: '2026-05-15',
    inAdvance: true,
    requestedOn: '2026-03-15',
    requestedAt: now,
    requestedBy: requester,
  },
};

const earlier = (status: DeviationSnapshot['status'], from: string, until: string): DeviationSnapshot => ({
  deviationId: '8a1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a00',
  status,
  from,
  until,
});

const decision = (type: 'ApproveDeviation' | 'RejectDeviation' | 'WithdrawDeviation') => ({ type, deviationId, reason: 'Agreed at the board' });
const decided = { deviationId, reason: 'Agreed at the board', decidedOn: '2026-03-15', decidedAt: now, decidedBy: approver };

describe('Deviation', () => {
  describe('requesting', () => {
    it('given a request before its first day, when asked, then it is recorded in advance and waits', () => {
      spec(deviationDecider)
        .given([])
        .when(request(), { actor: requester })
        .then([requested]);
    });

    it('given a request on its first day, when asked, then it is accepted but not in advance', () => {
      spec(deviationDecider)
        .given([])
        .when(request({ from: '2026-03-15', until: '2026-04-30' }), { actor: requester })
        .then([{ ...requested, data: { ...requested.data, from: '2026-03-15', until: '2026-04-30', inAdvance: false } }]);
    });

    it('given a MINOR deviation, when asked, then it is in force at once', () => {
      spec(deviationDecider)
        .given([])
        .when(request({ significance: 'MINOR' }), { actor: requester })
        .thenView(deviationView, (view) => {
          expect(view.status).toBe('APPROVED');
          expect(view.status !== 'NONE' && view.decidedOn).toBe('2026-03-15');
        });
    });

    it('given a MINOR deviation, when approved, then DEVIATION_ALREADY_DECIDED', () => {
      spec(deviationDecider)
        .given([{ ...requested, data: { ...requested.data, significance: 'MINOR' } }])
        .when(decision('ApproveDeviation'), { actor: approver })
        .thenThrows('DEVIATION_ALREADY_DECIDED', 'deviationId');
    });

    it('given a cap of 60 days, when 61 are asked for, then DEVIATION_TOO_LONG names until', () => {
      spec(deviationDecider).given([]).when(request({ from: '2026-04-01', until: '2026-05-31' })).thenThrows('DEVIATION_TOO_LONG', 'until');
    });

    it('given a cap of 60 days, when exactly 60 are asked for, then it is recorded', () => {
      spec(deviationDecider)
        .given([])
        .when(request({ from: '2026-04-01', until: '2026-05-30' }))
        .thenState((state) => expect(state.status).toBe('REQUESTED'));
    });

    it.each([
      ['REQUESTED', '2026-05-15', '2026-06-01'],
      ['APPROVED', '2026-03-01', '2026-04-01'],
    ] as const)('given an earlier %s deviation from %s to %s, when an overlapping one is asked, then DEVIATION_OVERLAPS', (status, from, until) => {
      spec(deviationDecider)
        .given([])
        .when(request({ earlier: [earlier(status, from, until)] }))
        .thenThrows('DEVIATION_OVERLAPS', 'from');
    });

    it.each(['REJECTED', 'WITHDRAWN'] as const)('given an earlier %s deviation on the same days, when asked, then it is recorded', (status) => {
      spec(deviationDecider)
        .given([])
        .when(request({ earlier: [earlier(status, '2026-04-01', '2026-05-15')] }))
        .thenState((state) => expect(state.status).toBe('REQUESTED'));
    });

    it('given an earlier deviation ending the day before, when asked, then it is recorded', () => {
      spec(deviationDecider)
        .given([])
        .when(request({ earlier: [earlier('APPROVED', '2026-03-01', '2026-03-31')] }))
        .thenState((state) => expect(state.status).toBe('REQUESTED'));
    });

    it('given a taken slot, when asked, then DEVIATION_SLOT_TAKEN so the request is judged again', () => {
      spec(deviationDecider).given([requested]).when(request()).thenThrows('DEVIATION_SLOT_TAKEN');
    });

    it('given a retired standard, when asked, then STANDARD_RETIRED', () => {
      spec(deviationDecider).given([]).when(request({ standard: { ...standard, status: 'RETIRED' } })).thenThrows('STANDARD_RETIRED');
    });

    it.each<[string, Partial<RequestDeviation>]>([
      ['description', { description: '' }],
      ['reason', { reason: ' ' }],
      ['significance', { significance: 'HUGE' as never }],
      ['compensatingMeasures', { compensatingMeasures: '' }],
      ['from', { from: '2026-13-01' }],
      ['until', { until: '2026-03-31' }],
    ])('given bad input, when asked, then %s is named', (field, overrides) => {
      spec(deviationDecider).given([]).when(request(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('deciding', () => {
    it('given a request, when someone else approves it, then it is approved with the reason', () => {
      spec(deviationDecider).given([requested]).when(decision('ApproveDeviation'), { actor: approver }).then([{ type: 'DeviationApproved', data: decided }]);
    });

    it.each(['ApproveDeviation', 'RejectDeviation'] as const)('given a request, when its requester tries %s, then SELF_APPROVAL_FORBIDDEN', (type) => {
      spec(deviationDecider).given([requested]).when(decision(type), { actor: requester }).thenThrows('SELF_APPROVAL_FORBIDDEN', 'deviationId');
    });

    it('given a request, when its requester withdraws it, then it is withdrawn', () => {
      spec(deviationDecider)
        .given([requested])
        .when(decision('WithdrawDeviation'), { actor: requester })
        .then([{ type: 'DeviationWithdrawn', data: { ...decided, decidedBy: requester } }]);
    });

    it.each([
      ['DeviationApproved', 'RejectDeviation'],
      ['DeviationRejected', 'ApproveDeviation'],
      ['DeviationWithdrawn', 'WithdrawDeviation'],
    ] as const)('given a deviation already decided (%s), when %s, then DEVIATION_ALREADY_DECIDED', (type, command) => {
      spec(deviationDecider)
        .given([requested, { type, data: decided }])
        .when(decision(command), { actor: approver })
        .thenThrows('DEVIATION_ALREADY_DECIDED', 'deviationId');
    });

    it('given a request whose last day has passed, when approved, then DEVIATION_EXPIRED', () => {
      spec(deviationDecider)
        .given([requested])
        .when(decision('ApproveDeviation'), { actor: approver, today: '2026-05-16' })
        .thenThrows('DEVIATION_EXPIRED', 'deviationId');
    });

    it('given no deviation, when approved, then DEVIATION_NOT_FOUND', () => {
      spec(deviationDecider).given([]).when(decision('ApproveDeviation'), { actor: approver }).thenThrows('DEVIATION_NOT_FOUND');
    });

    it('given a blank reason, when rejected, then reason is refused', () => {
      spec(deviationDecider).given([requested]).when({ ...decision('RejectDeviation'), reason: '' }, { actor: approver }).thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('given an approved deviation, then it shows EXPIRED from the day after until, and rejected ones never', () => {
      expect(deviationStatusOn({ status: 'APPROVED', until: '2026-05-15' }, '2026-05-15')).toBe('APPROVED');
      expect(deviationStatusOn({ status: 'APPROVED', until: '2026-05-15' }, '2026-05-16')).toBe('EXPIRED');
      expect(deviationStatusOn({ status: 'REQUESTED', until: '2026-05-15' }, '2026-05-16')).toBe('EXPIRED');
      expect(deviationStatusOn({ status: 'REJECTED', until: '2026-05-15' }, '2026-05-16')).toBe('REJECTED');
    });
  });
});
