import { addDays, daysBetween, type LocalDate } from '../shared/local-date';

/** What a group's cadence is judged from: the day it was formed and how often to be in touch. */
export interface CadencedGroup {
  readonly formedOn: LocalDate;
  readonly cadenceDays: number;
}

export interface GroupCadence {
  /** The last touchpoint with the group (or, before any, the day it was formed) plus the cadence. */
  readonly nextDueOn: LocalDate;
  /** The day judged is after nextDueOn: being in touch on the due day itself is on time. */
  readonly overdue: boolean;
  /** Days from the last touchpoint to the day judged; null before any touchpoint. */
  readonly daysSinceLastTouchpoint: number | null;
}

/** Shown by a group's view (which knows no day) and judged by the network's health. */
export const nextDueOn = (group: CadencedGroup, lastTouchpointOn: LocalDate | null): LocalDate =>
  addDays(lastTouchpointOn ?? group.formedOn, group.cadenceDays);

/**
 * How a group stands on day `on`. `lastTouchpointOn` is the latest touchpoint with the group held
 * on or before `on`: one that names the group, or in which any of its members took part.
 */
export const groupCadence = (group: CadencedGroup, lastTouchpointOn: LocalDate | null, on: LocalDate): GroupCadence => {
  const due = nextDueOn(group, lastTouchpointOn);
  return {
    nextDueOn: due,
    overdue: on > due,
    daysSinceLastTouchpoint: lastTouchpointOn === null ? null : daysBetween(lastTouchpointOn, on),
  };
};
