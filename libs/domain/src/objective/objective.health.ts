import { daysBetween, type LocalDate } from '../shared/local-date';
import type { DefinedObjective, Measurement } from './objective.state';

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

const healthOf = (
  objective: DefinedObjective,
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

export const assessObjective = (objective: DefinedObjective, today: LocalDate): ObjectiveAssessment => {
  const { baseline, target } = objective.metric;
  const expectedProgress = expectedProgressOn(objective.startsOn, objective.dueOn, today);
  const current = currentMeasurement(objective.measurements, today);
  const currentValue = current ? current.value : null;
  const progress = currentValue === null ? 0 : (currentValue - baseline) / (target - baseline);
  return { currentValue, progress, expectedProgress, health: healthOf(objective, currentValue, progress, expectedProgress) };
};
