import { Injectable } from '@nestjs/common';
import { AsOfFolds, EntityStateReader, type EntityFilter, type EntityKind, type EntityRecord } from '@throughline/read-models';

/**
 * Reads an entity's folded state: now from the read model, or as of a recorded instant by
 * folding only that entity's stream up to the instant (never the whole store), from the nearest
 * cached checkpoint.
 */
@Injectable()
export class EntityReader {
  constructor(
    private readonly states: EntityStateReader,
    private readonly folds: AsOfFolds,
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
    const { decider } = kind as EntityKind<S>;
    const folded = await this.folds.fold(`${kind.category}-${entityId}`, decider, asOf);
    return folded && { entityId, ...folded };
  }
}
