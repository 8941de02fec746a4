import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { activityAt, planAt } from '../auth/scopes';
import { ACTIVITY, type ViewOf } from '../common/aggregates';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import { DecideCommand, NEW_ENTITY, type Decided, type ExistingTarget } from '../common/decide.command';
import { PLAN_KIND } from '@throughline/runtime';
import { found } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { ActivityStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { BusinessPlan } from '../plans/plan.types';
import { toPlanView } from '../plans/plan.view';
import { ActivityViews } from './activity-views';
import {
  CancelActivityInput,
  CompleteActivityInput,
  LinkActivityInput,
  PlanActivityInput,
  ReassignActivityInput,
  RescheduleActivityInput,
  UnlinkActivityInput,
} from './activity.inputs';
import { ActivityReader } from './activity.reader';
import { Snapshots } from './activity.snapshots';
import { Activity, ActivityConnection } from './activity.types';

/** The activity a mutation names by its activityId. */
const activityOf = (input: { readonly activityId: string }): ExistingTarget => ({ id: input.activityId, field: 'activityId' });
const namedActivity = <I extends { readonly activityId: string }>(options?: Parameters<typeof activityAt<{ input: I }>>[2]) =>
  activityAt((a: { input: I }) => a.input.activityId, 'activityId', options);

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ActivityReader,
    private readonly views: ActivityViews,
    private readonly snapshots: Snapshots,
  ) {}

  @Query(() => Activity, { nullable: true })
  @Requires('records.read', activityAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(ACTIVITY, (a: { id: string }) => a.id, 'id'))
  activity(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Activity | null> {
    return this.reader.get(loaders, id, asOf ?? null);
  }

  @Mutation(() => Activity)
  @Requires('activity.manage', planAt((a: { input: PlanActivityInput }) => a.input.planId, 'planId'))
  async planActivity(@Args('input') input: PlanActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    const plan = await this.snapshots.plan(input.planId, 'planId', caller.folds);
    const contributions = await Promise.all(
      (input.contributions ?? []).map(async (c, i) => ({
        objective: await this.snapshots.objective(c.objectiveId, `contributions[${i}].objectiveId`, caller.folds),
        rationale: c.rationale,
        weight: c.weight ?? null,
      })),
    );
    return this.shown(
      await this.commands.execute(
        new DecideCommand(ACTIVITY, NEW_ENTITY, input, caller, (activityId) => ({
          type: 'PlanActivity',
          activityId,
          plan,
          title: input.title,
          description: input.description ?? null,
          responsible: input.responsible,
          mode: input.mode,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          effortEstimateHours: input.effortEstimateHours ?? null,
          contributions,
        })),
      ),
    );
  }

  @Mutation(() => Activity)
  @Requires('activity.manage', namedActivity<LinkActivityInput>())
  async linkActivityToObjective(@Args('input') input: LinkActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    const plan = await this.snapshots.planOfActivity(input.activityId, caller.folds);
    const objective = await this.snapshots.objective(input.objectiveId, 'objectiveId', caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(ACTIVITY, activityOf(input), input, caller, (activityId) => ({
          type: 'LinkActivityToObjective',
          activityId,
          plan,
          objective,
          rationale: input.rationale,
          weight: input.weight ?? null,
          effectiveFrom: input.effectiveFrom ?? null,
        })),
      ),
    );
  }

  @Mutation(() => Activity)
  @Requires('activity.manage', namedActivity<UnlinkActivityInput>())
  async unlinkActivityFromObjective(@Args('input') input: UnlinkActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    const plan = await this.snapshots.planOfActivity(input.activityId, caller.folds);
    const objectiveId = requireEntityId(input.objectiveId, 'objectiveId');
    return this.shown(
      await this.commands.execute(
        new DecideCommand(ACTIVITY, activityOf(input), input, caller, (activityId) => ({
          type: 'UnlinkActivityFromObjective',
          activityId,
          plan,
          objectiveId,
          reason: input.reason,
        })),
      ),
    );
  }

  @Mutation(() => Activity)
  @Requires('activity.manage', namedActivity<RescheduleActivityInput>())
  async rescheduleActivity(@Args('input') input: RescheduleActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    const plan = await this.snapshots.planOfActivity(input.activityId, caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(ACTIVITY, activityOf(input), input, caller, (activityId) => ({
          type: 'RescheduleActivity',
          activityId,
          plan,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          reason: input.reason,
        })),
      ),
    );
  }

  @Mutation(() => Activity)
  @Requires('activity.manage', namedActivity<ReassignActivityInput>())
  async reassignActivity(@Args('input') input: ReassignActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(ACTIVITY, activityOf(input), input, caller, (activityId) => ({
          type: 'ReassignActivity',
          activityId,
          responsible: input.responsible,
          reason: input.reason ?? null,
        })),
      ),
    );
  }

  @Mutation(() => Activity)
  @Requires('activity.complete', namedActivity<CompleteActivityInput>({ people: (activity) => [activity.responsible] }))
  async completeActivity(@Args('input') input: CompleteActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    return this.shown(
      await this.commands.execute(new DecideCommand(ACTIVITY, activityOf(input), input, caller, (activityId) => ({ type: 'CompleteActivity', activityId }))),
    );
  }

  @Mutation(() => Activity)
  @Requires('activity.manage', namedActivity<CancelActivityInput>())
  async cancelActivity(@Args('input') input: CancelActivityInput, @Caller() caller: RequestContext): Promise<Activity> {
    const plan = await this.snapshots.planOfActivity(input.activityId, caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(ACTIVITY, activityOf(input), input, caller, (activityId) => ({ type: 'CancelActivity', activityId, plan, reason: input.reason })),
      ),
    );
  }

  @ResolveField(() => BusinessPlan)
  async plan(@Parent() activity: Activity, @RequestLoaders() loaders: Loaders): Promise<BusinessPlan> {
    const plan = toPlanView(await loaders.entity(PLAN_KIND, activity.asOf).load(activity.planId), activity.asOf);
    return found(plan, 'business plan', activity.planId);
  }

  /** A mutation answers the activity as its own command folded it, with the hours logged against it. */
  private shown({ id, view }: Decided<ViewOf<typeof ACTIVITY>>): Activity {
    return found(this.views.one(view, null), 'activity', id, 'activityId');
  }
}

/** BusinessPlan.activities lives with the activities, which own the query. */
@Resolver(() => BusinessPlan)
export class PlanActivitiesResolver {
  constructor(private readonly reader: ActivityReader) {}

  @ResolveField(() => [Activity], { description: 'oldest first; RESULT_TOO_LARGE beyond the list cap', deprecationReason: 'use activitiesConnection' })
  activities(
    @Parent() plan: BusinessPlan,
    @Args('status', { type: () => ActivityStatus, nullable: true }) status?: ActivityStatus | null,
  ): Promise<Activity[]> {
    return this.reader.ofPlan(plan.id, status ?? null, plan.asOf);
  }

  @ResolveField(() => ActivityConnection, { description: "the plan's activities (of one status if asked) as of the plan's instant, oldest first, a page at a time" })
  activitiesConnection(
    @Parent() plan: BusinessPlan,
    @Args('status', { type: () => ActivityStatus, nullable: true }) status?: ActivityStatus | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<Activity>> {
    return this.reader.ofPlanPage(plan.id, status ?? null, plan.asOf, { first, after, last, before });
  }
}
