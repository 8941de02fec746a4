import { objectiveActiveOn } from '../alignment/crediting';
import { addDays, daysBetween, isoWeekStart, monthEnd, type LocalDate } from '../shared/local-date';
import { assessObjective, type AssessedObjective, type ObjectiveHealth } from './objective.health';
import type { Measurement, ObjectiveClosure } from './objective.view';

export const TREND_GRANULARITIES = ['WEEK', 'MONTH'] as const;
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];

/** Five years of weeks and the partial one either side: enough for any chart, small enough to stay cheap. */
export const MAX_TREND_POINTS = 262;

/** The Sunday that ends the ISO week holding `day`. */
export const weekEnd = (day: LocalDate): LocalDate => addDays(isoWeekStart(day), 6);

const firstEnd = (from: LocalDate, granularity: TrendGranularity): LocalDate => (granularity === 'WEEK' ? weekEnd(from) : monthEnd(from));
const nextEnd = (end: LocalDate, granularity: TrendGranularity): LocalDate => (granularity === 'WEEK' ? addDays(end, 7) : monthEnd(addDays(end, 1)));

const monthIndex = (day: LocalDate): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/**
 * How many points `periodEnds` gives, worked out without listing them, so a window of centuries
 * is refused by its count: every week (month) the window touches gives one point, its end or `to`.
 */
export const periodEndCount = (from: LocalDate, to: LocalDate, granularity: TrendGranularity): number => {
  if (from > to) return 0;
  return granularity === 'WEEK' ? daysBetween(isoWeekStart(from), isoWeekStart(to)) / 7 + 1 : monthIndex(to) - monthIndex(from) + 1;
};

/**
 * The days a trend is drawn on: every period end (a Sunday for WEEK, a month's last day for
 * MONTH) from `from` to `to`, and `to` itself as the last point when it ends no period, since a
 * chart ends where it was asked to. Empty when `from` is after `to`.
 */
export const periodEnds = (from: LocalDate, to: LocalDate, granularity: TrendGranularity): LocalDate[] => {
  if (from > to) return [];
  const ends: LocalDate[] = [];
  for (let end = firstEnd(from, granularity); end <= to; end = nextEnd(end, granularity)) ends.push(end);
  if (ends[ends.length - 1] !== to) ends.push(to);
  return ends;
};

/** What judging an objective on a day reads of it: its definition as known, and its closure if any. */
export type JudgedObjective = Omit<AssessedObjective, 'currentMeasurement'> & { readonly closure?: Pick<ObjectiveClosure, 'closedOn'> | null };

export interface ObjectiveOnDay {
  readonly on: LocalDate;
  /** The latest measurement on or before the day (the later recorded of a tie); null before any. */
  readonly value: number | null;
  readonly progress: number;
  readonly expectedProgress: number;
  readonly health: ObjectiveHealth;
  /** Not yet closed on the day: an objective closed on day C is ACTIVE before C (as the crediting rule has it). */
  readonly active: boolean;
}

/**
 * The objective as it stood on `day`, by the domain's own health rule: ACTIVE until its closing
 * day (CLOSED from it), progress from `current`, which the caller found as the measurement
 * that held on that day.
 */
export const assessObjectiveOn = (objective: JudgedObjective, current: Pick<Measurement, 'measuredOn' | 'value'> | null, day: LocalDate): ObjectiveOnDay => {
  const active = objectiveActiveOn(objective.closure?.closedOn ?? null, day);
  const judged: AssessedObjective = { ...objective, status: active ? 'ACTIVE' : objective.status, currentMeasurement: current };
  const { currentValue, progress, expectedProgress, health } = assessObjective(judged, day);
  return { on: day, value: currentValue, progress, expectedProgress, health, active };
};

/**
 * The objective on each of `days` (ascending), from its measurements in the order recorded: one
 * pass over them sorted by the day measured, so a long history and a long trend cost a sort and
 * a walk, never one search per point.
 */
export const objectiveTrend = (objective: JudgedObjective, measurements: readonly Measurement[], days: readonly LocalDate[]): ObjectiveOnDay[] => {
  // A stable sort keeps the order recorded among measurements of one day: the last one wins.
  const byDay = [...measurements].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
  let next = 0;
  let current: Measurement | null = null;
  return days.map((day) => {
    while (next < byDay.length && (byDay[next] as Measurement).measuredOn <= day) current = byDay[next++] as Measurement;
    return assessObjectiveOn(objective, current, day);
  });
};
