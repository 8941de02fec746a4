import type { Decider } from '../shared/decider';
import type { PlanTemplateCommand } from './template.commands';
import { decidePlanTemplate } from './template.decide';
import type { PlanTemplateEvent } from './template.events';
import { evolvePlanTemplate, initialPlanTemplateState, type PlanTemplateState } from './template.state';

export const planTemplateDecider: Decider<PlanTemplateCommand, PlanTemplateEvent, PlanTemplateState> = {
  initialState: initialPlanTemplateState,
  evolve: evolvePlanTemplate,
  decide: decidePlanTemplate,
};
