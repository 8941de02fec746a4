import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, type PlanSnapshot } from '@throughline/domain';
import { CommandRunner, type EntityTarget } from '../common/command-runner';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY } from '@throughline/runtime';
import { existingActivity, objectiveSnapshot, planSnapshot } from './activity.snapshots';
import type {
  CancelActivityInput,
  CompleteActivityInput,
  LinkActivityInput,
  PlanActivityInput,
  ReassignActivityInput,
  RescheduleActivityInput,
  UnlinkActivityInput,
} from './activity.inputs';

export class PlanActivityCommand {
  constructor(readonly input: PlanActivityInput, readonly caller: RequestContext) {}
}
export class LinkActivityCommand {
  constructor(readonly input: LinkActivityInput, readonly caller: RequestContext) {}
}
export class UnlinkActivityCommand {
  constructor(readonly input: UnlinkActivityInput, readonly caller: RequestContext) {}
}
export class RescheduleActivityCommand {
  constructor(readonly input: RescheduleActivityInput, readonly caller: RequestContext) {}
}
export class ReassignActivityCommand {
  constructor(readonly input: ReassignActivityInput, readonly caller: RequestContext) {}
}
export class CompleteActivityCommand {
  constructor(readonly input: CompleteActivityInput, readonly caller: RequestContext) {}
}
export class CancelActivityCommand {
  constructor(readonly input: CancelActivityInput, readonly caller: RequestContext) {}
}

/** The activity a mutation names by its activityId. */
const activityOf = (input: { readonly activityId: string }): EntityTarget => ({
  category: CATEGORY.activity,
  id: input.activityId,
  field: 'activityId',
});

@CommandHandler(PlanActivityCommand)
export class PlanActivityHandler implements ICommandHandler<PlanActivityCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
  ) {}

  async execute({ input, caller }: PlanActivityCommand): Promise<string> {
    const plan = await planSnapshot(this.reader, requireEntityId(input.planId, 'planId'), 'planId');
    const contributions = await Promise.all(
      (input.contributions ?? []).map(async (c, i) => ({
        objective: await objectiveSnapshot(this.reader, c.objectiveId, `contributions[${i}].objectiveId`),
        rationale: c.rationale,
        weight: c.weight ?? null,
      })),
    );
    return this.runner.create(activityDecider, CATEGORY.activity, {
      command: (activityId) => ({
        type: 'PlanActivity',
        activityId,
        plan,
        title: input.title,
        description: input.description ?? null,
        responsible: input.responsible,
        mode: input.mode,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        effortEstimateHours: input.effortEstimateHours ?? null,
        contributions,
      }),
      caller,
      operation: 'planActivity',
      input,
    });
  }
}

/** A change to an existing activity, which its plan may forbid. */
@Injectable() // so the constructor's parameter types are recorded for subclasses
abstract class ActivityChangeHandler {
  constructor(
    protected readonly runner: CommandRunner,
    protected readonly reader: EntityReader,
  ) {}

  /** The plan of an existing activity, which decides whether the activity may change. */
  protected async planOf(activityId: string): Promise<PlanSnapshot> {
    const id = requireEntityId(activityId, 'activityId');
    const activity = await existingActivity(this.reader, id);
    return planSnapshot(this.reader, activity.state.planId, 'activityId');
  }
}

@CommandHandler(LinkActivityCommand)
export class LinkActivityHandler extends ActivityChangeHandler implements ICommandHandler<LinkActivityCommand, string> {
  async execute({ input, caller }: LinkActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    const objective = await objectiveSnapshot(this.reader, input.objectiveId, 'objectiveId');
    return this.runner.onEntity(activityDecider, activityOf(input), {
      command: (activityId) => ({
        type: 'LinkActivityToObjective',
        activityId,
        plan,
        objective,
        rationale: input.rationale,
        weight: input.weight ?? null,
        effectiveFrom: input.effectiveFrom ?? null,
      }),
      caller,
      operation: 'linkActivityToObjective',
      input,
    });
  }
}

@CommandHandler(UnlinkActivityCommand)
export class UnlinkActivityHandler extends ActivityChangeHandler implements ICommandHandler<UnlinkActivityCommand, string> {
  async execute({ input, caller }: UnlinkActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    const objectiveId = requireEntityId(input.objectiveId, 'objectiveId');
    return this.runner.onEntity(activityDecider, activityOf(input), {
      command: (activityId) => ({ type: 'UnlinkActivityFromObjective', activityId, plan, objectiveId, reason: input.reason }),
      caller,
      operation: 'unlinkActivityFromObjective',
      input,
    });
  }
}

@CommandHandler(RescheduleActivityCommand)
export class RescheduleActivityHandler extends ActivityChangeHandler implements ICommandHandler<RescheduleActivityCommand, string> {
  async execute({ input, caller }: RescheduleActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    return this.runner.onEntity(activityDecider, activityOf(input), {
      command: (activityId) => ({
        type: 'RescheduleActivity',
        activityId,
        plan,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reason: input.reason,
      }),
      caller,
      operation: 'rescheduleActivity',
      input,
    });
  }
}

@CommandHandler(ReassignActivityCommand)
export class ReassignActivityHandler implements ICommandHandler<ReassignActivityCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: ReassignActivityCommand): Promise<string> {
    return this.runner.onEntity(activityDecider, activityOf(input), {
      command: (activityId) => ({ type: 'ReassignActivity', activityId, responsible: input.responsible, reason: input.reason ?? null }),
      caller,
      operation: 'reassignActivity',
      input,
    });
  }
}

@CommandHandler(CompleteActivityCommand)
export class CompleteActivityHandler implements ICommandHandler<CompleteActivityCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: CompleteActivityCommand): Promise<string> {
    return this.runner.onEntity(activityDecider, activityOf(input), {
      command: (activityId) => ({ type: 'CompleteActivity', activityId }),
      caller,
      operation: 'completeActivity',
      input,
    });
  }
}

@CommandHandler(CancelActivityCommand)
export class CancelActivityHandler extends ActivityChangeHandler implements ICommandHandler<CancelActivityCommand, string> {
  async execute({ input, caller }: CancelActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    return this.runner.onEntity(activityDecider, activityOf(input), {
      command: (activityId) => ({ type: 'CancelActivity', activityId, plan, reason: input.reason }),
      caller,
      operation: 'cancelActivity',
      input,
    });
  }
}

export const ACTIVITY_COMMAND_HANDLERS = [
  PlanActivityHandler,
  LinkActivityHandler,
  UnlinkActivityHandler,
  RescheduleActivityHandler,
  ReassignActivityHandler,
  CompleteActivityHandler,
  CancelActivityHandler,
];
