import { Injectable } from '@nestjs/common';
import { AsOfFolds, EntityStateReader, type EntityFilter, type EntityKind } from '@throughline/read-models';

/**
 * Reads an entity's view (what the API shows of it): now from the read model, or as of a
 * recorded instant by folding only that entity's stream up to the instant (never the whole store)
 * with the same view evolve. The view's type is the kind's.
 */
/** A view past its initial NONE: the entity has been created. */
export type Existing<V> = Exclude<V, { readonly status: 'NONE' }>;

const isExisting = <V extends { readonly status: string }>(view: V | null): view is Existing<V> => view !== null && view.status !== 'NONE';

@Injectable()
export class EntityReader {
  constructor(
    private readonly states: EntityStateReader,
    private readonly folds: AsOfFolds,
  ) {}

  async get<V>(kind: EntityKind<V>, entityId: string, asOf?: string | null): Promise<V | null> {
    if (!asOf) return this.states.get<V>(kind.category, entityId)?.view ?? null;
    return this.fold(kind, entityId, asOf);
  }

  async getMany<V>(kind: EntityKind<V>, entityIds: readonly string[], asOf?: string | null): Promise<(V | null)[]> {
    if (!asOf) return this.states.getMany<V>(kind.category, entityIds).map((record) => record?.view ?? null);
    return Promise.all(entityIds.map((id) => this.fold(kind, id, asOf)));
  }

  /**
   * Entities matching the filter, oldest first; only entities that exist (past NONE). As of an
   * instant, candidates come from the read model (ids and immutable columns such as pmoId never
   * change) and each is folded to the instant; the status filter then applies to the folded view.
   */
  async list<V extends { readonly status: string }>(kind: EntityKind<V>, filter: EntityFilter, asOf?: string | null): Promise<Existing<V>[]> {
    const { status, ...immutable } = filter;
    const views = asOf
      ? await Promise.all(
          this.states
            .list<V>(kind.category, immutable)
            .filter((r) => r.createdAt <= asOf)
            .map((r) => this.fold(kind, r.entityId, asOf)),
        )
      : this.states.list<V>(kind.category, filter).map((record) => record.view);
    return views.filter((view): view is Existing<V> => isExisting(view) && (status === undefined || view.status === status));
  }

  private async fold<V>(kind: EntityKind<V>, entityId: string, asOf: string): Promise<V | null> {
    const folded = await this.folds.fold(`${kind.category}-${entityId}`, kind.view, asOf);
    return folded?.view ?? null;
  }
}
