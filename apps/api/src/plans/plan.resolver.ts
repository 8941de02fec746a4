import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { planAt, pmoAt } from '../auth/scopes';
import { AggregateLoader } from '../common/aggregate-loader';
import { PLAN, PMO, type ViewOf } from '../common/aggregates';
import { InputError } from '../common/app-errors';
import { DecideCommand, NEW_ENTITY, type Decided, type ExistingTarget } from '../common/decide.command';
import { PMO_KIND } from '@throughline/runtime';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { DraftBusinessPlanInput, PlanTransitionInput } from './plan.inputs';
import { PlanReader } from './plan.reader';
import { BusinessPlan } from './plan.types';
import { toPlanView } from './plan.view';

type Transition = { readonly input: PlanTransitionInput };

/** The plan a transition names by its planId. */
const planOf = (input: PlanTransitionInput): ExistingTarget => ({ id: input.planId, field: 'planId' });
const transitionOn = planAt((a: Transition) => a.input.planId, 'planId');

@Resolver(() => BusinessPlan)
export class PlanResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: PlanReader,
    private readonly loader: AggregateLoader,
  ) {}

  @Query(() => BusinessPlan, { nullable: true })
  @Requires('records.read', planAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(PLAN, (a: { id: string }) => a.id, 'id'))
  businessPlan(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('version', {
      type: () => Int,
      nullable: true,
      description: 'an approved version shows the plan and its activities as they stood when it was approved',
    })
    version?: number | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<BusinessPlan | null> {
    return this.reader.get(loaders, id, asOf ?? null, version ?? null);
  }

  @Mutation(() => BusinessPlan)
  @Requires('plan.edit', pmoAt((a: { input: DraftBusinessPlanInput }) => a.input.pmoId, 'pmoId'))
  async draftBusinessPlan(@Args('input') input: DraftBusinessPlanInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    const { id: pmoId } = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PLAN, NEW_ENTITY, input, caller, (planId) => ({
          type: 'DraftBusinessPlan',
          planId,
          pmoId,
          title: input.title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
        })),
      ),
    );
  }

  @Mutation(() => BusinessPlan)
  @Requires('plan.submit', transitionOn)
  async submitBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PLAN, planOf(input), input, caller, (planId) => ({ type: 'SubmitBusinessPlan', planId, reason: input.reason ?? null })),
      ),
    );
  }

  @Mutation(() => BusinessPlan)
  @Requires('plan.review', transitionOn)
  async approveBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PLAN, planOf(input), input, caller, (planId) => ({ type: 'ApproveBusinessPlan', planId, reason: input.reason ?? null })),
      ),
    );
  }

  @Mutation(() => BusinessPlan, { description: 'sends a SUBMITTED plan back to DRAFT; the reason is required' })
  @Requires('plan.review', transitionOn)
  async returnBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    // A return is a rejection: the authors need to know what to change.
    const reason = input.reason?.trim();
    if (!reason) throw new InputError('reason', 'a returned plan needs a reason');
    return this.shown(
      await this.commands.execute(new DecideCommand(PLAN, planOf(input), input, caller, (planId) => ({ type: 'ReturnBusinessPlan', planId, reason }))),
    );
  }

  @Mutation(() => BusinessPlan, {
    description:
      'opens a new DRAFT version of an APPROVED plan; the approved version stays readable as a baseline and becomes SUPERSEDED when the new version is approved',
  })
  @Requires('plan.edit', transitionOn)
  async reviseBusinessPlan(@Args('input') input: PlanTransitionInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PLAN, planOf(input), input, caller, (planId) => ({ type: 'ReviseBusinessPlan', planId, reason: input.reason ?? null })),
      ),
    );
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() plan: BusinessPlan, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, plan.asOf).load(plan.pmoId), plan.asOf), 'PMO', plan.pmoId);
  }

  /** A mutation answers the plan as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof PLAN>>): BusinessPlan {
    return found(toPlanView(view, null), 'business plan', id, 'planId');
  }
}

/** Pmo.plans lives with the plans, which own the query. */
@Resolver(() => Pmo)
export class PmoPlansResolver {
  constructor(private readonly reader: PlanReader) {}

  @ResolveField(() => [BusinessPlan])
  plans(@Parent() pmo: Pmo): Promise<BusinessPlan[]> {
    return this.reader.ofPmo(pmo.id, pmo.asOf);
  }
}
