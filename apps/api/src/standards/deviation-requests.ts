import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, type DeviationSnapshot, type DeviationView, type PmoInTree, type StandardSnapshot } from '@throughline/domain';
import { ConflictError } from '@throughline/event-store';
import { AggregateLoader } from '../common/aggregate-loader';
import { DEVIATION } from '../common/aggregates';
import { DecideCommand, type Decided } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import { deviationIdOf } from '@throughline/runtime';
import type { RequestDeviationInput } from './standard.inputs';

/** Each failed attempt means another request of the same pair was recorded: the loop ends well before this. */
const MAX_ATTEMPTS = 20;

const asEarlier = (view: DeviationView): DeviationSnapshot | null =>
  view.status === 'NONE' ? null : { deviationId: view.deviationId, status: view.status, from: view.from, until: view.until };

/**
 * Asks for a deviation in the first free slot of its (standard, PMO) pair, judged on every
 * deviation in the slots before it and appended only where the slot's stream does not exist yet
 * (expected revision -1). Two requests racing for one slot: one append fails, and that request
 * is judged again on the deviation that won, so no two deviations of a pair overlap however many
 * instances take requests. A decision on an earlier slot in between can only free days, never
 * take them, so judging on a slightly older decision is safe.
 */
@Injectable()
export class DeviationRequests {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  async request(input: RequestDeviationInput, standard: StandardSnapshot, pmo: PmoInTree, caller: RequestContext): Promise<Decided<DeviationView>> {
    for (let attempt = 1; ; attempt++) {
      const { slot, earlier } = await this.freeSlot(standard.standardId, pmo.pmoId);
      const deviationId = deviationIdOf(standard.standardId, pmo.pmoId, slot);
      try {
        return await this.commands.execute(
          new DecideCommand(
            DEVIATION,
            { id: deviationId, field: 'deviationId' },
            input,
            caller,
            () => ({
              type: 'RequestDeviation',
              deviationId,
              slot,
              standard,
              pmo,
              earlier,
              description: input.description,
              reason: input.reason,
              significance: input.significance,
              compensatingMeasures: input.compensatingMeasures ?? null,
              from: input.from,
              until: input.until,
            }),
            { expectedRevision: -1 },
          ),
        );
      } catch (error) {
        const taken = error instanceof ConflictError || (error instanceof DomainError && error.code === 'DEVIATION_SLOT_TAKEN');
        if (!taken || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The first slot with no stream, and the deviations in the slots before it. */
  private async freeSlot(standardId: string, pmoId: string): Promise<{ slot: number; earlier: DeviationSnapshot[] }> {
    const earlier: DeviationSnapshot[] = [];
    for (let slot = 1; ; slot++) {
      const folded = await this.loader.load(DEVIATION, deviationIdOf(standardId, pmoId, slot));
      const snapshot = asEarlier(folded.view);
      if (snapshot === null) return { slot, earlier };
      earlier.push(snapshot);
    }
  }
}
