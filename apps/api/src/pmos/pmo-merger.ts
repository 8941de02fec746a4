import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DomainEvent, LocalDate, PmoView, TransferToSuccessor } from '@throughline/domain';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND, PMO_KIND } from '@throughline/runtime';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { ACTIVITY, OBJECTIVE, PLAN, PMO, type AggregateDescriptor, type ViewOf } from '../common/aggregates';
import { DecideCommand, type CommandInput, type Decided } from '../common/decide.command';
import { EntityReader } from '../common/entity-reader';
import type { RequestContext } from '../common/request-context';
import type { MergePmoInput } from './pmo-lifecycle.inputs';

/** The establishment day a rule compares with; a view always has one once the PMO exists. */
const establishedOn = (view: PmoView): LocalDate => (view.status === 'NONE' ? '0001-01-01' : view.establishedOn);

/**
 * A merger, as a sequence of appends, each on its own stream:
 *   1. PmoMerged on the PMO that ends (the decision: every rule is checked here, once);
 *   2. PmoMovedToSuccessor on each child PMO;
 *   3. ObjectiveTransferred on each of its ACTIVE objectives;
 *   4. for each of its plans whose period has not ended before the merger day: ActivityTransferred
 *      on each non-cancelled activity, then BusinessPlanTransferred on the plan.
 * Every step is idempotent: a step repeated with the same commandId answers what it first did
 * (each step's key is the merger's commandId and the step's own name), and a step on an entity
 * already moved decides nothing. The entities still to move are read afresh (whatever is still
 * the merged PMO's), so a retry after a stop halfway takes exactly the steps left, with or
 * without a commandId. A plan moves after its activities, so that a retry still finds them under
 * the plan the merged PMO still holds.
 */
@Injectable()
export class PmoMerger {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly reader: EntityReader,
  ) {}

  async merge(input: MergePmoInput, caller: RequestContext): Promise<Decided<ViewOf<typeof PMO>>> {
    const ended = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    const into = await this.loader.existing(PMO, input.intoPmoId, 'intoPmoId', caller.folds);
    const ancestorIds = await this.ancestorsOf(into.state.parentId, caller.folds);
    const decided = await this.commands.execute(
      new DecideCommand(PMO, { id: input.pmoId, field: 'pmoId' }, input, caller, (pmoId) => ({
        type: 'MergePmo',
        pmoId,
        establishedOn: establishedOn(ended.view),
        into: { pmoId: into.id, kind: into.state.kind, establishedOn: establishedOn(into.view), merged: into.state.merged !== null, ancestorIds },
        effectiveOn: input.effectiveOn,
        reason: input.reason,
      })),
    );
    const merger = decided.view.status === 'NONE' ? null : decided.view.merger;
    if (!merger) return decided;
    const transfer: TransferToSuccessor = { fromPmoId: decided.id, toPmoId: merger.successorId, effectiveOn: merger.effectiveOn, reason: merger.reason };
    await this.carryOn(transfer, input, caller);
    // The PMO as it stands after every step: its children have moved.
    return decided;
  }

  private async carryOn(transfer: TransferToSuccessor, input: MergePmoInput, caller: RequestContext): Promise<void> {
    const { fromPmoId: pmoId } = transfer;
    for (const child of await this.reader.list(PMO_KIND, { parentId: pmoId })) {
      await this.step(PMO, child.pmoId, `child:${child.pmoId}`, input, caller, (id) => ({
        type: 'MovePmoToSuccessor' as const,
        pmoId: id,
        mergedPmoId: pmoId,
        successorId: transfer.toPmoId,
        effectiveOn: transfer.effectiveOn,
        reason: transfer.reason,
      }));
    }
    for (const objective of await this.reader.list(OBJECTIVE_KIND, { pmoId, status: 'ACTIVE' })) {
      await this.step(OBJECTIVE, objective.objectiveId, `objective:${objective.objectiveId}`, input, caller, (id) => ({
        type: 'TransferObjective' as const,
        objectiveId: id,
        ...transfer,
      }));
    }
    const current = (await this.reader.list(PLAN_KIND, { pmoId })).filter((plan) => plan.periodEnd >= transfer.effectiveOn);
    for (const plan of current) {
      for (const activity of await this.reader.list(ACTIVITY_KIND, { parentId: plan.planId })) {
        if (activity.status === 'CANCELLED' || activity.pmoId !== pmoId) continue;
        await this.step(ACTIVITY, activity.activityId, `activity:${activity.activityId}`, input, caller, (id) => ({
          type: 'TransferActivity' as const,
          activityId: id,
          ...transfer,
        }));
      }
      await this.step(PLAN, plan.planId, `plan:${plan.planId}`, input, caller, (id) => ({ type: 'TransferBusinessPlan' as const, planId: id, ...transfer }));
    }
  }

  /** One step, keyed by the merger's commandId and its own name so that a retry replays it. */
  private async step<C extends { readonly type: T }, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }, T extends string>(
    aggregate: AggregateDescriptor<C, E, S, V>,
    id: string,
    name: string,
    input: MergePmoInput,
    caller: RequestContext,
    build: (id: string) => NoInfer<C>,
  ): Promise<void> {
    const stepInput: CommandInput & { readonly step: string; readonly mergedPmoId: string } = {
      commandId: input.commandId ? `${input.commandId}:${name}` : null,
      reason: input.reason,
      step: name,
      mergedPmoId: input.pmoId,
    };
    await this.commands.execute(new DecideCommand(aggregate, { id, field: 'pmoId' }, stepInput, caller, build));
  }

  /** The PMOs above one, nearest first, as the command path folds them. */
  private async ancestorsOf(parentId: string | null, folds: RequestFolds): Promise<string[]> {
    const ancestors: string[] = [];
    for (let id = parentId; id !== null && !ancestors.includes(id); ) {
      ancestors.push(id);
      const folded = await this.loader.load(PMO, id, folds);
      id = folded.state.status === 'NONE' ? null : folded.state.parentId;
    }
    return ancestors;
  }
}
