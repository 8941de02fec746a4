import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, optionalText, requiredText } from '../shared/input';
import { daysBetween } from '../shared/local-date';
import type { PlanTemplateCommand, PublishPlanTemplate } from './template.commands';
import type { PlanTemplateEvent, TemplateActivity } from './template.events';
import type { PlanTemplateState } from './template.state';

const publish = (command: PublishPlanTemplate, state: PlanTemplateState): PlanTemplateEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('TEMPLATE_ALREADY_EXISTS', `template ${command.templateId} already exists`);
  const title = requiredText('title', command.title, NAME_MAX);
  const { source } = command;
  if (source.activities.length === 0) {
    throw new DomainError('TEMPLATE_FROM_EMPTY_PLAN', `business plan ${source.planId} has no activity to share`, 'planId');
  }
  // Earliest first, then by title, so the template reads in the order the work happens.
  const activities: TemplateActivity[] = source.activities
    .map((a) => ({
      title: a.title,
      mode: a.mode,
      startOffsetDays: daysBetween(source.periodStart, a.startsOn),
      durationDays: daysBetween(a.startsOn, a.endsOn) + 1,
      rationale: optionalText('rationale', a.rationale, TEXT_MAX),
    }))
    .sort((a, b) => a.startOffsetDays - b.startOffsetDays || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return [
    {
      type: 'PlanTemplatePublished',
      data: { templateId: command.templateId, title, sourcePlanId: source.planId, pmoId: source.pmoId, activities },
    },
  ];
};

export const decidePlanTemplate = (command: PlanTemplateCommand, state: PlanTemplateState, _context: CommandContext): PlanTemplateEvent[] => {
  switch (command.type) {
    case 'PublishPlanTemplate':
      return publish(command, state);
    case 'RecordPlanTemplateUse': {
      if (state.status === 'NONE') throw new DomainError('TEMPLATE_NOT_FOUND', `template ${command.templateId} does not exist`, 'templateId');
      const { templateId, planId, pmoId } = command;
      return [{ type: 'PlanTemplateUsed', data: { templateId, planId, pmoId } }];
    }
    default:
      return assertNever(command);
  }
};
