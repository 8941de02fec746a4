import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { objectiveDecider, type ObjectiveCommand, type PmoState } from '@throughline/domain';
import { NotFoundError } from '../common/app-errors';
import { CommandRunner } from '../common/command-runner';
import { PMO_KIND } from '../common/entity-kinds';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY, entityIdOf, streamId } from '../common/stream-ids';
import type { CloseObjectiveInput, DefineObjectiveInput, RecordProgressInput, ReviseObjectiveInput } from './objective.inputs';

export class DefineObjectiveCommand {
  constructor(readonly input: DefineObjectiveInput, readonly caller: RequestContext) {}
}
export class ReviseObjectiveCommand {
  constructor(readonly input: ReviseObjectiveInput, readonly caller: RequestContext) {}
}
export class RecordProgressCommand {
  constructor(readonly input: RecordProgressInput, readonly caller: RequestContext) {}
}
export class CloseObjectiveCommand {
  constructor(readonly input: CloseObjectiveInput, readonly caller: RequestContext) {}
}

/** Runs a command on an existing objective's stream and answers the objective's id. */
@Injectable() // so the constructor's parameter types are recorded for subclasses
abstract class ObjectiveCommandHandler {
  constructor(protected readonly runner: CommandRunner) {}

  protected async onObjective(
    operation: string,
    input: { objectiveId: string; expectedRevision?: number | null; commandId?: string | null },
    caller: RequestContext,
    command: (objectiveId: string) => ObjectiveCommand,
    reason?: string | null,
  ): Promise<string> {
    const objectiveId = requireEntityId(input.objectiveId, 'objectiveId');
    const outcome = await this.runner.run(objectiveDecider, {
      streamId: streamId(CATEGORY.objective, objectiveId),
      command: command(objectiveId),
      caller,
      reason,
      expectedRevision: input.expectedRevision,
      commandId: input.commandId,
      operation,
      input,
    });
    return entityIdOf(outcome.streamId);
  }
}

@CommandHandler(DefineObjectiveCommand)
export class DefineObjectiveHandler implements ICommandHandler<DefineObjectiveCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
  ) {}

  async execute({ input, caller }: DefineObjectiveCommand): Promise<string> {
    const pmoId = requireEntityId(input.pmoId, 'pmoId');
    const pmo = await this.reader.get<PmoState>(PMO_KIND, pmoId);
    if (!pmo || pmo.state.status === 'NONE') throw new NotFoundError('PMO', pmoId, 'pmoId');
    const objectiveId = randomUUID();
    const outcome = await this.runner.run(objectiveDecider, {
      streamId: streamId(CATEGORY.objective, objectiveId),
      command: {
        type: 'DefineObjective',
        objectiveId,
        pmoId,
        title: input.title,
        description: input.description ?? null,
        metric: { name: input.metric.name, unit: input.metric.unit, baseline: input.metric.baseline, target: input.metric.target },
        startsOn: input.startsOn ?? null,
        dueOn: input.dueOn,
        owner: input.owner,
      },
      caller,
      commandId: input.commandId,
      operation: 'defineObjective',
      input,
    });
    return entityIdOf(outcome.streamId);
  }
}

@CommandHandler(ReviseObjectiveCommand)
export class ReviseObjectiveHandler extends ObjectiveCommandHandler implements ICommandHandler<ReviseObjectiveCommand, string> {
  execute({ input, caller }: ReviseObjectiveCommand): Promise<string> {
    return this.onObjective(
      'reviseObjective',
      input,
      caller,
      (objectiveId) => ({
        type: 'ReviseObjective',
        objectiveId,
        title: input.title ?? null,
        target: input.target ?? null,
        dueOn: input.dueOn ?? null,
        reason: input.reason,
      }),
      input.reason,
    );
  }
}

@CommandHandler(RecordProgressCommand)
export class RecordProgressHandler extends ObjectiveCommandHandler implements ICommandHandler<RecordProgressCommand, string> {
  execute({ input, caller }: RecordProgressCommand): Promise<string> {
    return this.onObjective('recordProgress', input, caller, (objectiveId) => ({
      type: 'RecordProgress',
      objectiveId,
      value: input.value,
      measuredOn: input.measuredOn,
      note: input.note ?? null,
    }));
  }
}

@CommandHandler(CloseObjectiveCommand)
export class CloseObjectiveHandler extends ObjectiveCommandHandler implements ICommandHandler<CloseObjectiveCommand, string> {
  execute({ input, caller }: CloseObjectiveCommand): Promise<string> {
    return this.onObjective(
      'closeObjective',
      input,
      caller,
      (objectiveId) => ({ type: 'CloseObjective', objectiveId, outcome: input.outcome, reason: input.reason }),
      input.reason,
    );
  }
}

export const OBJECTIVE_COMMAND_HANDLERS = [DefineObjectiveHandler, ReviseObjectiveHandler, RecordProgressHandler, CloseObjectiveHandler];
