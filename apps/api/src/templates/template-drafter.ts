import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, shiftIntoPeriod, type PlanSnapshot } from '@throughline/domain';
import { AggregateLoader } from '../common/aggregate-loader';
import { ACTIVITY, PLAN, PMO, TEMPLATE, type ViewOf } from '../common/aggregates';
import { DecideCommand, NEW_ENTITY, type CommandInput, type Decided } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import type { DraftFromTemplateInput } from './template.inputs';

/**
 * Drafts a plan from a template in three kinds of append: the plan (naming its template), one
 * activity per template activity placed in the new period (see shiftIntoPeriod), each with the
 * person drafting as its responsible until reassigned and linked to no objective, then the use
 * counted on the template. With a commandId each append has its own key (the command's and the
 * step's name), so a retry after a stop halfway replays what was done and does the rest; until
 * then a reader sees a DRAFT plan with fewer activities, and the template not yet counting it.
 */
@Injectable()
export class TemplateDrafter {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  async draft(input: DraftFromTemplateInput, caller: RequestContext): Promise<Decided<ViewOf<typeof PLAN>>> {
    const template = await this.loader.existing(TEMPLATE, input.templateId, 'templateId', caller.folds);
    const pmo = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    if (pmo.state.merged) throw new DomainError('PMO_MERGED', `PMO ${pmo.id} was merged and drafts no new plan`, 'pmoId');
    const decided = await this.commands.execute(
      new DecideCommand(PLAN, NEW_ENTITY, input, caller, (planId) => ({
        type: 'DraftBusinessPlan',
        planId,
        pmoId: pmo.id,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        templateId: template.id,
      })),
    );
    const plan = decided.view;
    if (plan.status === 'NONE' || template.view.status === 'NONE') return decided;
    const snapshot: PlanSnapshot = { planId: plan.planId, pmoId: plan.pmoId, status: plan.status, periodStart: plan.periodStart, periodEnd: plan.periodEnd };
    const shifted = shiftIntoPeriod(template.view.activities, plan.periodStart, plan.periodEnd);
    for (const [i, activity] of shifted.entries()) {
      await this.commands.execute(
        new DecideCommand(ACTIVITY, NEW_ENTITY, this.stepInput(input, `activity:${i}`, plan.planId), caller, (activityId) => ({
          type: 'PlanActivity',
          activityId,
          plan: snapshot,
          title: activity.title,
          description: activity.description,
          responsible: caller.principal.subject,
          mode: activity.mode,
          startsOn: activity.startsOn,
          endsOn: activity.endsOn,
          effortEstimateHours: null,
          contributions: [],
        })),
      );
    }
    await this.commands.execute(
      new DecideCommand(TEMPLATE, { id: template.id, field: 'templateId' }, this.stepInput(input, 'use', plan.planId), caller, (templateId) => ({
        type: 'RecordPlanTemplateUse',
        templateId,
        planId: plan.planId,
        pmoId: plan.pmoId,
      })),
    );
    return decided;
  }

  private stepInput(input: DraftFromTemplateInput, step: string, planId: string): CommandInput & { readonly step: string; readonly planId: string } {
    return { commandId: input.commandId ? `${input.commandId}:${step}` : null, step, planId };
  }
}
