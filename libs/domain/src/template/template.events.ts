import type { ActivityMode } from '../activity/activity.events';
import type { DomainEvent } from '../shared/decider';

/**
 * An activity of a shared template: what to do and when, relative to the plan's period. It names
 * no person and no objective: those belong to the PMO that reuses it.
 */
export interface TemplateActivity {
  readonly title: string;
  readonly mode: ActivityMode;
  /** Days from the start of the plan's period to the activity's first day. */
  readonly startOffsetDays: number;
  /** Days the activity lasts, its first and last day included (1 for a one-day activity). */
  readonly durationDays: number;
  /** Why it is in the plan: the rationales of its links in the source plan, or its description. */
  readonly rationale: string | null;
}

export type PlanTemplatePublished = DomainEvent<
  'PlanTemplatePublished',
  {
    readonly templateId: string;
    readonly title: string;
    readonly sourcePlanId: string;
    readonly pmoId: string;
    readonly activities: readonly TemplateActivity[];
  }
>;

/** A plan was drafted from the template. */
export type PlanTemplateUsed = DomainEvent<
  'PlanTemplateUsed',
  { readonly templateId: string; readonly planId: string; readonly pmoId: string }
>;

export type PlanTemplateEvent = PlanTemplatePublished | PlanTemplateUsed;

/** The persisted name of every template event; event-types.spec.ts checks it against PlanTemplateEvent. */
export const PLAN_TEMPLATE_EVENT_TYPES = ['PlanTemplatePublished', 'PlanTemplateUsed'] as const satisfies readonly PlanTemplateEvent['type'][];
