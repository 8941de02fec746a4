import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import type { LocalDate } from '../shared/local-date';
import { NAME_MAX, TEXT_MAX, finiteNumber, localDate, requiredText } from '../shared/input';
import type { ActivitySnapshot, CorrectWork, LogWork, WorkCommand } from './work.commands';
import type { WorkEvent, WorkFields } from './work.events';
import type { LoggedWork, WorkState } from './work.state';

/**
 * One entry's limit. The day's limit across entries (24 hours per person and day, over every PMO)
 * is the workday's (workday.decide.ts): the application counts an entry's hours there before the
 * entry records them.
 */
export const MAX_HOURS_PER_ENTRY = 24;

const workedOnDay = (value: unknown, context: CommandContext): LocalDate => {
  const day = localDate('workedOn', value);
  if (day > context.today) throw badInput('workedOn', 'workedOn must not be in the future');
  return day;
};

const hoursOf = (value: unknown): number => {
  const hours = finiteNumber('hours', value);
  if (hours <= 0 || hours > MAX_HOURS_PER_ENTRY) throw badInput('hours', 'hours must be more than 0 and at most 24');
  return hours;
};

const activityFor = (pmoId: string, activity: ActivitySnapshot | null): string | null => {
  if (activity === null) return null;
  if (activity.pmoId !== pmoId) {
    throw new DomainError(
      'ACTIVITY_OF_OTHER_PMO',
      `activity ${activity.activityId} belongs to another PMO`,
      'activityId',
    );
  }
  if (activity.status === 'CANCELLED') {
    throw new DomainError('ACTIVITY_CANCELLED', `activity ${activity.activityId} is cancelled`, 'activityId');
  }
  return activity.activityId;
};

const loggedEntry = (state: WorkState, workEntryId: string): LoggedWork => {
  if (state.status === 'NONE') {
    throw new DomainError('WORK_ENTRY_NOT_FOUND', `work entry ${workEntryId} does not exist`);
  }
  if (state.status === 'RETRACTED') {
    throw new DomainError('WORK_ENTRY_RETRACTED', `work entry ${workEntryId} was retracted and takes no change`);
  }
  return state;
};

const log = (command: LogWork, state: WorkState, context: CommandContext): WorkEvent[] => {
  if (state.status !== 'NONE') {
    throw new DomainError('WORK_ENTRY_ALREADY_EXISTS', `work entry ${command.workEntryId} already exists`);
  }
  const person = requiredText('person', command.person, NAME_MAX);
  const workedOn = workedOnDay(command.workedOn, context);
  const hours = hoursOf(command.hours);
  const description = requiredText('description', command.description, TEXT_MAX);
  const activityId = activityFor(command.pmoId, command.activity);
  return [
    {
      type: 'WorkLogged',
      data: {
        workEntryId: command.workEntryId,
        pmoId: command.pmoId,
        person,
        workedOn,
        hours,
        description,
        activityId,
      },
    },
  ];
};

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

// The activity is checked only when the correction moves the entry: an activity cancelled since
// the work was logged does not block correcting the hours of that work.
const nextActivityId = (entry: LoggedWork, activity: ActivitySnapshot | null | undefined): string | null => {
  if (activity === undefined) return entry.activityId;
  if ((activity?.activityId ?? null) === entry.activityId) return entry.activityId;
  return activityFor(entry.pmoId, activity);
};

const correct = (command: CorrectWork, state: WorkState, context: CommandContext): WorkEvent[] => {
  const entry = loggedEntry(state, command.workEntryId);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const next: WorkFields = {
    person: given(command.person) ? requiredText('person', command.person, NAME_MAX) : entry.person,
    workedOn: given(command.workedOn) ? workedOnDay(command.workedOn, context) : entry.workedOn,
    hours: given(command.hours) ? hoursOf(command.hours) : entry.hours,
    description: given(command.description)
      ? requiredText('description', command.description, TEXT_MAX)
      : entry.description,
    activityId: nextActivityId(entry, command.activity),
  };
  const changed = (Object.keys(next) as (keyof WorkFields)[]).filter((field) => next[field] !== entry[field]);
  if (changed.length === 0) {
    throw badInput('input', 'nothing to change: give a new person, workedOn, hours, description or activity');
  }
  const pick = (from: WorkFields): Partial<WorkFields> =>
    Object.fromEntries(changed.map((field) => [field, from[field]])) as Partial<WorkFields>;
  return [
    {
      type: 'WorkCorrected',
      data: { workEntryId: entry.workEntryId, changes: pick(next), previous: pick(entry), reason },
    },
  ];
};

export const decideWork = (command: WorkCommand, state: WorkState, context: CommandContext): WorkEvent[] => {
  switch (command.type) {
    case 'LogWork':
      return log(command, state, context);
    case 'CorrectWork':
      return correct(command, state, context);
    case 'RetractWork': {
      const entry = loggedEntry(state, command.workEntryId);
      const reason = requiredText('reason', command.reason, TEXT_MAX);
      return [{ type: 'WorkRetracted', data: { workEntryId: entry.workEntryId, reason } }];
    }
    default:
      return assertNever(command);
  }
};
