import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { MAX_TREND_POINTS, objectiveTrend, periodEndCount, periodEnds } from '@throughline/domain';
import { ObjectiveMeasurementReader } from '@throughline/read-models';
import { OBJECTIVE_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { OBJECTIVE } from '../common/aggregates';
import { objectiveAt } from '../auth/scopes';
import { InputError } from '../common/app-errors';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import { RequestLoaders } from '../common/request-context';
import { Granularity } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { TrendPoint } from './leadership.types';

interface TrendArgs {
  readonly objectiveId: string;
}

@Resolver()
export class ObjectiveTrendResolver {
  constructor(private readonly measurements: ObjectiveMeasurementReader) {}

  @Query(() => [TrendPoint], {
    description:
      'the objective on every period end (each Sunday for WEEK, each last day of a month for MONTH) from `from` to `to`, and on `to` itself as the last point when it ends no period; each judged on its day against the objective as known at asOf, from the measurements recorded by then. At most 262 points (five years of weeks)',
  })
  @Requires('records.read', objectiveAt((a: TrendArgs) => a.objectiveId, 'objectiveId'))
  @ExistingIds(idOf(OBJECTIVE, (a: TrendArgs) => a.objectiveId, 'objectiveId'))
  async objectiveTrend(
    @Args('objectiveId', { type: () => ID }) objectiveId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('granularity', { type: () => Granularity }) granularity: Granularity,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<TrendPoint[]> {
    if (from > to) throw new InputError('to', `to (${to}) is before from (${from})`);
    const points = periodEndCount(from, to, granularity);
    if (points > MAX_TREND_POINTS) {
      throw new InputError('to', `from ${from} to ${to} by ${granularity} makes ${points} points; a trend has at most ${MAX_TREND_POINTS} (five years of weeks)`);
    }
    const id = requireEntityId(objectiveId, 'objectiveId');
    const view = await loaders.entity(OBJECTIVE_KIND, asOf ?? null).load(id);
    // Not yet defined at the instant: nothing was known of it then.
    if (!view || view.status === 'NONE') return [];
    const known = this.measurements.list(id, asOf ?? null);
    return objectiveTrend(view, known, periodEnds(from, to, granularity)).map(({ on, value, progress, expectedProgress, health }) => ({
      on,
      value,
      progress,
      expectedProgress,
      health,
    }));
  }
}
