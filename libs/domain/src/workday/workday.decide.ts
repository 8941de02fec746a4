import { assertNever } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { finiteNumber } from '../shared/input';
import type { CountWorkdayHours, WorkdayCommand } from './workday.commands';
import type { WorkdayEvent, WorkdayOpened } from './workday.events';
import { evolveWorkday, fromMicroHours, toMicroHours, type OpenWorkday, type WorkdayState } from './workday.state';

export const MAX_HOURS_PER_DAY = 24;
const MAX_MICRO_HOURS_PER_DAY = toMicroHours(MAX_HOURS_PER_DAY);

const hoursOf = (value: unknown): number => {
  const hours = finiteNumber('hours', value);
  if (hours <= 0 || hours > MAX_HOURS_PER_DAY) throw badInput('hours', 'hours must be more than 0 and at most 24');
  return hours;
};

/**
 * The opening balance, when the workday has none yet: every entry the person already had that
 * day, as recorded (an old entry is not judged again by today's rules).
 */
const openingOf = (command: CountWorkdayHours): WorkdayOpened => {
  for (const entry of command.opening) {
    // The application reads these from its read models; a figure that is no number is its fault.
    if (!Number.isFinite(entry.hours)) throw new Error(`an opening balance needs hours, got ${entry.hours} for ${entry.workEntryId}`);
  }
  return { type: 'WorkdayOpened', data: { person: command.person, day: command.day, entries: command.opening } };
};

const count = (command: CountWorkdayHours, day: OpenWorkday): WorkdayEvent[] => {
  // The workday is chosen by person and day; a command for another one is the application's fault.
  if (day.person !== command.person || day.day !== command.day) {
    throw new Error(`the workday of ${day.person} on ${day.day} cannot count hours of ${command.person} on ${command.day}`);
  }
  const hours = hoursOf(command.hours);
  const micro = toMicroHours(hours);
  const before = day.counted[command.workEntryId];
  if (before === micro) return [];
  const others = day.totalMicroHours - (before ?? 0);
  // A count that lowers the entry's hours always fits, even on a day already over 24 hours (an
  // opening balance can be): it only brings the day closer to the limit.
  if (others + micro > MAX_MICRO_HOURS_PER_DAY && (before === undefined || micro > before)) {
    throw new DomainError(
      'WORK_DAY_OVER_24H',
      `${command.person} already has ${fromMicroHours(others)} h on ${command.day}: ${hours} h more would exceed 24 h`,
      'hours',
    );
  }
  return [{ type: 'WorkdayHoursCounted', data: { workEntryId: command.workEntryId, person: command.person, day: command.day, hours } }];
};

export const decideWorkday = (command: WorkdayCommand, state: WorkdayState): WorkdayEvent[] => {
  switch (command.type) {
    case 'CountWorkdayHours': {
      if (state.status === 'OPEN') return count(command, state);
      // The first count opens the day (with its balance, if the person had entries already). It
      // is appended only while the stream does not exist, so of two writers opening the same day
      // one opens it and the other decides again on what the first recorded.
      const empty: OpenWorkday = { status: 'OPEN', person: command.person, day: command.day, counted: {}, totalMicroHours: 0 };
      if (command.opening.length === 0) return count(command, empty);
      const opening = openingOf(command);
      const open = evolveWorkday(state, opening);
      if (open.status !== 'OPEN') throw new Error('an opened workday must be open');
      return [opening, ...count(command, open)];
    }
    case 'ReleaseWorkdayHours':
      if (state.status === 'NONE' || state.counted[command.workEntryId] === undefined) return [];
      return [{ type: 'WorkdayHoursReleased', data: { workEntryId: command.workEntryId } }];
    default:
      return assertNever(command);
  }
};
