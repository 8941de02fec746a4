import { assertNever } from '../shared/decider';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { PlanTemplateEvent, TemplateActivity } from './template.events';

export interface NoPlanTemplateView {
  readonly status: 'NONE';
}

export interface PublishedPlanTemplateView extends Stamps {
  readonly status: 'PUBLISHED';
  readonly templateId: string;
  readonly title: string;
  readonly sourcePlanId: string;
  /** The publishing PMO: the scope of permission checks. */
  readonly pmoId: string;
  readonly publishedBy: string;
  readonly activities: readonly TemplateActivity[];
  /** Plans drafted from it. */
  readonly uses: number;
}

export type PlanTemplateView = NoPlanTemplateView | PublishedPlanTemplateView;

export const initialPlanTemplateView: PlanTemplateView = { status: 'NONE' };

export const evolvePlanTemplateView = (view: PlanTemplateView, event: PlanTemplateEvent, facts: RecordedFacts): PlanTemplateView => {
  if (event.type === 'PlanTemplatePublished') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const { templateId, title, sourcePlanId, pmoId, activities } = event.data;
    return { status: 'PUBLISHED', templateId, title, sourcePlanId, pmoId, publishedBy: facts.actor, activities, uses: 0, ...createdBy(facts) };
  }
  if (view.status === 'NONE') return view;
  switch (event.type) {
    case 'PlanTemplateUsed':
      return { ...touchedBy(view, facts), uses: view.uses + 1 };
    default:
      return assertNever(event);
  }
};

export const planTemplateView: ViewProjection<PlanTemplateEvent, PlanTemplateView> = {
  initialState: initialPlanTemplateView,
  evolve: evolvePlanTemplateView,
};
