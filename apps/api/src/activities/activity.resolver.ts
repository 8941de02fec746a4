import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { PlanState } from '@throughline/domain';
import { NotFoundError } from '../common/app-errors';
import { PLAN_KIND } from '@throughline/runtime';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { ActivityStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { BusinessPlan } from '../plans/plan.types';
import { toPlanView } from '../plans/plan.view';
import {
  CancelActivityCommand,
  CompleteActivityCommand,
  LinkActivityCommand,
  PlanActivityCommand,
  ReassignActivityCommand,
  RescheduleActivityCommand,
  UnlinkActivityCommand,
} from './activity.commands';
import {
  CancelActivityInput,
  CompleteActivityInput,
  LinkActivityInput,
  PlanActivityInput,
  ReassignActivityInput,
  RescheduleActivityInput,
  UnlinkActivityInput,
} from './activity.inputs';
import { ActivityQuery, PlanActivitiesQuery } from './activity.queries';
import { Activity } from './activity.types';

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => Activity, { nullable: true })
  activity(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Activity | null> {
    return this.queries.execute(new ActivityQuery(id, asOf ?? null));
  }

  @Mutation(() => Activity)
  async planActivity(@Args('input') input: PlanActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new PlanActivityCommand(input, caller)));
  }

  @Mutation(() => Activity)
  async linkActivityToObjective(@Args('input') input: LinkActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new LinkActivityCommand(input, caller)));
  }

  @Mutation(() => Activity)
  async unlinkActivityFromObjective(@Args('input') input: UnlinkActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new UnlinkActivityCommand(input, caller)));
  }

  @Mutation(() => Activity)
  async rescheduleActivity(@Args('input') input: RescheduleActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new RescheduleActivityCommand(input, caller)));
  }

  @Mutation(() => Activity)
  async reassignActivity(@Args('input') input: ReassignActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new ReassignActivityCommand(input, caller)));
  }

  @Mutation(() => Activity)
  async completeActivity(@Args('input') input: CompleteActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new CompleteActivityCommand(input, caller)));
  }

  @Mutation(() => Activity)
  async cancelActivity(@Args('input') input: CancelActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.current(await this.commands.execute(new CancelActivityCommand(input, caller)));
  }

  @ResolveField(() => BusinessPlan)
  async plan(@Parent() activity: Activity, @RequestLoaders() loaders: Loaders): Promise<BusinessPlan> {
    const plan = toPlanView(await loaders.entity<PlanState>(PLAN_KIND, activity.asOf).load(activity.planId), activity.asOf);
    if (!plan) throw new NotFoundError('business plan', activity.planId);
    return plan;
  }

  private async current(activityId: string): Promise<Activity> {
    const activity = await this.queries.execute<ActivityQuery, Activity | null>(new ActivityQuery(activityId, null));
    if (!activity) throw new NotFoundError('activity', activityId, 'activityId');
    return activity;
  }
}

/** BusinessPlan.activities lives with the activities, which own the query. */
@Resolver(() => BusinessPlan)
export class PlanActivitiesResolver {
  constructor(private readonly queries: QueryBus) {}

  @ResolveField(() => [Activity])
  activities(
    @Parent() plan: BusinessPlan,
    @Args('status', { type: () => ActivityStatus, nullable: true }) status?: ActivityStatus | null,
  ): Promise<Activity[]> {
    return this.queries.execute(new PlanActivitiesQuery(plan.id, status ?? null, plan.asOf));
  }
}
