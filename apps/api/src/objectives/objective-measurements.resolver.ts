import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { ObjectiveMeasurementReader } from '@throughline/read-models';
import type { Loaders } from '../common/loaders';
import { RequestLoaders } from '../common/request-context';
import { Measurement, Objective } from './objective.types';

/**
 * Objective.measurements, in the order recorded, from their own read model: the list grows with
 * the objective's stream, so it is neither folded into the objective's view nor read unless a
 * client asks for it. As of an instant, only measurements recorded by then, as the rest of the
 * objective. The objectives of one request share one query per instant.
 */
@Resolver(() => Objective)
export class ObjectiveMeasurementsResolver {
  /** Keyed by the request's loaders, which live exactly as long as the request. */
  private readonly batches = new WeakMap<Loaders, Map<string, DataLoader<string, Measurement[]>>>();

  constructor(private readonly reader: ObjectiveMeasurementReader) {}

  @ResolveField(() => [Measurement])
  measurements(@Parent() objective: Objective, @RequestLoaders() loaders: Loaders): Promise<Measurement[]> {
    return this.batchFor(loaders, objective.asOf).load(objective.id);
  }

  private batchFor(loaders: Loaders, asOf: string | null): DataLoader<string, Measurement[]> {
    let byInstant = this.batches.get(loaders);
    if (!byInstant) this.batches.set(loaders, (byInstant = new Map()));
    const key = asOf ?? 'now';
    let loader = byInstant.get(key);
    if (!loader) {
      loader = new DataLoader<string, Measurement[]>(async (ids) => this.reader.listMany(ids, asOf));
      byInstant.set(key, loader);
    }
    return loader;
  }
}
