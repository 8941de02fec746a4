import DataLoader from 'dataloader';
import type { AlignmentReader, EntityKind } from '@throughline/read-models';
import type { EntityReader } from './entity-reader';

/**
 * Per-request batching: every `pmo` of a list of objectives is read in one query instead of
 * one per objective. One loader per (what, asOf), created lazily.
 */
export class Loaders {
  // Made on the first load: a request that reads no entity needs none.
  private loaders: Map<string, DataLoader<string, unknown>> | undefined;

  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
  ) {}

  entity<V>(kind: EntityKind<V>, asOf: string | null): DataLoader<string, V | null> {
    return this.loader(`entity:${kind.category}`, asOf, (ids) => this.reader.getMany(kind, ids, asOf));
  }

  /** Hours credited to each objective over all time, as of the instant. */
  hoursInvested(asOf: string | null): DataLoader<string, number> {
    return this.loader('hoursInvested', asOf, async (ids) => {
      const hours = this.alignment.hoursInvestedByObjective(ids, asOf);
      return ids.map((id) => hours.get(id) ?? 0);
    });
  }

  /**
   * A loader of a capability's own (what a read model answers for many ids at once), one per
   * (what, asOf) in the request; `what` names it, and the first call's batch function serves it.
   */
  keyed<V>(what: string, asOf: string | null, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    return this.loader(`keyed:${what}`, asOf, batch);
  }

  private loader<V>(what: string, asOf: string | null, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    const key = `${what}@${asOf ?? 'now'}`;
    const loaders = (this.loaders ??= new Map());
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, V>(batch) as DataLoader<string, unknown>;
      loaders.set(key, loader);
    }
    return loader as DataLoader<string, V>;
  }
}
