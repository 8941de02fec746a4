import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import type {
  BusinessPlanApproved,
  BusinessPlanDrafted,
  BusinessPlanRevisionOpened,
  BusinessPlanSubmitted,
  PlanEvent,
} from './plan.events';
import { isPlanEditable, PLAN_STATUSES } from './plan.state';
import { planVersionOf, planView } from './plan.view';

const foldPlanView = (events: readonly PlanEvent[]) =>
  foldView(planView, events, (revision) => ({ revision, recordedAt: '2026-02-01T10:00:00.000Z', actor: 'ada@pmo.example' }));

const planId = '3d2f8a61-5c4b-4e7a-9f10-2b6c8d4e1a90';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const head = 'grace@pmo.example';
const sponsor = 'coo@org.example';

const drafted: BusinessPlanDrafted = {
  type: 'BusinessPlanDrafted',
  data: { planId, pmoId, title: 'PMO plan 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', version: 1 },
};
const submitted = (version: number): BusinessPlanSubmitted => ({
  type: 'BusinessPlanSubmitted',
  data: { planId, version, submittedBy: head, submittedAt: '2026-02-01T10:00:00.000Z', reason: null },
});
const approved = (version: number, supersededVersion: number | null = null): BusinessPlanApproved => ({
  type: 'BusinessPlanApproved',
  data: {
    planId,
    version,
    approvedBy: sponsor,
    approvedAt: `2026-02-0${version + 1}T10:00:00.000Z`,
    reason: null,
    supersededVersion,
  },
});
const revisionOpened = (version: number): BusinessPlanRevisionOpened => ({
  type: 'BusinessPlanRevisionOpened',
  data: { planId, version, reason: 'A new objective on supplier onboarding' },
});

const approvedV1: PlanEvent[] = [drafted, submitted(1), approved(1)];

const submit: PlanCommand = { type: 'SubmitBusinessPlan', planId, reason: null };
const approve: PlanCommand = { type: 'ApproveBusinessPlan', planId, reason: 'Fits the mandate' };
const returnPlan = (reason: string): PlanCommand => ({ type: 'ReturnBusinessPlan', planId, reason });
const revise: PlanCommand = { type: 'ReviseBusinessPlan', planId, reason: 'A new objective on supplier onboarding' };

const draft = (overrides: Partial<Extract<PlanCommand, { type: 'DraftBusinessPlan' }>> = {}): PlanCommand => ({
  type: 'DraftBusinessPlan',
  planId,
  pmoId,
  title: '  PMO plan 2026 ',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  ...overrides,
});

