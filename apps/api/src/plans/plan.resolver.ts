import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { PmoState } from '@throughline/domain';
import { NotFoundError } from '../common/app-errors';
import { PMO_KIND } from '@throughline/runtime';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import {
  ApproveBusinessPlanCommand,
  DraftBusinessPlanCommand,
  ReturnBusinessPlanCommand,
  ReviseBusinessPlanCommand,
  SubmitBusinessPlanCommand,
} from './plan.commands';
import { DraftBusinessPlanInput, PlanTransitionInput } from './plan.inputs';
import { PlanQuery, PmoPlansQuery } from './plan.queries';
import { BusinessPlan } from './plan.types';

@Resolver(() => BusinessPlan)
export class PlanResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => BusinessPlan, { nullable: true })
  businessPlan(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', {
      type: () => Int,
      nullable: true,
      description: 'an approved version shows the plan and its activities as they stood when it was approved',
    })
    version?: number | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<BusinessPlan | null> {
    return this.queries.execute(new PlanQuery(id, asOf ?? null, version ?? null));
  }

  @Mutation(() => BusinessPlan)
  async draftBusinessPlan(@Args('input') input: DraftBusinessPlanInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.current(await this.commands.execute(new DraftBusinessPlanCommand(input, caller)));
  }

  @Mutation(() => BusinessPlan)
  async submitBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.current(await this.commands.execute(new SubmitBusinessPlanCommand(input, caller)));
  }

  @Mutation(() => BusinessPlan)
  async approveBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.current(await this.commands.execute(new ApproveBusinessPlanCommand(input, caller)));
  }

  @Mutation(() => BusinessPlan, { description: 'sends a SUBMITTED plan back to DRAFT; the reason is required' })
  async returnBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.current(await this.commands.execute(new ReturnBusinessPlanCommand(input, caller)));
  }

  @Mutation(() => BusinessPlan, {
    description:
      'opens a new DRAFT version of an APPROVED plan; the approved version stays readable as a baseline and becomes SUPERSEDED when the new version is approved',
  })
  async reviseBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.current(await this.commands.execute(new ReviseBusinessPlanCommand(input, caller)));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() plan: BusinessPlan, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    const pmo = toPmoView(await loaders.entity<PmoState>(PMO_KIND, plan.asOf).load(plan.pmoId), plan.asOf);
    if (!pmo) throw new NotFoundError('PMO', plan.pmoId);
    return pmo;
  }

  private async current(planId: string): Promise<BusinessPlan> {
    const plan = await this.queries.execute<PlanQuery, BusinessPlan | null>(new PlanQuery(planId, null));
    if (!plan) throw new NotFoundError('business plan', planId, 'planId');
    return plan;
  }
}

/** Pmo.plans lives with the plans, which own the query. */
@Resolver(() => Pmo)
export class PmoPlansResolver {
  constructor(private readonly queries: QueryBus) {}

  @ResolveField(() => [BusinessPlan])
  plans(@Parent() pmo: Pmo): Promise<BusinessPlan[]> {
    return this.queries.execute(new PmoPlansQuery(pmo.id, pmo.asOf));
  }
}
