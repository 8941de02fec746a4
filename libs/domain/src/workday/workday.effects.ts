import type { LocalDate } from '../shared/local-date';
import type { WorkEvent } from '../work/work.events';
import type { WorkState } from '../work/work.state';

/** One change to a person's day that a work event needs: count an entry's hours, or release them. */
export type WorkdayStep =
  | { readonly kind: 'count'; readonly person: string; readonly day: LocalDate; readonly workEntryId: string; readonly hours: number }
  | { readonly kind: 'release'; readonly person: string; readonly day: LocalDate; readonly workEntryId: string };

/**
 * What a work event asks of the workdays: `before` must be recorded before the work event,
 * `after` once it is. Whatever raises a day's total comes first and whatever lowers it comes
 * after, so a writer stopping between two steps leaves a day counting more than its entries
 * hold (refusing hours it could take), never less (accepting hours over 24).
 */
export interface WorkdayEffects {
  readonly before: readonly WorkdayStep[];
  readonly after: readonly WorkdayStep[];
}

const NONE: WorkdayEffects = { before: [], after: [] };

/** `entry` is the work entry as it was when the event was decided. */
export const workdayEffectsOf = (event: WorkEvent, entry: WorkState): WorkdayEffects => {
  switch (event.type) {
    case 'WorkLogged': {
      const { person, workedOn: day, workEntryId, hours } = event.data;
      return { before: [{ kind: 'count', person, day, workEntryId, hours }], after: [] };
    }
    case 'WorkRetracted':
      if (entry.status !== 'LOGGED') return NONE;
      return { before: [], after: [{ kind: 'release', person: entry.person, day: entry.workedOn, workEntryId: entry.workEntryId }] };
    case 'WorkCorrected': {
      if (entry.status !== 'LOGGED') return NONE;
      const { workEntryId } = entry;
      const next = { ...entry, ...event.data.changes };
      const count: WorkdayStep = { kind: 'count', person: next.person, day: next.workedOn, workEntryId, hours: next.hours };
      // Only person, day and hours bear on a day's total.
      if (next.person !== entry.person || next.workedOn !== entry.workedOn) {
        return { before: [count], after: [{ kind: 'release', person: entry.person, day: entry.workedOn, workEntryId }] };
      }
      if (next.hours > entry.hours) return { before: [count], after: [] };
      if (next.hours < entry.hours) return { before: [], after: [count] };
      return NONE;
    }
  }
};
