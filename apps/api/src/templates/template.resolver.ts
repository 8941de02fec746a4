import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PLAN_KIND, PMO_KIND, TEMPLATE_KIND, isEntityId } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, planAt, pmoAt } from '../auth/scopes';
import { PMO, TEMPLATE, type ViewOf } from '../common/aggregates';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import { EntityReader } from '../common/entity-reader';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { BusinessPlan } from '../plans/plan.types';
import { toPlanView } from '../plans/plan.view';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { TemplateDrafter } from './template-drafter';
import { TemplateSource } from './template-source';
import { DraftFromTemplateInput, PublishPlanTemplateInput } from './template.inputs';
import { PlanTemplate } from './template.types';
import { toTemplateView } from './template.view';

@Resolver(() => PlanTemplate)
export class TemplateResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly sources: TemplateSource,
    private readonly drafter: TemplateDrafter,
    private readonly reader: EntityReader,
  ) {}

  @Query(() => PlanTemplate, { nullable: true })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(TEMPLATE, (a: { id: string }) => a.id, 'id'))
  async planTemplate(@Args('id', { type: () => ID }) id: string, @RequestLoaders() loaders: Loaders): Promise<PlanTemplate | null> {
    if (!isEntityId(id)) return null;
    return toTemplateView(await loaders.entity(TEMPLATE_KIND, null).load(id.toLowerCase()));
  }

  @Query(() => [PlanTemplate], { description: 'every shared template, oldest first, or those one PMO published' })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(PMO, (a: { pmoId?: string | null }) => a.pmoId, 'pmoId'))
  async planTemplates(@Args('pmoId', { type: () => ID, nullable: true }) pmoId?: string | null): Promise<PlanTemplate[]> {
    const views = await this.reader.list(TEMPLATE_KIND, pmoId ? { pmoId: pmoId.toLowerCase() } : {});
    return views.map(toTemplateView).filter((t): t is PlanTemplate => t !== null);
  }

  @Mutation(() => PlanTemplate, { description: 'shares a business plan with at least one activity as a template other PMOs can draft from' })
  @Requires('template.publish', planAt((a: { input: PublishPlanTemplateInput }) => a.input.planId, 'planId'))
  async publishPlanTemplate(@Args('input') input: PublishPlanTemplateInput, @Caller() caller: RequestContext): Promise<PlanTemplate> {
    const source = await this.sources.read(input.planId, caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(TEMPLATE, NEW_ENTITY, input, caller, (templateId) => ({ type: 'PublishPlanTemplate', templateId, title: input.title, source })),
      ),
    );
  }

  @Mutation(() => BusinessPlan, {
    description:
      'drafts a plan for a PMO and period from a template: its activities shifted into the period (clipped to its last day), the drafter responsible, linked to no objective',
  })
  @Requires('plan.edit', pmoAt((a: { input: DraftFromTemplateInput }) => a.input.pmoId, 'pmoId'))
  async draftBusinessPlanFromTemplate(@Args('input') input: DraftFromTemplateInput, @Caller() caller: RequestContext): Promise<BusinessPlan> {
    const { id, view } = await this.drafter.draft(input, caller);
    return found(toPlanView(view, null), 'business plan', id, 'planId');
  }

  @ResolveField(() => BusinessPlan, { description: 'the plan it was published from' })
  async source(@Parent() template: PlanTemplate, @RequestLoaders() loaders: Loaders): Promise<BusinessPlan> {
    return found(toPlanView(await loaders.entity(PLAN_KIND, null).load(template.sourcePlanId), null), 'business plan', template.sourcePlanId);
  }

  @ResolveField(() => Pmo, { description: 'the PMO that published it' })
  async pmo(@Parent() template: PlanTemplate, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, null).load(template.pmoId), null), 'PMO', template.pmoId);
  }

  private shown({ id, view }: Decided<ViewOf<typeof TEMPLATE>>): PlanTemplate {
    return found(toTemplateView(view), 'plan template', id);
  }
}

/** BusinessPlan.template lives with the templates. */
@Resolver(() => BusinessPlan)
export class PlanTemplateFieldResolver {
  @ResolveField(() => PlanTemplate, { nullable: true, description: 'the template it was drafted from' })
  async template(@Parent() plan: BusinessPlan, @RequestLoaders() loaders: Loaders): Promise<PlanTemplate | null> {
    if (!plan.templateId) return null;
    return toTemplateView(await loaders.entity(TEMPLATE_KIND, null).load(plan.templateId));
  }
}
