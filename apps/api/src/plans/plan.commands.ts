import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planDecider } from '@throughline/domain';
import { InputError } from '../common/app-errors';
import { CommandRunner, type EntityTarget } from '../common/command-runner';
import { EntityReader } from '../common/entity-reader';
import { existingPmo } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY } from '@throughline/runtime';
import type { DraftBusinessPlanInput, PlanTransitionInput } from './plan.inputs';

export class DraftBusinessPlanCommand {
  constructor(readonly input: DraftBusinessPlanInput, readonly caller: RequestContext) {}
}
export class SubmitBusinessPlanCommand {
  constructor(readonly input: PlanTransitionInput, readonly caller: RequestContext) {}
}
export class ApproveBusinessPlanCommand {
  constructor(readonly input: PlanTransitionInput, readonly caller: RequestContext) {}
}
export class ReturnBusinessPlanCommand {
  constructor(readonly input: PlanTransitionInput, readonly caller: RequestContext) {}
}
export class ReviseBusinessPlanCommand {
  constructor(readonly input: PlanTransitionInput, readonly caller: RequestContext) {}
}

@CommandHandler(DraftBusinessPlanCommand)
export class DraftBusinessPlanHandler implements ICommandHandler<DraftBusinessPlanCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
  ) {}

  async execute({ input, caller }: DraftBusinessPlanCommand): Promise<string> {
    const pmoId = requireEntityId(input.pmoId, 'pmoId');
    await existingPmo(this.reader, pmoId);
    return this.runner.create(planDecider, CATEGORY.plan, {
      command: (planId) => ({
        type: 'DraftBusinessPlan',
        planId,
        pmoId,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      }),
      caller,
      operation: 'draftBusinessPlan',
      input,
    });
  }
}

/** The plan a mutation names by its planId. */
const planOf = (input: { readonly planId: string }): EntityTarget => ({ category: CATEGORY.plan, id: input.planId, field: 'planId' });

@CommandHandler(SubmitBusinessPlanCommand)
export class SubmitBusinessPlanHandler implements ICommandHandler<SubmitBusinessPlanCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: SubmitBusinessPlanCommand): Promise<string> {
    return this.runner.onEntity(planDecider, planOf(input), {
      command: (planId) => ({ type: 'SubmitBusinessPlan', planId, reason: input.reason ?? null }),
      caller,
      operation: 'submitBusinessPlan',
      input,
    });
  }
}

@CommandHandler(ApproveBusinessPlanCommand)
export class ApproveBusinessPlanHandler implements ICommandHandler<ApproveBusinessPlanCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: ApproveBusinessPlanCommand): Promise<string> {
    return this.runner.onEntity(planDecider, planOf(input), {
      command: (planId) => ({ type: 'ApproveBusinessPlan', planId, reason: input.reason ?? null }),
      caller,
      operation: 'approveBusinessPlan',
      input,
    });
  }
}

@CommandHandler(ReturnBusinessPlanCommand)
export class ReturnBusinessPlanHandler implements ICommandHandler<ReturnBusinessPlanCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: ReturnBusinessPlanCommand): Promise<string> {
    // A return is a rejection: the authors need to know what to change.
    const reason = input.reason?.trim();
    if (!reason) throw new InputError('reason', 'a returned plan needs a reason');
    return this.runner.onEntity(planDecider, planOf(input), {
      command: (planId) => ({ type: 'ReturnBusinessPlan', planId, reason }),
      caller,
      operation: 'returnBusinessPlan',
      input,
    });
  }
}

@CommandHandler(ReviseBusinessPlanCommand)
export class ReviseBusinessPlanHandler implements ICommandHandler<ReviseBusinessPlanCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: ReviseBusinessPlanCommand): Promise<string> {
    return this.runner.onEntity(planDecider, planOf(input), {
      command: (planId) => ({ type: 'ReviseBusinessPlan', planId, reason: input.reason ?? null }),
      caller,
      operation: 'reviseBusinessPlan',
      input,
    });
  }
}

export const PLAN_COMMAND_HANDLERS = [
  DraftBusinessPlanHandler,
  SubmitBusinessPlanHandler,
  ApproveBusinessPlanHandler,
  ReturnBusinessPlanHandler,
  ReviseBusinessPlanHandler,
];
