import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, type ActivityCommand, type PlanSnapshot } from '@throughline/domain';
import { CommandRunner } from '../common/command-runner';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY, entityIdOf, streamId } from '../common/stream-ids';
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

type ActivityInput = { activityId: string; expectedRevision?: number | null; commandId?: string | null };

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
    // A repeated commandId resolves to the first attempt's stream, not this fresh id.
    const activityId = randomUUID();
    const outcome = await this.runner.run(activityDecider, {
      streamId: streamId(CATEGORY.activity, activityId),
      command: {
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
      },
      caller,
      commandId: input.commandId,
      operation: 'planActivity',
      input,
    });
    return entityIdOf(outcome.streamId);
  }
}

/** Runs a command on an existing activity's stream and answers the activity's id. */
@Injectable() // so the constructor's parameter types are recorded for subclasses
abstract class ActivityCommandHandler {
  constructor(
    protected readonly runner: CommandRunner,
    protected readonly reader: EntityReader,
  ) {}

  protected async onActivity(
    operation: string,
    input: ActivityInput,
    caller: RequestContext,
    command: (activityId: string) => ActivityCommand,
    reason?: string | null,
  ): Promise<string> {
    const activityId = requireEntityId(input.activityId, 'activityId');
    const outcome = await this.runner.run(activityDecider, {
      streamId: streamId(CATEGORY.activity, activityId),
      command: command(activityId),
      caller,
      reason,
      expectedRevision: input.expectedRevision,
      commandId: input.commandId,
      operation,
      input,
    });
    return entityIdOf(outcome.streamId);
  }

  /** The plan of an existing activity, which decides whether the activity may change. */
  protected async planOf(activityId: string): Promise<PlanSnapshot> {
    const id = requireEntityId(activityId, 'activityId');
    const activity = await existingActivity(this.reader, id);
    return planSnapshot(this.reader, activity.state.planId, 'activityId');
  }
}

@CommandHandler(LinkActivityCommand)
export class LinkActivityHandler extends ActivityCommandHandler implements ICommandHandler<LinkActivityCommand, string> {
  async execute({ input, caller }: LinkActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    const objective = await objectiveSnapshot(this.reader, input.objectiveId, 'objectiveId');
    return this.onActivity('linkActivityToObjective', input, caller, (activityId) => ({
      type: 'LinkActivityToObjective',
      activityId,
      plan,
      objective,
      rationale: input.rationale,
      weight: input.weight ?? null,
      effectiveFrom: input.effectiveFrom ?? null,
    }));
  }
}

@CommandHandler(UnlinkActivityCommand)
export class UnlinkActivityHandler extends ActivityCommandHandler implements ICommandHandler<UnlinkActivityCommand, string> {
  async execute({ input, caller }: UnlinkActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    const objectiveId = requireEntityId(input.objectiveId, 'objectiveId');
    return this.onActivity(
      'unlinkActivityFromObjective',
      input,
      caller,
      (activityId) => ({ type: 'UnlinkActivityFromObjective', activityId, plan, objectiveId, reason: input.reason }),
      input.reason,
    );
  }
}

@CommandHandler(RescheduleActivityCommand)
export class RescheduleActivityHandler extends ActivityCommandHandler implements ICommandHandler<RescheduleActivityCommand, string> {
  async execute({ input, caller }: RescheduleActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    return this.onActivity(
      'rescheduleActivity',
      input,
      caller,
      (activityId) => ({
        type: 'RescheduleActivity',
        activityId,
        plan,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reason: input.reason,
      }),
      input.reason,
    );
  }
}

@CommandHandler(ReassignActivityCommand)
export class ReassignActivityHandler extends ActivityCommandHandler implements ICommandHandler<ReassignActivityCommand, string> {
  execute({ input, caller }: ReassignActivityCommand): Promise<string> {
    return this.onActivity(
      'reassignActivity',
      input,
      caller,
      (activityId) => ({ type: 'ReassignActivity', activityId, responsible: input.responsible, reason: input.reason ?? null }),
      input.reason,
    );
  }
}

@CommandHandler(CompleteActivityCommand)
export class CompleteActivityHandler extends ActivityCommandHandler implements ICommandHandler<CompleteActivityCommand, string> {
  execute({ input, caller }: CompleteActivityCommand): Promise<string> {
    return this.onActivity('completeActivity', input, caller, (activityId) => ({ type: 'CompleteActivity', activityId }));
  }
}

@CommandHandler(CancelActivityCommand)
export class CancelActivityHandler extends ActivityCommandHandler implements ICommandHandler<CancelActivityCommand, string> {
  async execute({ input, caller }: CancelActivityCommand): Promise<string> {
    const plan = await this.planOf(input.activityId);
    return this.onActivity(
      'cancelActivity',
      input,
      caller,
      (activityId) => ({ type: 'CancelActivity', activityId, plan, reason: input.reason }),
      input.reason,
    );
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
