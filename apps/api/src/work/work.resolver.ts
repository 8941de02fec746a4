import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { ActivityState, PmoState } from '@throughline/domain';
import { Activity } from '../activities/activity.types';
import { ActivityViews } from '../activities/activity-views';
import { NotFoundError } from '../common/app-errors';
import { ACTIVITY_KIND, PMO_KIND } from '@throughline/runtime';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { CorrectWorkCommand, LogWorkCommand, RetractWorkCommand } from './work.commands';
import { CorrectWorkInput, LogWorkInput, RetractWorkInput } from './work.inputs';
import { WorkEntriesQuery, WorkEntryQuery } from './work.queries';
import { WorkEntry } from './work.types';

@Resolver(() => WorkEntry)
export class WorkResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ActivityViews,
  ) {}

  @Query(() => WorkEntry, { nullable: true, description: 'one work entry, retracted ones included' })
  workEntry(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<WorkEntry | null> {
    return this.queries.execute(new WorkEntryQuery(id, asOf ?? null));
  }

  @Query(() => [WorkEntry], { description: "a PMO's work entries with workedOn from..to (inclusive), retracted ones left out" })
  workEntries(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('person', { type: () => String, nullable: true }) person?: string | null,
    @Args('activityId', { type: () => ID, nullable: true }) activityId?: string | null,
  ): Promise<WorkEntry[]> {
    return this.queries.execute(new WorkEntriesQuery({ pmoId, from, to, person, activityId }));
  }

  @Mutation(() => WorkEntry)
  async logWork(@Args('input') input: LogWorkInput, @Caller() caller: RequestContext): Promise<WorkEntry> {
    return this.current(await this.commands.execute(new LogWorkCommand(input, caller)));
  }

  @Mutation(() => WorkEntry)
  async correctWork(@Args('input') input: CorrectWorkInput, @Caller() caller: RequestContext): Promise<WorkEntry> {
    return this.current(await this.commands.execute(new CorrectWorkCommand(input, caller)));
  }

  @Mutation(() => WorkEntry)
  async retractWork(@Args('input') input: RetractWorkInput, @Caller() caller: RequestContext): Promise<WorkEntry> {
    return this.current(await this.commands.execute(new RetractWorkCommand(input, caller)));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() entry: WorkEntry, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    const pmo = toPmoView(await loaders.entity<PmoState>(PMO_KIND, entry.asOf).load(entry.pmoId), entry.asOf);
    if (!pmo) throw new NotFoundError('PMO', entry.pmoId);
    return pmo;
  }

  @ResolveField(() => Activity, { nullable: true })
  async activity(@Parent() entry: WorkEntry, @RequestLoaders() loaders: Loaders): Promise<Activity | null> {
    if (!entry.activityId) return null;
    return this.views.one(await loaders.entity<ActivityState>(ACTIVITY_KIND, entry.asOf).load(entry.activityId), entry.asOf);
  }

  private async current(workEntryId: string): Promise<WorkEntry> {
    const entry = await this.queries.execute<WorkEntryQuery, WorkEntry | null>(new WorkEntryQuery(workEntryId, null));
    if (!entry) throw new NotFoundError('work entry', workEntryId, 'workEntryId');
    return entry;
  }
}
