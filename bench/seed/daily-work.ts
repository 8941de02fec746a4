import { addDays, workDecider, type LocalDate } from '@throughline/domain';
import { stream } from './setup';
import { seedCommand, type SeedCommand } from './seed-writer';
import { ADMIN_DESCRIPTIONS, CORRECTION_REASONS, RETRACTION_REASONS, WORK_DESCRIPTIONS } from './vocabulary';
import type { LoggedEntry, SeedWorld } from './world';

/** Rates of the daily-work distribution (documented in bench/README.md). */
export const WORK_RATES = {
  /** A person is away (leave, sickness) on this share of weekdays. */
  absent: 0.08,
  /** Entries on no activity: meetings, admin, training. */
  noActivity: 0.12,
  /** Entries corrected the next working morning. */
  corrected: 0.03,
  /** Entries retracted the next working morning. */
  retracted: 0.01,
} as const;

/** Hours of one entry before it is fitted into the day: mostly short tasks, sometimes a whole day on one thing. */
const ENTRY_HOURS = [1, 1.5, 2, 2, 2.5, 3, 3, 4, 6, 8];

/**
 * The evening's logging: every person present logs entries of 1 to 8 hours adding up to their
 * working day (4 h part time, 7–8 h otherwise), mostly on activities of their own office that run
 * that day. Returns the commands and the entries, which tomorrow morning may correct.
 */
export function logDay(world: SeedWorld, day: LocalDate, loggedAt: string): { commands: SeedCommand[]; entries: LoggedEntry[] } {
  const { random } = world;
  // The service names a new entry when it logs it (newEntityId), so the day's entries sort together.
  const loggedMs = Date.parse(loggedAt);
  const commands: SeedCommand[] = [];
  const entries: LoggedEntry[] = [];
  for (const person of world.organisation.people) {
    if (random.chance(WORK_RATES.absent)) continue;
    let left = person.dayHours;
    while (left >= 1) {
      let hours = Math.min(left, random.pick(ENTRY_HOURS));
      if (left - hours < 1) hours = left;
      left -= hours;
      const open = person.home.filter((activity) => world.isOpenOn(activity.id, day));
      const activity = open.length === 0 || random.chance(WORK_RATES.noActivity) ? null : random.pick(open);
      const description = activity ? random.pick(WORK_DESCRIPTIONS) : random.pick(ADMIN_DESCRIPTIONS);
      const entry: LoggedEntry = { id: random.timeOrderedId(loggedMs), pmoId: person.pmo.id, person: person.email, workedOn: day, hours, activityId: activity?.id ?? null, description };
      // The day stays within 24 hours by the world's own tally; no workday stream is written: the
      // service opens a day with its balance the first time it counts hours on it.
      commands.push(
        seedCommand(workDecider, {
          streamId: stream('work', entry.id),
          command: {
            type: 'LogWork',
            workEntryId: entry.id,
            pmoId: entry.pmoId,
            person: entry.person,
            workedOn: day,
            hours,
            description,
            activity: activity ? world.activitySnapshot(activity.id) : null,
          },
          actor: entry.person,
          events: 1,
          commandId: world.maybeCommandId(),
        }),
      );
      world.addHours(entry.person, day, hours);
      entries.push(entry);
    }
  }
  return { commands, entries };
}

/**
 * The morning after: 1% of yesterday's entries are retracted and 3% corrected — the hours (40%),
 * the activity (25%), the day, moved one earlier (20%), or the description (15%).
 */
export function reviewEntries(world: SeedWorld, entries: readonly LoggedEntry[], yearStart: LocalDate): SeedCommand[] {
  const { random } = world;
  const commands: SeedCommand[] = [];
  for (const entry of entries) {
    const roll = random.next();
    if (roll < WORK_RATES.retracted) {
      const reason = random.pick(RETRACTION_REASONS);
      commands.push(
        seedCommand(workDecider, {
          streamId: stream('work', entry.id),
          command: { type: 'RetractWork', workEntryId: entry.id, reason },
          actor: entry.person,
          reason,
          events: 1,
        }),
      );
      world.addHours(entry.person, entry.workedOn, -entry.hours);
      continue;
    }
    if (roll >= WORK_RATES.retracted + WORK_RATES.corrected) continue;
    const correction = correctionOf(world, entry, yearStart);
    if (correction) commands.push(correction);
  }
  return commands;
}

function correctionOf(world: SeedWorld, entry: LoggedEntry, yearStart: LocalDate): SeedCommand | null {
  const { random } = world;
  const kind = random.next();
  const change: { hours?: number; workedOn?: LocalDate; activityId?: string | null; description?: string } = {};
  if (kind < 0.4 || (kind >= 0.65 && kind < 0.85 && addDays(entry.workedOn, -1) < yearStart)) {
    const hours = Math.min(8, Math.max(1, entry.hours + random.pick([-1, -0.5, 0.5, 1])));
    if (hours === entry.hours) return null;
    change.hours = hours;
  } else if (kind < 0.65) {
    const options = (world.person(entry.person)?.home ?? []).map((a) => a.id).filter((id) => id !== entry.activityId && world.isOpenOn(id, entry.workedOn));
    change.activityId = options.length > 0 && random.chance(0.8) ? random.pick(options) : null;
    if (change.activityId === entry.activityId) return null;
  } else if (kind < 0.85) {
    change.workedOn = addDays(entry.workedOn, -1);
  } else {
    change.description = `${entry.description} (corrected)`;
  }
  const workedOn = change.workedOn ?? entry.workedOn;
  const hours = change.hours ?? entry.hours;
  // The 24-hour check is about the day the entry ends up on, this entry left out.
  const others = world.hoursOn(entry.person, workedOn) - (workedOn === entry.workedOn ? entry.hours : 0);
  if (others + hours > 24) return null;
  const reason = random.pick(CORRECTION_REASONS);
  const command = seedCommand(workDecider, {
    streamId: stream('work', entry.id),
    command: {
      type: 'CorrectWork',
      workEntryId: entry.id,
      workedOn: change.workedOn ?? null,
      hours: change.hours ?? null,
      description: change.description ?? null,
      ...('activityId' in change ? { activity: change.activityId ? world.activitySnapshot(change.activityId) : null } : {}),
      reason,
    },
    actor: entry.person,
    reason,
    events: 1,
    commandId: world.maybeCommandId(),
  });
  world.addHours(entry.person, entry.workedOn, -entry.hours);
  world.addHours(entry.person, workedOn, hours);
  Object.assign(entry, change);
  return command;
}
