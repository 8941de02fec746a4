import { assertNever } from '../shared/decider';
import type { PlanTemplateEvent } from './template.events';

export interface NoPlanTemplate {
  readonly status: 'NONE';
}

/**
 * The decider's state: that the template exists, plus the PMO it was published from, which
 * permission checks read. Its activities and its uses are the view's (template.view.ts).
 */
export interface PublishedPlanTemplate {
  readonly status: 'PUBLISHED';
  readonly templateId: string;
  readonly pmoId: string;
}

export type PlanTemplateState = NoPlanTemplate | PublishedPlanTemplate;

export const initialPlanTemplateState: PlanTemplateState = { status: 'NONE' };

export const evolvePlanTemplate = (state: PlanTemplateState, event: PlanTemplateEvent): PlanTemplateState => {
  switch (event.type) {
    case 'PlanTemplatePublished':
      if (state.status !== 'NONE') return state;
      return { status: 'PUBLISHED', templateId: event.data.templateId, pmoId: event.data.pmoId };
    case 'PlanTemplateUsed':
      return state;
    default:
      return assertNever(event);
  }
};
