import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ACTIVITY_KIND, COMMUNITY_KIND, PMO_KIND } from '@throughline/runtime';
import { ActivityViews } from '../activities/activity-views';
import { Activity } from '../activities/activity.types';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { insightAt, pmoAt } from '../auth/scopes';
import { INSIGHT, PMO, type ViewOf } from '../common/aggregates';
import type { Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { InsightDecision } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { InsightCommands } from './insight.commands';
import { DecideInsightInput, RecordInsightInput } from './insight.inputs';
import { InsightReader } from './insight.reader';
import { Community, Insight, InsightFunnel } from './insight.types';
import { toCommunity, toInsight } from './insight.views';

type Input<I> = { readonly input: I };

@Resolver(() => Insight)
export class InsightResolver {
  constructor(
    private readonly commands: InsightCommands,
    private readonly reader: InsightReader,
    private readonly activities: ActivityViews,
  ) {}

  @Query(() => [Insight], { description: "a PMO's insights, oldest first; with decision, those whose latest decision it is" })
  @Requires('insight.read', pmoAt((a: { pmoId: string }) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: { pmoId: string }) => a.pmoId, 'pmoId'))
  insights(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('decision', { type: () => InsightDecision, nullable: true }) decision?: InsightDecision | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Insight[]> {
    return this.reader.insights(pmoId, decision ?? null, asOf ?? null);
  }

  @Query(() => InsightFunnel, { description: 'the insights heard from..to (inclusive) and what became of them, as known at asOf' })
  @Requires('insight.read', pmoAt((a: { pmoId: string }) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: { pmoId: string }) => a.pmoId, 'pmoId'))
  insightFunnel(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<InsightFunnel> {
    return this.reader.funnel(pmoId, from, to, asOf ?? null);
  }

  @Mutation(() => Insight, { description: 'records something heard from outside, on a day not after today' })
  @Requires('insight.record', pmoAt((a: Input<RecordInsightInput>) => a.input.pmoId, 'pmoId'))
  async recordInsight(@Args('input') input: RecordInsightInput, @Caller() caller: RequestContext): Promise<Insight> {
    return this.shown(await this.commands.record(input, caller));
  }

  @Mutation(() => Insight, { description: 'decides an open or parked insight: ADOPT, ADAPT, PARK or REJECT, with a reason' })
  @Requires('insight.decide', insightAt((a: Input<DecideInsightInput>) => a.input.insightId, 'insightId'))
  async decideInsight(@Args('input') input: DecideInsightInput, @Caller() caller: RequestContext): Promise<Insight> {
    return this.shown(await this.commands.decide(input, caller));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() insight: Insight, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, insight.asOf).load(insight.pmoId), insight.asOf), 'PMO', insight.pmoId);
  }

  @ResolveField(() => Community, { nullable: true })
  async community(@Parent() insight: Insight, @RequestLoaders() loaders: Loaders): Promise<Community | null> {
    if (!insight.communityId) return null;
    return toCommunity(await loaders.entity(COMMUNITY_KIND, insight.asOf).load(insight.communityId), insight.asOf);
  }

  @ResolveField(() => Activity, { nullable: true, description: 'the activity that puts an adopted or adapted insight to work' })
  async activity(@Parent() insight: Insight, @RequestLoaders() loaders: Loaders): Promise<Activity | null> {
    if (!insight.activityId) return null;
    return this.activities.one(await loaders.entity(ACTIVITY_KIND, insight.asOf).load(insight.activityId), insight.asOf);
  }

  /** A mutation answers the insight as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof INSIGHT>>): Insight {
    return found(toInsight(view, null), 'insight', id, 'insightId');
  }
}

@Resolver(() => InsightFunnel)
export class InsightFunnelResolver {
  @ResolveField(() => Pmo)
  async pmo(@Parent() funnel: InsightFunnel, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, funnel.asOf).load(funnel.pmoId), funnel.asOf), 'PMO', funnel.pmoId);
  }
}
