import { Injectable } from '@nestjs/common';
import type { EntityKind } from '@throughline/read-models';
import { InputError } from '../common/app-errors';
import { ACTIVITY_KIND, OBJECTIVE_KIND, PLAN_KIND, PMO_KIND, WORK_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import { existingEntity, type Existing } from '../common/existing';
import { requireEntityId } from '../common/ids';

export type ScopedKind = 'pmo' | 'objective' | 'plan' | 'activity' | 'work';

const KINDS: Record<ScopedKind, { kind: EntityKind; noun: string }> = {
  pmo: { kind: PMO_KIND, noun: 'PMO' },
  objective: { kind: OBJECTIVE_KIND, noun: 'objective' },
  plan: { kind: PLAN_KIND, noun: 'business plan' },
  activity: { kind: ACTIVITY_KIND, noun: 'activity' },
  work: { kind: WORK_KIND, noun: 'work entry' },
};

/**
 * Reads what a permission check needs about an operation's target: the PMO it belongs to and
 * its state (owner, responsible, person). Every entity records its PMO when it is created and
 * never moves, so the read model's current state answers for any instant.
 *
 * A target the read model does not know is NOT_FOUND on the field that named it, as the
 * operation itself would answer. It is never let through unchecked: the command would read the
 * stream itself and could find an entity the read model has not caught up with yet.
 */
@Injectable()
export class ScopeLookup {
  constructor(private readonly reader: EntityReader) {}

  async entity<S extends { readonly status: string; readonly pmoId?: string }>(
    kind: ScopedKind,
    value: unknown,
    field: string,
  ): Promise<{ readonly pmoId: string; readonly state: Existing<S> }> {
    if (typeof value !== 'string') throw new InputError(field, `${field} must be an id`);
    const id = requireEntityId(value, field);
    const { kind: entityKind, noun } = KINDS[kind];
    const record = await existingEntity<S>(this.reader, entityKind, noun, id, field);
    const state = record.state as Existing<S> & { readonly pmoId?: string };
    return { pmoId: kind === 'pmo' ? id : (state.pmoId as string), state };
  }
}
