import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { objectiveDecider } from '@throughline/domain';
import { CommandRunner, type EntityTarget } from '../common/command-runner';
import { EntityReader } from '../common/entity-reader';
import { existingPmo } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY } from '@throughline/runtime';
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

/** The objective a mutation names by its objectiveId. */
const objectiveOf = (input: { readonly objectiveId: string }): EntityTarget => ({
  category: CATEGORY.objective,
  id: input.objectiveId,
  field: 'objectiveId',
});

@CommandHandler(DefineObjectiveCommand)
export class DefineObjectiveHandler implements ICommandHandler<DefineObjectiveCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
  ) {}

  async execute({ input, caller }: DefineObjectiveCommand): Promise<string> {
    const pmoId = requireEntityId(input.pmoId, 'pmoId');
    await existingPmo(this.reader, pmoId);
    return this.runner.create(objectiveDecider, CATEGORY.objective, {
      command: (objectiveId) => ({
        type: 'DefineObjective',
        objectiveId,
        pmoId,
        title: input.title,
        description: input.description ?? null,
        metric: { name: input.metric.name, unit: input.metric.unit, baseline: input.metric.baseline, target: input.metric.target },
        startsOn: input.startsOn ?? null,
        dueOn: input.dueOn,
        owner: input.owner,
      }),
      caller,
      operation: 'defineObjective',
      input,
    });
  }
}

@CommandHandler(ReviseObjectiveCommand)
export class ReviseObjectiveHandler implements ICommandHandler<ReviseObjectiveCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: ReviseObjectiveCommand): Promise<string> {
    return this.runner.onEntity(objectiveDecider, objectiveOf(input), {
      command: (objectiveId) => ({
        type: 'ReviseObjective',
        objectiveId,
        title: input.title ?? null,
        target: input.target ?? null,
        dueOn: input.dueOn ?? null,
        reason: input.reason,
      }),
      caller,
      operation: 'reviseObjective',
      input,
    });
  }
}

@CommandHandler(RecordProgressCommand)
export class RecordProgressHandler implements ICommandHandler<RecordProgressCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: RecordProgressCommand): Promise<string> {
    return this.runner.onEntity(objectiveDecider, objectiveOf(input), {
      command: (objectiveId) => ({
        type: 'RecordProgress',
        objectiveId,
        value: input.value,
        measuredOn: input.measuredOn,
        note: input.note ?? null,
      }),
      caller,
      operation: 'recordProgress',
      input,
    });
  }
}

@CommandHandler(CloseObjectiveCommand)
export class CloseObjectiveHandler implements ICommandHandler<CloseObjectiveCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: CloseObjectiveCommand): Promise<string> {
    return this.runner.onEntity(objectiveDecider, objectiveOf(input), {
      command: (objectiveId) => ({ type: 'CloseObjective', objectiveId, outcome: input.outcome, reason: input.reason }),
      caller,
      operation: 'closeObjective',
      input,
    });
  }
}

export const OBJECTIVE_COMMAND_HANDLERS = [DefineObjectiveHandler, ReviseObjectiveHandler, RecordProgressHandler, CloseObjectiveHandler];
