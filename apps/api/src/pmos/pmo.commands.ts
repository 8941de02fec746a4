import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { pmoDecider } from '@throughline/domain';
import { CommandRunner, type EntityTarget } from '../common/command-runner';
import { EntityReader } from '../common/entity-reader';
import { existingPmo } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY } from '@throughline/runtime';
import type { AssignPmoHeadInput, EstablishPmoInput, IssueMandateInput, RenamePmoInput } from './pmo.inputs';

export class EstablishPmoCommand {
  constructor(readonly input: EstablishPmoInput, readonly caller: RequestContext) {}
}
export class IssueMandateCommand {
  constructor(readonly input: IssueMandateInput, readonly caller: RequestContext) {}
}
export class RenamePmoCommand {
  constructor(readonly input: RenamePmoInput, readonly caller: RequestContext) {}
}
export class AssignPmoHeadCommand {
  constructor(readonly input: AssignPmoHeadInput, readonly caller: RequestContext) {}
}

/** The PMO a mutation names by its pmoId. */
const pmoOf = (input: { readonly pmoId: string }): EntityTarget => ({ category: CATEGORY.pmo, id: input.pmoId, field: 'pmoId' });

@CommandHandler(EstablishPmoCommand)
export class EstablishPmoHandler implements ICommandHandler<EstablishPmoCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
  ) {}

  async execute({ input, caller }: EstablishPmoCommand): Promise<string> {
    const parent = input.parentId ? await this.parentOf(requireEntityId(input.parentId, 'parentId')) : null;
    return this.runner.create(pmoDecider, CATEGORY.pmo, {
      command: (pmoId) => ({ type: 'EstablishPmo', pmoId, name: input.name, kind: input.kind, parent, head: input.head ?? null }),
      caller,
      operation: 'establishPmo',
      input,
    });
  }

  private async parentOf(parentId: string) {
    const parent = await existingPmo(this.reader, parentId, 'parentId');
    return { pmoId: parentId, kind: parent.state.kind };
  }
}

@CommandHandler(IssueMandateCommand)
export class IssueMandateHandler implements ICommandHandler<IssueMandateCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: IssueMandateCommand): Promise<string> {
    return this.runner.onEntity(pmoDecider, pmoOf(input), {
      command: (pmoId) => ({
        type: 'IssueMandate',
        pmoId,
        purpose: input.purpose,
        statement: input.statement,
        sponsor: input.sponsor,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason ?? null,
      }),
      caller,
      operation: 'issueMandate',
      input,
    });
  }
}

@CommandHandler(RenamePmoCommand)
export class RenamePmoHandler implements ICommandHandler<RenamePmoCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: RenamePmoCommand): Promise<string> {
    return this.runner.onEntity(pmoDecider, pmoOf(input), {
      command: (pmoId) => ({ type: 'RenamePmo', pmoId, name: input.name }),
      caller,
      operation: 'renamePmo',
      input,
    });
  }
}

@CommandHandler(AssignPmoHeadCommand)
export class AssignPmoHeadHandler implements ICommandHandler<AssignPmoHeadCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: AssignPmoHeadCommand): Promise<string> {
    return this.runner.onEntity(pmoDecider, pmoOf(input), {
      command: (pmoId) => ({ type: 'AssignPmoHead', pmoId, head: input.head ?? null }),
      caller,
      operation: 'assignPmoHead',
      input,
    });
  }
}

export const PMO_COMMAND_HANDLERS = [EstablishPmoHandler, IssueMandateHandler, RenamePmoHandler, AssignPmoHeadHandler];
