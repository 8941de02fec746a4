import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { ObjectiveMeasurementReader } from '@throughline/read-models';
import { ResultTooLargeError } from '../common/app-errors';
import { AFTER, BEFORE, connectionOf, FIRST, LAST, ListCap, type Connection, type Keyset } from '../common/connections';
import type { Loaders } from '../common/loaders';
import { RequestLoaders } from '../common/request-context';
import { Measurement, MeasurementConnection, Objective } from './objective.types';

/**
 * Objective.measurements, in the order recorded, from their own read model: the list grows with
 * the objective's stream, so it is neither folded into the objective's view nor read unless a
 * client asks for it. As of an instant, only measurements recorded by then, as the rest of the
 * objective. The objectives of one request share one batch per instant, each of its reads
 * stopping one row past the cap.
 */
@Resolver(() => Objective)
export class ObjectiveMeasurementsResolver {
  /** Keyed by the request's loaders, which live exactly as long as the request. */
  private readonly batches = new WeakMap<Loaders, Map<string, DataLoader<string, Measurement[]>>>();

  constructor(
    private readonly reader: ObjectiveMeasurementReader,
    private readonly cap: ListCap,
  ) {}

  @ResolveField(() => [Measurement], {
    description: 'in the order recorded; RESULT_TOO_LARGE beyond the list cap',
    deprecationReason: 'use measurementsConnection',
  })
  measurements(@Parent() objective: Objective, @RequestLoaders() loaders: Loaders): Promise<Measurement[]> {
    return this.batchFor(loaders, objective.asOf).load(objective.id);
  }

  @ResolveField(() => MeasurementConnection, { description: 'in the order recorded (as of the objective’s asOf), a page at a time' })
  measurementsConnection(
    @Parent() objective: Objective,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<Measurement>> {
    const { id, asOf } = objective;
    const keyset: Keyset<readonly [number], Measurement> = {
      shape: { kind: 'measurements', parts: ['integer'] },
      read: async (bounds, direction, limit) =>
        this.reader
          .page(id, asOf, { after: bounds.after?.[0] ?? null, before: bounds.before?.[0] ?? null, direction, limit })
          .map((row) => ({ key: [row.sequence] as const, node: row.measurement })),
      count: async () => this.reader.count(id, asOf),
    };
    return connectionOf(keyset, { first, after, last, before });
  }

  private batchFor(loaders: Loaders, asOf: string | null): DataLoader<string, Measurement[]> {
    let byInstant = this.batches.get(loaders);
    if (!byInstant) this.batches.set(loaders, (byInstant = new Map()));
    const key = asOf ?? 'now';
    let loader = byInstant.get(key);
    if (!loader) {
      const cap = this.cap.rows;
      loader = new DataLoader<string, Measurement[]>(async (ids) =>
        this.reader
          .listMany(ids, asOf, cap + 1)
          .map((list) => (list.length > cap ? new ResultTooLargeError('measurements', 'measurementsConnection', cap) : list)),
      );
      byInstant.set(key, loader);
    }
    return loader;
  }
}
