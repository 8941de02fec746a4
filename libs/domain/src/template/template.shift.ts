import { addDays, minDate, type LocalDate } from '../shared/local-date';
import type { ActivityMode } from '../activity/activity.events';
import type { TemplateActivity } from './template.events';

/** An activity of a plan drafted from a template, placed in the new plan's period. */
export interface ShiftedActivity {
  readonly title: string;
  readonly mode: ActivityMode;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly description: string | null;
}

/**
 * Places a template's activities in a new period: each starts as many days after the period's
 * start as it did in the source plan and lasts as long. A period shorter than the source's clips
 * them to its last day: an activity that would run past it ends on it, and one that would start
 * after it becomes a one-day activity on that last day, so no activity of the template is lost
 * and each is there to reschedule. The rationale becomes the description; links are the new
 * PMO's to make.
 */
export const shiftIntoPeriod = (activities: readonly TemplateActivity[], periodStart: LocalDate, periodEnd: LocalDate): ShiftedActivity[] =>
  activities.map((a) => {
    const startsOn = minDate(addDays(periodStart, a.startOffsetDays), periodEnd);
    const endsOn = minDate(addDays(startsOn, a.durationDays - 1), periodEnd);
    return { title: a.title, mode: a.mode, startsOn, endsOn, description: a.rationale };
  });
