import type { PlanTemplateView } from '@throughline/domain';
import type { PlanTemplate } from './template.types';

/** The GraphQL view of a folded template; null when none was published. */
export const toTemplateView = (view: PlanTemplateView | null): PlanTemplate | null => {
  if (!view || view.status === 'NONE') return null;
  return {
    id: view.templateId,
    title: view.title,
    publishedBy: view.publishedBy,
    publishedAt: view.createdAt,
    activities: view.activities.map((a) => ({ ...a })),
    uses: view.uses,
    revision: view.revision,
    sourcePlanId: view.sourcePlanId,
    pmoId: view.pmoId,
  };
};
