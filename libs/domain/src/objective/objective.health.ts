import { daysBetween, type LocalDate } from '../shared/local-date';
import type { DefinedObjectiveView, Measurement } from './objective.view';

/** Progress may trail the expected progress by this much and still be on track. */
export const ON_TRACK_TOLERANCE = 0.1;
/** Beyond ON_TRACK_TOLERANCE and up to this much behind, an objective is at risk; further behind, off track. */
export const AT_RISK_TOLERANCE = 0.25;

// Progress and expected progress are ratios of different quantities, so a value that is exactly on
// a threshold can land a rounding error below it (0.8 - 0.1 is 0.7000000000000001).
const EPSILON = 1e-9;

export const OBJECTIVE_HEALTHS = ['NO_DATA', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'CLOSED'] as const;
export type ObjectiveHealth = (typeof OBJECTIVE_HEALTHS)[number];

export interface ObjectiveAssessment {
  /** Value of the measurement with the latest measuredOn up to `today`; null before any. */
  readonly currentValue: number | null;
  /** (current − baseline) / (target − baseline); 0 before any measurement; may exceed 1 or be negative. */
  readonly progress: number;
  /** Share of the days from startsOn to dueOn elapsed on `today`, clamped to 0..1. */
  readonly expectedProgress: number;
  readonly health: ObjectiveHealth;
}

/**
 * The measurement that says where the objective stood on `today`: the latest measuredOn not after
 * it, and among several on that day the one recorded last. A backdated measurement therefore never
 * displaces a later one, and measurements about later days are ignored in a view of an earlier day.
 *
 * This is the rule stated over the whole list; the view keeps its answer incrementally
 * (`currentMeasurement` of objective.view.ts), and a property test holds the two equal.
 */
export const currentMeasurement = (measurements: readonly Measurement[], today: LocalDate): Measurement | null => {
  let current: Measurement | null = null;
  for (const measurement of measurements) {
    if (measurement.measuredOn > today) continue;
    // Measurements are kept in the order recorded, so `>=` lets the later-recorded one win a tie.
    if (current === null || measurement.measuredOn >= current.measuredOn) current = measurement;
  }
  return current;
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export const expectedProgressOn = (startsOn: LocalDate, dueOn: LocalDate, today: LocalDate): number => {
  const span = daysBetween(startsOn, dueOn);
  return span <= 0 ? 1 : clamp(daysBetween(startsOn, today) / span, 0, 1);
};

/** What an assessment reads of an objective's view: of its current measurement, the day and the value. */
export type AssessedObjective = Pick<DefinedObjectiveView, 'status' | 'metric' | 'startsOn' | 'dueOn'> & {
  readonly currentMeasurement: Pick<Measurement, 'measuredOn' | 'value'> | null;
};

const healthOf = (
  objective: AssessedObjective,
  currentValue: number | null,
  progress: number,
  expectedProgress: number,
): ObjectiveHealth => {
  if (objective.status !== 'ACTIVE') return 'CLOSED';
  if (currentValue === null) return 'NO_DATA';
  const shortfall = expectedProgress - progress;
  if (shortfall <= ON_TRACK_TOLERANCE + EPSILON) return 'ON_TRACK';
  if (shortfall <= AT_RISK_TOLERANCE + EPSILON) return 'AT_RISK';
  return 'OFF_TRACK';
};

/**
 * The objective as it stands on `today`, which is the day of the instant the view was folded to
 * (or a later one). A view folded to an instant holds only measurements recorded by then, about
 * days up to then; its current measurement is therefore the one the whole list names for `today`.
 * Asked about a day before its own current measurement (which no fold to an instant does), the
 * view cannot know the earlier ones and answers as before any measurement.
 */
export const assessObjective = (objective: AssessedObjective, today: LocalDate): ObjectiveAssessment => {
  const { baseline, target } = objective.metric;
  const expectedProgress = expectedProgressOn(objective.startsOn, objective.dueOn, today);
  const latest = objective.currentMeasurement;
  const current = latest !== null && latest.measuredOn <= today ? latest : null;
  const currentValue = current ? current.value : null;
  const progress = currentValue === null ? 0 : (currentValue - baseline) / (target - baseline);
  return { currentValue, progress, expectedProgress, health: healthOf(objective, currentValue, progress, expectedProgress) };
};
