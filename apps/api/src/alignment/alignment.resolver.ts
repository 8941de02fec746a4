import { Args, Float, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { PMO, WORK } from '../common/aggregates';
import { pmoAt, workAt } from '../auth/scopes';
import type { Loaders } from '../common/loaders';
import { RequestLoaders } from '../common/request-context';
import { Granularity } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Objective } from '../objectives/objective.types';
import { AlignmentReports } from './alignment-reports';
import { AlignmentReport, PurposeChain } from './alignment.types';
import { activityHoursAsked } from './report-selection';

@Resolver()
export class AlignmentResolver {
  constructor(private readonly reports: AlignmentReports) {}

  @Query(() => AlignmentReport, {
    description: "how the PMO's work from..to (inclusive) served its objectives; one bucket for the window without granularity",
  })
  @Requires('records.read', pmoAt((a: { pmoId: string }) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: { pmoId: string }) => a.pmoId, 'pmoId'))
  alignment(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('granularity', { type: () => Granularity, nullable: true }) granularity: Granularity | null | undefined,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: string | null | undefined,
    @Info() info: GraphQLResolveInfo,
    @RequestLoaders() loaders: Loaders,
  ): Promise<AlignmentReport> {
    const withHours = {
      activitiesWithoutObjective: activityHoursAsked(info, 'activitiesWithoutObjective'),
      idleActivities: activityHoursAsked(info, 'idleActivities'),
    };
    return this.reports.report(loaders, pmoId, from, to, granularity ?? null, asOf ?? null, withHours);
  }

  @Query(() => PurposeChain, { nullable: true })
  @Requires('work.read', workAt((a: { workEntryId: string }) => a.workEntryId, 'workEntryId', { people: (entry) => [entry.person] }))
  @ExistingIds(idOf(WORK, (a: { workEntryId: string }) => a.workEntryId, 'workEntryId'))
  purposeChain(@Args('workEntryId', { type: () => ID }) workEntryId: string, @RequestLoaders() loaders: Loaders): Promise<PurposeChain | null> {
    return this.reports.purposeChain(loaders, workEntryId);
  }
}

/** Objective.hoursInvested: credited hours over all time, batched across a list of objectives. */
@Resolver(() => Objective)
export class ObjectiveHoursResolver {
  @ResolveField(() => Float, { description: 'hours of work credited to this objective through contributing activities' })
  hoursInvested(@Parent() objective: Objective, @RequestLoaders() loaders: Loaders): Promise<number> {
    return loaders.hoursInvested(objective.asOf).load(objective.id);
  }
}
