import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workDecider, type ActivitySnapshot, type LocalDate, type WorkState } from '@throughline/domain';
import { KeyedLock } from '@throughline/event-store';
import { CommandRunner, type EntityTarget } from '../common/command-runner';
import { WORK_KIND, CATEGORY } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import { existingEntity, existingPmo } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { existingActivity } from '../activities/activity.snapshots';
import { PERSON_DAY_HOURS, type PersonDayHours } from './person-day-hours';
import type { CorrectWorkInput, LogWorkInput, RetractWorkInput } from './work.inputs';

export class LogWorkCommand {
  constructor(readonly input: LogWorkInput, readonly caller: RequestContext) {}
}
export class CorrectWorkCommand {
  constructor(readonly input: CorrectWorkInput, readonly caller: RequestContext) {}
}
export class RetractWorkCommand {
  constructor(readonly input: RetractWorkInput, readonly caller: RequestContext) {}
}

/**
 * Entries of one person and day are decided one at a time in this process: the 24-hour check
 * reads the day's total and then appends, and two entries running side by side would each pass
 * it against a total without the other.
 */
const workdayKey = (person: string, day: LocalDate): string => `workday:${person}:${day}`;

/** The work entry a mutation names by its workEntryId. */
const workEntryOf = (input: { readonly workEntryId: string }): EntityTarget => ({
  category: CATEGORY.work,
  id: input.workEntryId,
  field: 'workEntryId',
});

const activitySnapshot = async (reader: EntityReader, value: string): Promise<ActivitySnapshot> => {
  const activity = await existingActivity(reader, requireEntityId(value, 'activityId'));
  const { activityId, pmoId, status } = activity.state;
  return { activityId, pmoId, status };
};

@CommandHandler(LogWorkCommand)
export class LogWorkHandler implements ICommandHandler<LogWorkCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
    private readonly lock: KeyedLock,
    @Inject(PERSON_DAY_HOURS) private readonly hours: PersonDayHours,
  ) {}

  async execute({ input, caller }: LogWorkCommand): Promise<string> {
    const pmoId = requireEntityId(input.pmoId, 'pmoId');
    await existingPmo(this.reader, pmoId);
    const activity = input.activityId ? await activitySnapshot(this.reader, input.activityId) : null;
    // The domain trims the person; the day's total is looked up under the name it will store.
    const person = (input.person ?? caller.principal.subject).trim();
    return this.lock.run(workdayKey(person, input.workedOn), () =>
      this.runner.create(workDecider, CATEGORY.work, {
        command: (workEntryId) => ({
          type: 'LogWork',
          workEntryId,
          pmoId,
          person,
          workedOn: input.workedOn,
          hours: input.hours,
          description: input.description,
          activity,
          hoursAlreadyLogged: this.hours.personDayHours(person, input.workedOn),
        }),
        caller,
        operation: 'logWork',
        input,
      }),
    );
  }
}

@CommandHandler(CorrectWorkCommand)
export class CorrectWorkHandler implements ICommandHandler<CorrectWorkCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reader: EntityReader,
    private readonly lock: KeyedLock,
    @Inject(PERSON_DAY_HOURS) private readonly hours: PersonDayHours,
  ) {}

  async execute({ input, caller }: CorrectWorkCommand): Promise<string> {
    const workEntryId = requireEntityId(input.workEntryId, 'workEntryId');
    const entry = await existingEntity<WorkState>(this.reader, WORK_KIND, 'work entry', workEntryId, 'workEntryId');
    // GraphQL tells an omitted field (keep the activity) from an explicit null (detach it).
    const activityGiven = 'activityId' in input && input.activityId !== undefined;
    const activity = !activityGiven ? undefined : input.activityId ? await activitySnapshot(this.reader, input.activityId) : null;
    // The 24-hour check is about the day the entry ends up on, for the person it ends up with.
    const person = input.person?.trim() || entry.state.person;
    const day = input.workedOn ?? entry.state.workedOn;
    return this.lock.run(workdayKey(person, day), () =>
      this.runner.onEntity(workDecider, workEntryOf(input), {
        command: () => ({
          type: 'CorrectWork',
          workEntryId,
          person: input.person ?? null,
          workedOn: input.workedOn ?? null,
          hours: input.hours ?? null,
          description: input.description ?? null,
          ...(activity === undefined ? {} : { activity }),
          reason: input.reason,
          hoursAlreadyLogged: this.hours.personDayHours(person, day, workEntryId),
        }),
        caller,
        operation: 'correctWork',
        input,
      }),
    );
  }
}

@CommandHandler(RetractWorkCommand)
export class RetractWorkHandler implements ICommandHandler<RetractWorkCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ input, caller }: RetractWorkCommand): Promise<string> {
    return this.runner.onEntity(workDecider, workEntryOf(input), {
      command: (workEntryId) => ({ type: 'RetractWork', workEntryId, reason: input.reason }),
      caller,
      operation: 'retractWork',
      input,
    });
  }
}

export const WORK_COMMAND_HANDLERS = [LogWorkHandler, CorrectWorkHandler, RetractWorkHandler];
