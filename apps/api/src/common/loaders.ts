import DataLoader from 'dataloader';
import type { EntityKind, EntityRecord } from '@throughline/read-models';
import type { EntityReader } from './entity-reader';

/**
 * Per-request batching: every `pmo` of a list of objectives is read in one query instead of
 * one per objective. One loader per (kind, asOf), created lazily.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, EntityRecord<unknown> | null>>();

  constructor(private readonly reader: EntityReader) {}

  entity<S>(kind: EntityKind, asOf: string | null): DataLoader<string, EntityRecord<S> | null> {
    const key = `${kind.category}@${asOf ?? 'now'}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => this.reader.getMany(kind, ids, asOf));
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<string, EntityRecord<S> | null>;
  }
}
