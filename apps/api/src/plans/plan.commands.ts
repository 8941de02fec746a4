import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planDecider, type PlanCommand, type PmoState } from '@throughline/domain';
import { InputError, NotFoundError } from '../common/app-errors';
import { CommandRunner } from '../common/command-runner';
import { PMO_KIND } from '../common/entity-kinds';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY, entityIdOf, streamId } from '../common/stream-ids';
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
    const pmo = await this.reader.get<PmoState>(PMO_KIND, pmoId);
    if (!pmo || pmo.state.status === 'NONE') throw new NotFoundError('PMO', pmoId, 'pmoId');
    // A repeated commandId resolves to the first attempt's stream, not this fresh id.
    const planId = randomUUID();
    const outcome = await this.runner.run(planDecider, {
      streamId: streamId(CATEGORY.plan, planId),
      command: {
        type: 'DraftBusinessPlan',
        planId,
        pmoId,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      },
      caller,
      commandId: input.commandId,
      operation: 'draftBusinessPlan',
      input,
    });
    return entityIdOf(outcome.streamId);
  }
}

/** Moves an existing plan through its life cycle and answers the plan's id. */
@Injectable() // so the constructor's parameter types are recorded for subclasses
abstract class PlanTransitionHandler {
  constructor(protected readonly runner: CommandRunner) {}

  protected async transition(
    operation: string,
    input: PlanTransitionInput,
    caller: RequestContext,
    command: (planId: string) => PlanCommand,
  ): Promise<string> {
    const planId = requireEntityId(input.planId, 'planId');
    const outcome = await this.runner.run(planDecider, {
      streamId: streamId(CATEGORY.plan, planId),
      command: command(planId),
      caller,
      reason: input.reason,
      expectedRevision: input.expectedRevision,
      commandId: input.commandId,
      operation,
      input,
    });
    return entityIdOf(outcome.streamId);
  }
}

@CommandHandler(SubmitBusinessPlanCommand)
export class SubmitBusinessPlanHandler extends PlanTransitionHandler implements ICommandHandler<SubmitBusinessPlanCommand, string> {
  execute({ input, caller }: SubmitBusinessPlanCommand): Promise<string> {
    return this.transition('submitBusinessPlan', input, caller, (planId) => ({
      type: 'SubmitBusinessPlan',
      planId,
      reason: input.reason ?? null,
    }));
  }
}

@CommandHandler(ApproveBusinessPlanCommand)
export class ApproveBusinessPlanHandler extends PlanTransitionHandler implements ICommandHandler<ApproveBusinessPlanCommand, string> {
  execute({ input, caller }: ApproveBusinessPlanCommand): Promise<string> {
    return this.transition('approveBusinessPlan', input, caller, (planId) => ({
      type: 'ApproveBusinessPlan',
      planId,
      reason: input.reason ?? null,
    }));
  }
}

@CommandHandler(ReturnBusinessPlanCommand)
export class ReturnBusinessPlanHandler extends PlanTransitionHandler implements ICommandHandler<ReturnBusinessPlanCommand, string> {
  execute({ input, caller }: ReturnBusinessPlanCommand): Promise<string> {
    // A return is a rejection: the authors need to know what to change.
    const reason = input.reason?.trim();
    if (!reason) throw new InputError('reason', 'a returned plan needs a reason');
    return this.transition('returnBusinessPlan', input, caller, (planId) => ({ type: 'ReturnBusinessPlan', planId, reason }));
  }
}

@CommandHandler(ReviseBusinessPlanCommand)
export class ReviseBusinessPlanHandler extends PlanTransitionHandler implements ICommandHandler<ReviseBusinessPlanCommand, string> {
  execute({ input, caller }: ReviseBusinessPlanCommand): Promise<string> {
    return this.transition('reviseBusinessPlan', input, caller, (planId) => ({
      type: 'ReviseBusinessPlan',
      planId,
      reason: input.reason ?? null,
    }));
  }
}

export const PLAN_COMMAND_HANDLERS = [
  DraftBusinessPlanHandler,
  SubmitBusinessPlanHandler,
  ApproveBusinessPlanHandler,
  ReturnBusinessPlanHandler,
  ReviseBusinessPlanHandler,
];
