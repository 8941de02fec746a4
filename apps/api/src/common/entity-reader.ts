import { Injectable } from '@nestjs/common';
import {
  AsOfFolds,
  EntityStateReader,
  type EntityFilter,
  type EntityKey,
  type EntityKind,
  type EntityPageFilter,
  type EntityPageRange,
  type EntityRecord,
} from '@throughline/read-models';
import { CATEGORY } from '@throughline/runtime';

const PMO_CATEGORY: string = CATEGORY.pmo;

/** Whether an entity's index (as of an instant) matches every field the filter names. */
const matches = (index: EntityFilter, filter: EntityFilter): boolean =>
  (Object.keys(filter) as (keyof EntityFilter)[]).every((field) => filter[field] === undefined || (index[field] ?? null) === filter[field]);

/**
 * Reads an entity's view (what the API shows of it): now from the read model, or as of a
 * recorded instant by folding only that entity's stream up to the instant (never the whole store)
 * with the same view evolve. The view's type is the kind's.
 */
/** A view past its initial NONE: the entity has been created. */
export type Existing<V> = Exclude<V, { readonly status: 'NONE' }>;

const isExisting = <V extends { readonly status: string }>(view: V | null): view is Existing<V> => view !== null && view.status !== 'NONE';

/** One row of a page: where it sits in the list, and the entity it shows (null: left out as of the instant). */
export interface EntitySlot<V> {
  readonly key: EntityKey;
  readonly view: Existing<V> | null;
}

const keyOf = (record: EntityRecord<unknown>): EntityKey => [record.createdAt, record.entityId];

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
    if (!asOf) {
      return this.states
        .list<V>(kind.category, filter)
        .map((record) => record.view)
        .filter((view): view is Existing<V> => isExisting(view));
    }
    const { status: _status, ...located } = filter;
    const views: (V | null)[] = await Promise.all(
      this.candidates<V>(kind.category, located)
        .filter((r) => r.createdAt <= asOf)
        .map((r) => this.fold(kind, r.entityId, asOf)),
    );
    // The folded view's own index decides, so an entity listed under the PMO it was in then.
    return views.filter((view): view is Existing<V> => isExisting(view) && matches(kind.index(view), filter));
  }

  /**
   * One page of what `list` answers, in its order (creation, then id), between exclusive bounds:
   * `range.limit` rows, each with its entity or, as of an instant, null where the entity did not
   * exist then or did not match the filter then. Now, the query narrows by the filter itself, so
   * no row is null; as of an instant, the rows are the candidates (see `candidates`), read in key
   * order and folded to the instant. A caller that wants a full page reads on from the last key.
   */
  async slice<V extends { readonly status: string }>(
    kind: EntityKind<V>,
    filter: EntityPageFilter,
    range: EntityPageRange,
    asOf: string | null,
  ): Promise<EntitySlot<V>[]> {
    if (!asOf) {
      return this.states.page<V>(kind.category, filter, range).map((record) => ({ key: keyOf(record), view: isExisting(record.view) ? record.view : null }));
    }
    const { status: _status, pmoId, pmoIds, ...located } = filter;
    const within = pmoIds ?? (pmoId ? [pmoId] : null);
    const candidates = this.states.page<V>(
      kind.category,
      { ...located, ...(within ? { pmoIds: within.flatMap((id) => this.successionOf(id)) } : {}), createdUpTo: asOf },
      range,
    );
    const views = await Promise.all(candidates.map((record) => this.fold(kind, record.entityId, asOf)));
    const { pmoIds: _list, entityIds: _ids, createdUpTo: _upTo, ...indexed } = filter;
    const wanted = within ? new Set(within) : null;
    return candidates.map((record, i) => {
      const view = views[i] ?? null;
      const index = view ? kind.index(view) : {};
      const kept = isExisting(view) && matches(index, indexed) && (wanted === null || wanted.has(index.pmoId ?? ''));
      return { key: keyOf(record), view: kept ? (view as Existing<V>) : null };
    });
  }

  /** How many entities the filter lets through now (as of an instant, count the slices instead). */
  count(kind: EntityKind<unknown>, filter: EntityPageFilter): number {
    return this.states.count(kind.category, filter);
  }

  /**
   * Entities that may have matched the filter at some instant. A PMO, objective, plan or activity
   * leaves a PMO only when that PMO merges, and then for its successor: so the entities once
   * under a PMO are those under it now or under a successor down its chain of mergers.
   */
  private candidates<V>(category: string, filter: Omit<EntityFilter, 'status'>): EntityRecord<V>[] {
    const field = filter.pmoId ? 'pmoId' : category === PMO_CATEGORY && filter.parentId ? 'parentId' : null;
    if (field === null) return this.states.list<V>(category, filter);
    const seen = new Map<string, EntityRecord<V>>();
    for (const pmoId of this.successionOf(filter[field] as string)) {
      for (const record of this.states.list<V>(category, { ...filter, [field]: pmoId })) seen.set(record.entityId, record);
    }
    return [...seen.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.entityId < b.entityId ? -1 : 1));
  }

  /** The PMO and the successors it merged into, in order (a chain, never a loop: a merged PMO takes none in). */
  private successionOf(pmoId: string): string[] {
    const chain = [pmoId];
    for (;;) {
      const view = this.states.get<{ readonly merger?: { readonly successorId: string } | null }>(PMO_CATEGORY, chain[chain.length - 1]!)?.view;
      const next = view?.merger?.successorId;
      if (!next || chain.includes(next)) return chain;
      chain.push(next);
    }
  }

  private async fold<V>(kind: EntityKind<V>, entityId: string, asOf: string): Promise<V | null> {
    const folded = await this.folds.fold(`${kind.category}-${entityId}`, kind.view, asOf);
    return folded?.view ?? null;
  }
}
