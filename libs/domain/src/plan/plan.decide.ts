import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, optionalText, requiredText } from '../shared/input';
import type { DraftBusinessPlan, PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import { planVersionOf, type CurrentPlanStatus, type ExistingPlan, type PlanState } from './plan.state';

const existing = (state: PlanState, planId: string): ExistingPlan => {
  if (state.status === 'NONE') throw new DomainError('PLAN_NOT_FOUND', `business plan ${planId} does not exist`);
  return state;
};

const inStatus = (state: PlanState, planId: string, expected: CurrentPlanStatus, action: string): ExistingPlan => {
  const plan = existing(state, planId);
  if (plan.status !== expected) {
    throw new DomainError(
      'PLAN_INVALID_TRANSITION',
      `cannot ${action} version ${plan.version} of the plan: it is ${plan.status}, not ${expected}`,
    );
  }
  return plan;
};

/**
 * Separation of duties: whoever submitted a version cannot be the one who approves it, whatever
 * their role. A submission recorded without its author names nobody and blocks nobody.
 */
const refuseSelfApproval = (plan: ExistingPlan, actor: string): void => {
  const submittedBy = planVersionOf(plan, plan.version)?.submittedBy ?? null;
  if (submittedBy !== null && submittedBy === actor) {
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
      data: { planId: command.planId, pmoId: command.pmoId, title, periodStart, periodEnd, version: 1 },
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
    case 'ReviseBusinessPlan': {
      const plan = inStatus(state, command.planId, 'APPROVED', 'revise');
      const reason = optionalText('reason', command.reason, TEXT_MAX);
      return [{ type: 'BusinessPlanRevisionOpened', data: { planId: plan.planId, version: plan.version + 1, reason } }];
    }
    default:
      return assertNever(command);
  }
};
