import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { pmoDecider, type PmoCommand, type PmoState } from '@throughline/domain';
import { NotFoundError } from '../common/app-errors';
import { CommandRunner } from '../common/command-runner';
import { PMO_KIND } from '../common/entity-kinds';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { CATEGORY, entityIdOf, streamId } from '../common/stream-ids';
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

/** Runs a command on an existing PMO's stream and answers the PMO's id. */
@Injectable() // so the constructor's parameter types are recorded for subclasses
abstract class PmoCommandHandler {
  constructor(protected readonly runner: CommandRunner) {}

  protected async onPmo(
    operation: string,
    input: { pmoId: string; expectedRevision?: number | null; commandId?: string | null },
    caller: RequestContext,
    command: (pmoId: string) => PmoCommand,
    reason?: string | null,
  ): Promise<string> {
    const pmoId = requireEntityId(input.pmoId, 'pmoId');
    const outcome = await this.runner.run(pmoDecider, {
      streamId: streamId(CATEGORY.pmo, pmoId),
      command: command(pmoId),
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

@CommandHandler(EstablishPmoCommand)
export class EstablishPmoHandler implements ICommandHandler<EstablishPmoCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
  ) {}

  async execute({ input, caller }: EstablishPmoCommand): Promise<string> {
    const parent = input.parentId ? await this.parentOf(requireEntityId(input.parentId, 'parentId')) : null;
    // A repeated commandId resolves to the first attempt's stream, not this fresh id.
    const pmoId = randomUUID();
    const outcome = await this.runner.run(pmoDecider, {
      streamId: streamId(CATEGORY.pmo, pmoId),
      command: { type: 'EstablishPmo', pmoId, name: input.name, kind: input.kind, parent, head: input.head ?? null },
      caller,
      commandId: input.commandId,
      operation: 'establishPmo',
      input,
    });
    return entityIdOf(outcome.streamId);
  }

  private async parentOf(parentId: string) {
    const parent = await this.reader.get<PmoState>(PMO_KIND, parentId);
    if (!parent || parent.state.status === 'NONE') throw new NotFoundError('PMO', parentId, 'parentId');
    return { pmoId: parentId, kind: parent.state.kind };
  }
}

@CommandHandler(IssueMandateCommand)
export class IssueMandateHandler extends PmoCommandHandler implements ICommandHandler<IssueMandateCommand, string> {
  execute({ input, caller }: IssueMandateCommand): Promise<string> {
    return this.onPmo(
      'issueMandate',
      input,
      caller,
      (pmoId) => ({
        type: 'IssueMandate',
        pmoId,
        purpose: input.purpose,
        statement: input.statement,
        sponsor: input.sponsor,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason ?? null,
      }),
      input.reason,
    );
  }
}

@CommandHandler(RenamePmoCommand)
export class RenamePmoHandler extends PmoCommandHandler implements ICommandHandler<RenamePmoCommand, string> {
  execute({ input, caller }: RenamePmoCommand): Promise<string> {
    return this.onPmo('renamePmo', input, caller, (pmoId) => ({ type: 'RenamePmo', pmoId, name: input.name }));
  }
}

@CommandHandler(AssignPmoHeadCommand)
export class AssignPmoHeadHandler extends PmoCommandHandler implements ICommandHandler<AssignPmoHeadCommand, string> {
  execute({ input, caller }: AssignPmoHeadCommand): Promise<string> {
    return this.onPmo('assignPmoHead', input, caller, (pmoId) => ({ type: 'AssignPmoHead', pmoId, head: input.head ?? null }));
  }
}

export const PMO_COMMAND_HANDLERS = [EstablishPmoHandler, IssueMandateHandler, RenamePmoHandler, AssignPmoHeadHandler];
