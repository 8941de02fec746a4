import { addDays, daysBetween, monthStart, objectiveDecider, type LocalDate } from '@throughline/domain';
import type { ObjectiveSeed } from './organisation';
import { stream } from './setup';
import { seedCommand, type SeedCommand } from './seed-writer';
import type { SeedWorld } from './world';

const weekday = (day: LocalDate): number => new Date(`${day}T00:00:00.000Z`).getUTCDay();
export const isWeekday = (day: LocalDate): boolean => weekday(day) !== 0 && weekday(day) !== 6;

/** The first Monday-to-Friday day of its month. */
const isFirstWorkingDayOfMonth = (day: LocalDate): boolean => {
  if (!isWeekday(day)) return false;
  for (let d = monthStart(day); d < day; d = addDays(d, 1)) if (isWeekday(d)) return false;
  return true;
};

/**
 * Progress readings due on `day`: monthly objectives report the month just ended on its first
 * working day, weekly ones report the previous Friday on Mondays. Values follow each objective's
 * pace (its `performance`) with some noise, so health varies from on track to off track.
 */
export function measurementsDue(world: SeedWorld, day: LocalDate): SeedCommand[] {
  const monthly = isFirstWorkingDayOfMonth(day);
  const weekly = weekday(day) === 1;
  if (!monthly && !weekly) return [];
  const commands: SeedCommand[] = [];
  for (const pmo of world.organisation.pmos) {
    for (const objective of pmo.objectives) {
      if (!(objective.cadence === 'MONTHLY' ? monthly : weekly)) continue;
      const measuredOn = objective.cadence === 'MONTHLY' ? addDays(monthStart(day), -1) : addDays(day, -3);
      const command = measurement(world, objective, measuredOn);
      if (command) commands.push(command);
    }
  }
  return commands;
}

export function measurement(world: SeedWorld, seed: ObjectiveSeed, measuredOn: LocalDate, note: string | null = null): SeedCommand | null {
  const state = world.objectives.get(seed.id);
  if (state?.status !== 'ACTIVE' || measuredOn < state.startsOn) return null;
  const { baseline, target } = state.metric;
  const elapsed = Math.min(1, Math.max(0, daysBetween(state.startsOn, measuredOn) / daysBetween(state.startsOn, state.dueOn)));
  const progress = elapsed * seed.performance + (world.random.next() - 0.5) * 0.12;
  const value = Math.round((baseline + (target - baseline) * progress) * 100) / 100;
  return seedCommand(objectiveDecider, {
    streamId: stream('objective', seed.id),
    command: { type: 'RecordProgress', objectiveId: seed.id, value, measuredOn, note },
    actor: seed.owner,
    events: 1,
    commandId: world.maybeCommandId(),
  });
}