describe('Business plan', () => {
  describe('drafting', () => {
    it('records version 1 of a plan for a PMO and a period, with the title trimmed', () => {
      spec(planDecider).given([]).when(draft()).then([drafted]);
    });

    it('refuses a plan that already exists', () => {
      spec(planDecider).given([drafted]).when(draft()).thenThrows('PLAN_ALREADY_EXISTS');
    });

    it.each([
      ['title', { title: '   ' }],
      ['title', { title: 'x'.repeat(201) }],
      ['periodStart', { periodStart: '2026-02-30' }],
      ['periodEnd', { periodEnd: '2026-12' }],
      ['periodEnd', { periodEnd: '2026-01-01' }],
      ['periodEnd', { periodEnd: '2025-12-31' }],
    ])('refuses a bad %s (%p)', (field, overrides) => {
      spec(planDecider).given([]).when(draft(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('submitting', () => {
    it('records who submitted the draft and when', () => {
      spec(planDecider)
        .given([drafted])
        .when({ type: 'SubmitBusinessPlan', planId, reason: ' Ready for the sponsor ' }, {
          actor: head,
          now: '2026-02-01T10:00:00.000Z',
        })
        .then([{ ...submitted(1), data: { ...submitted(1).data, reason: 'Ready for the sponsor' } }]);
    });

    it('refuses an unknown plan', () => {
      spec(planDecider).given([]).when(submit).thenThrows('PLAN_NOT_FOUND');
    });

    it.each([
      ['SUBMITTED', [drafted, submitted(1)]],
      ['APPROVED', approvedV1],
    ])('refuses a plan that is %s', (_status, given) => {
      spec(planDecider).given(given).when(submit).thenThrows('PLAN_INVALID_TRANSITION');
    });

    it('refuses a reason over 2000 characters', () => {
      spec(planDecider)
        .given([drafted])
        .when({ type: 'SubmitBusinessPlan', planId, reason: 'x'.repeat(2001) })
        .thenThrows('BAD_USER_INPUT', 'reason');
    });
  });

  describe('approving', () => {
    it('records who approved the submitted version and when', () => {
      spec(planDecider)
        .given([drafted, submitted(1)])
        .when(approve, { actor: sponsor, now: '2026-02-02T10:00:00.000Z' })
        .then([{ ...approved(1), data: { ...approved(1).data, reason: 'Fits the mandate' } }]);
    });

    it.each([
      ['DRAFT', [drafted]],
      ['APPROVED', approvedV1],
      ['a DRAFT revision', [...approvedV1, revisionOpened(2)]],
    ])('refuses a plan that is %s', (_status, given) => {
      spec(planDecider).given(given).when(approve).thenThrows('PLAN_INVALID_TRANSITION');
    });

    it('refuses an unknown plan', () => {
      spec(planDecider).given([]).when(approve).thenThrows('PLAN_NOT_FOUND');
    });

    describe('separation of duties', () => {
      it('refuses an approval by the person who submitted the version', () => {
        spec(planDecider).given([drafted, submitted(1)]).when(approve, { actor: head }).thenThrows('SELF_APPROVAL_FORBIDDEN');
      });

      it('refuses it on a revision too, whoever approved earlier versions', () => {
        spec(planDecider)
          .given([...approvedV1, revisionOpened(2), submitted(2)])
          .when(approve, { actor: head })
          .thenThrows('SELF_APPROVAL_FORBIDDEN');
      });

      it('judges by the latest submission: a version returned and resubmitted by someone else may be approved by the first submitter', () => {
        const returned = {
          type: 'BusinessPlanReturned' as const,
          data: { planId, version: 1, returnedBy: sponsor, returnedAt: '2026-02-01T12:00:00.000Z', reason: 'Add a budget' },
        };
        const resubmitted: BusinessPlanSubmitted = { ...submitted(1), data: { ...submitted(1).data, submittedBy: 'ada@pmo.example' } };
        spec(planDecider)
          .given([drafted, submitted(1), returned, resubmitted])
          .when(approve, { actor: head, now: '2026-02-02T10:00:00.000Z' })
          .then([{ ...approved(1), data: { ...approved(1).data, approvedBy: head, reason: 'Fits the mandate' } }]);
      });

      // An old event may lack its author: the type cannot promise what was stored before it.
      const anonymous = { ...submitted(1), data: { ...submitted(1).data, submittedBy: undefined } } as unknown as BusinessPlanSubmitted;

      it.each([head, sponsor, 'ada@pmo.example'])('lets nobody (%s) approve a submission recorded without its author', (actor) => {
        spec(planDecider).given([drafted, anonymous]).when(approve, { actor }).thenThrows('PLAN_SUBMITTER_UNKNOWN');
      });

      it('lets a submission without its author be returned, and approved once submitted again by someone known', () => {
        const returned = {
          type: 'BusinessPlanReturned' as const,
          data: { planId, version: 1, returnedBy: sponsor, returnedAt: '2026-02-01T12:00:00.000Z', reason: 'Who submitted this?' },
        };
        spec(planDecider)
          .given([drafted, anonymous])
          .when(returnPlan('Who submitted this?'), { actor: sponsor, now: '2026-02-01T12:00:00.000Z' })
          .then([returned]);
        spec(planDecider)
          .given([drafted, anonymous, returned, submitted(1)])
          .when(approve, { actor: sponsor, now: '2026-02-02T10:00:00.000Z' })
          .then([{ ...approved(1), data: { ...approved(1).data, reason: 'Fits the mandate' } }]);
      });

      it('shows a submission without its author as submitted by nobody known', () => {
        spec(planDecider)
          .given([drafted])
          .when({ type: 'SubmitBusinessPlan', planId, reason: null })
          .thenView(planView, (view) => expect(planVersionOf(view, 1)).toMatchObject({ status: 'SUBMITTED', submittedBy: 'ada@pmo.example' }));
        expect(planVersionOf(foldPlanView([drafted, anonymous]), 1)).toMatchObject({ status: 'SUBMITTED', submittedBy: null });
      });

      it('still lets the submitter return their own submission', () => {
        spec(planDecider)
          .given([drafted, submitted(1)])
          .when(returnPlan('Withdrawn to add a budget'), { actor: head })
          .thenState((state) => expect(state.status).toBe('DRAFT'));
      });
    });
  });

  describe('returning', () => {
    it('sends the submitted version back to DRAFT with the reason', () => {
      spec(planDecider)
        .given([drafted, submitted(1)])
        .when(returnPlan('Objective 3 has no activity'), { actor: sponsor })
        .then([
          {
            type: 'BusinessPlanReturned',
            data: {
              planId,
              version: 1,
              returnedBy: sponsor,
              returnedAt: '2026-03-15T09:00:00.000Z',
              reason: 'Objective 3 has no activity',
            },
          },
        ]);
    });

    it('leaves a draft that can be submitted again', () => {
      spec(planDecider)
        .given([drafted, submitted(1)])
        .when(returnPlan('Objective 3 has no activity'))
        .thenView(planView, (view) => {
          expect(view.status).toBe('DRAFT');
          expect(planVersionOf(view, 1)).toMatchObject({ status: 'DRAFT', submittedBy: null, submittedAt: null });
        });
    });

    it('requires a reason', () => {
      spec(planDecider).given([drafted, submitted(1)]).when(returnPlan(' ')).thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('refuses a plan that is not SUBMITTED', () => {
      spec(planDecider).given([drafted]).when(returnPlan('No')).thenThrows('PLAN_INVALID_TRANSITION');
    });

    it('refuses an unknown plan', () => {
      spec(planDecider).given([]).when(returnPlan('No')).thenThrows('PLAN_NOT_FOUND');
    });
  });

  describe('revising', () => {
    it('opens the next version as a DRAFT while the approved one stays the baseline', () => {
      spec(planDecider)
        .given(approvedV1)
        .when(revise)
        .thenState((state) => expect(state).toMatchObject({ status: 'DRAFT', version: 2, approvedVersion: 1 }));
      spec(planDecider)
        .given(approvedV1)
        .when(revise)
        .thenView(planView, (view) => {
          expect(view).toMatchObject({ status: 'DRAFT', version: 2, approvedVersion: 1 });
          expect(planVersionOf(view, 1)).toMatchObject({ status: 'APPROVED', approvedBy: sponsor });
          expect(planVersionOf(view, 2)).toMatchObject({ status: 'DRAFT', approvedBy: null });
        });
    });

    it('records the revision with its reason', () => {
      spec(planDecider).given(approvedV1).when(revise).then([revisionOpened(2)]);
    });

    it.each([
      ['DRAFT', [drafted]],
      ['SUBMITTED', [drafted, submitted(1)]],
    ])('refuses a plan that is %s', (_status, given) => {
      spec(planDecider).given(given).when(revise).thenThrows('PLAN_INVALID_TRANSITION');
    });

    it('refuses an unknown plan', () => {
      spec(planDecider).given([]).when(revise).thenThrows('PLAN_NOT_FOUND');
    });

    it('supersedes the previous approved version when the revision is approved', () => {
      const history = [...approvedV1, revisionOpened(2), submitted(2)];
      spec(planDecider)
        .given(history)
        .when({ type: 'ApproveBusinessPlan', planId, reason: null }, { actor: sponsor, now: '2026-02-03T10:00:00.000Z' })
        .then([approved(2, 1)]);
      spec(planDecider)
        .given(history)
        .when(approve, { now: '2026-02-03T10:00:00.000Z' })
        .thenView(planView, (view) => {
          expect(view).toMatchObject({ status: 'APPROVED', version: 2, approvedVersion: 2 });
          expect(planVersionOf(view, 1)).toMatchObject({
            status: 'SUPERSEDED',
            approvedBy: sponsor,
            approvedAt: '2026-02-02T10:00:00.000Z',
            supersededAt: '2026-02-03T10:00:00.000Z',
          });
          expect(planVersionOf(view, 2)).toMatchObject({ status: 'APPROVED' });
          expect(planVersionOf(view, 3)).toBeNull();
        });
    });

    it('supersedes only the version in force on a third approval', () => {
      spec(planDecider)
        .given([...approvedV1, revisionOpened(2), submitted(2), approved(2, 1), revisionOpened(3), submitted(3)])
        .when(approve)
        .thenView(planView, (view) => {
          expect(view.status === 'NONE' ? [] : view.versions.map((v) => v.status)).toEqual([
            'SUPERSEDED',
            'SUPERSEDED',
            'APPROVED',
          ]);
        });
    });
  });

  it('lets activities change except while the plan awaits approval', () => {
    expect(Object.fromEntries(PLAN_STATUSES.map((status) => [status, isPlanEditable(status)]))).toEqual({
      DRAFT: true,
      SUBMITTED: false,
      APPROVED: true,
      SUPERSEDED: true,
    });
  });
});
