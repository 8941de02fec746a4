import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, optionalText, requiredText } from '../shared/input';
import type { DraftBusinessPlan, PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import type { CurrentPlanStatus, ExistingPlan, PlanState } from './plan.state';

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
