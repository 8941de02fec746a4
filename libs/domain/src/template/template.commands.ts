import type { ActivityMode } from '../activity/activity.events';
import type { LocalDate } from '../shared/local-date';

/** An activity of the source plan as the application read it (its links' rationales, no objective ids). */
export interface SourceActivity {
  readonly title: string;
  readonly mode: ActivityMode;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly rationale: string | null;
}

/** The plan a template is made from, as the application read it; its cancelled activities left out. */
export interface SourcePlan {
  readonly planId: string;
  readonly pmoId: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly activities: readonly SourceActivity[];
}

export interface PublishPlanTemplate {
  readonly type: 'PublishPlanTemplate';
  readonly templateId: string;
  readonly title: string;
  readonly source: SourcePlan;
}

export interface RecordPlanTemplateUse {
  readonly type: 'RecordPlanTemplateUse';
  readonly templateId: string;
  readonly planId: string;
  readonly pmoId: string;
}

export type PlanTemplateCommand = PublishPlanTemplate | RecordPlanTemplateUse;
