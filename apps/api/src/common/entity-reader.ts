import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@throughline/event-store';
import { EntityStateReader, type EntityFilter, type EntityKind, type EntityRecord } from '@throughline/read-models';
import { EVENT_STORE } from './tokens';

/**
 * Reads an entity's folded state: now from the read model, or as of a recorded instant by
 * folding only that entity's stream up to the instant (never the whole store).
 */
@Injectable()
export class EntityReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: EntityStateReader,
  ) {}

  async get<S>(kind: EntityKind, entityId: string, asOf?: string | null): Promise<EntityRecord<S> | null> {
    if (!asOf) return this.states.get<S>(kind.category, entityId);
    return this.fold<S>(kind, entityId, asOf);
  }

  async getMany<S>(kind: EntityKind, entityIds: readonly string[], asOf?: string | null): Promise<(EntityRecord<S> | null)[]> {
    if (!asOf) return this.states.getMany<S>(kind.category, entityIds);
    return Promise.all(entityIds.map((id) => this.fold<S>(kind, id, asOf)));
  }

  /**
   * Entities matching the filter. As of an instant, candidates come from the read model (ids
   * and immutable columns such as pmoId never change) and each is folded to the instant; the
   * status filter then applies to the folded state.
   */
  async list<S>(kind: EntityKind, filter: EntityFilter, asOf?: string | null, statusOf?: (state: S) => string): Promise<EntityRecord<S>[]> {
    if (!asOf) return this.states.list<S>(kind.category, filter);
    const { status, ...immutable } = filter;
    const candidates = this.states.list<S>(kind.category, immutable).filter((r) => r.createdAt <= asOf);
    const folded = await Promise.all(candidates.map((r) => this.fold<S>(kind, r.entityId, asOf)));
    return folded.filter((r): r is EntityRecord<S> => r !== null && (status === undefined || statusOf?.(r.state) === status));
  }

  private async fold<S>(kind: EntityKind, entityId: string, asOf: string): Promise<EntityRecord<S> | null> {
    const events = await this.store.readStream(`${kind.category}-${entityId}`, { recordedAtOrBefore: asOf });
    const first = events[0];
    const last = events[events.length - 1];
    if (!first || !last) return null;
    const state = events.reduce(
      (s, e) => kind.decider.evolve(s, { type: e.type, data: e.data }),
      kind.decider.initialState,
    ) as S;
    return {
      entityId,
      state,
      revision: last.revision,
      createdAt: first.metadata.recordedAt,
      updatedAt: last.metadata.recordedAt,
    };
  }
}
