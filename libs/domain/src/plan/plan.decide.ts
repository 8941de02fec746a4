import { movesToSuccessor } from '../shared/transfer';
import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, optionalText, requiredText } from '../shared/input';
import type { DraftBusinessPlan, PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import type { CurrentPlanStatus, ExistingPlan, PlanState, SubmittedPlan } from './plan.state';

const existing = (state: PlanState, planId: string): ExistingPlan => {
  if (state.status === 'NONE') throw new DomainError('PLAN_NOT_FOUND', `business plan ${planId} does not exist`);
  return state;
};

const isIn = <S extends CurrentPlanStatus>(plan: ExistingPlan, status: S): plan is Extract<ExistingPlan, { readonly status: S }> =>
  plan.status === status;

const inStatus = <S extends CurrentPlanStatus>(
  state: PlanState,
  planId: string,
  expected: S,
  action: string,
): Extract<ExistingPlan, { readonly status: S }> => {
  const plan = existing(state, planId);
  if (!isIn(plan, expected)) {
    throw new DomainError(
      'PLAN_INVALID_TRANSITION',
      `cannot ${action} version ${plan.version} of the plan: it is ${plan.status}, not ${expected}`,
    );
  }
  return plan;
};

/**
 * Separation of duties: whoever submitted a version cannot be the one who approves it, whatever
 * their role. A submission recorded without its author could be anybody's, so nobody may approve
 * it: the rule fails closed until the version is returned and submitted again, which records who.
 */
const refuseSelfApproval = (plan: SubmittedPlan, actor: string): void => {
  const { submittedBy } = plan;
  if (submittedBy === null) {
    throw new DomainError(
      'PLAN_SUBMITTER_UNKNOWN',
      `version ${plan.version} of the plan was submitted without a recorded submitter, so nobody can be shown not to be approving their own submission; return it and submit it again`,
    );
  }
  if (submittedBy === actor) {
    throw new DomainError(
      'SELF_APPROVAL_FORBIDDEN',
      `${actor} submitted version ${plan.version} of the plan and cannot also approve it; someone else must`,
    );
  }
};

const draft = (command: DraftBusinessPlan, state: PlanState): PlanEvent[] => {
  if (state.status !== 'NONE') {
    throw new DomainError('PLAN_ALREADY_EXISTS', `business plan ${command.planId} already exists`);
  }
  const title = requiredText('title', command.title, NAME_MAX);
  const periodStart = localDate('periodStart', command.periodStart);
  const periodEnd = localDate('periodEnd', command.periodEnd);
  if (periodEnd <= periodStart) throw badInput('periodEnd', 'periodEnd must be after periodStart');
  return [
    {
      type: 'BusinessPlanDrafted',
      data: {
        planId: command.planId,
        pmoId: command.pmoId,
        title,
        periodStart,
        periodEnd,
        version: 1,
        ...(command.templateId ? { templateId: command.templateId } : {}),
      },
    },
  ];
};

export const decidePlan = (command: PlanCommand, state: PlanState, context: CommandContext): PlanEvent[] => {
  switch (command.type) {
    case 'DraftBusinessPlan':
      return draft(command, state);
    case 'SubmitBusinessPlan': {
      const plan = inStatus(state, command.planId, 'DRAFT', 'submit');
      const reason = optionalText('reason', command.reason, TEXT_MAX);
      return [
        {
          type: 'BusinessPlanSubmitted',
          data: {
            planId: plan.planId,
            version: plan.version,
            submittedBy: context.actor,
            submittedAt: context.now,
            reason,
          },
        },
      ];
    }
    case 'ApproveBusinessPlan': {
      const plan = inStatus(state, command.planId, 'SUBMITTED', 'approve');
      refuseSelfApproval(plan, context.actor);
      const reason = optionalText('reason', command.reason, TEXT_MAX);
      return [
        {
          type: 'BusinessPlanApproved',
          data: {
            planId: plan.planId,
            version: plan.version,
            approvedBy: context.actor,
            approvedAt: context.now,
            reason,
            supersededVersion: plan.approvedVersion,
          },
        },
      ];
    }
    case 'ReturnBusinessPlan': {
      const plan = inStatus(state, command.planId, 'SUBMITTED', 'return');
      const reason = requiredText('reason', command.reason, TEXT_MAX);
      return [
        {
          type: 'BusinessPlanReturned',
          data: {
            planId: plan.planId,
            version: plan.version,
            returnedBy: context.actor,
            returnedAt: context.now,
            reason,
          },
        },
      ];
    }
    case 'TransferBusinessPlan': {
      // Any version and status carries on: the plan keeps its history and its approvals.
      const plan = existing(state, command.planId);
      if (!movesToSuccessor(plan.pmoId, command, 'business plan')) return [];
      const { planId, fromPmoId, toPmoId, effectiveOn, reason } = command;
      return [{ type: 'BusinessPlanTransferred', data: { planId, fromPmoId, toPmoId, effectiveOn, reason } }];
    }
    case 'ReviseBusinessPlan': {
      const plan = inStatus(state, command.planId, 'APPROVED', 'revise');
      const reason = optionalText('reason', command.reason, TEXT_MAX);
      return [{ type: 'BusinessPlanRevisionOpened', data: { planId: plan.planId, version: plan.version + 1, reason } }];
    }
    default:
      return assertNever(command);
  }
};
