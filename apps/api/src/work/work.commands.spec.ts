import { DomainError, type CommandContext, type Decider, type LogWork } from '@throughline/domain';
import { KeyedLock } from '@throughline/event-store';
import { CommandRunner, type RunRequest } from '../common/command-runner';
import type { EntityReader } from '../common/entity-reader';
import type { RequestContext } from '../common/request-context';
import type { PersonDayHours } from './person-day-hours';
import { LogWorkCommand, LogWorkHandler } from './work.commands';
import type { LogWorkInput } from './work.inputs';

const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const now = new Date().toISOString();
const context: CommandContext = { now, today: now.slice(0, 10), actor: 'ada@pmo.example' };
const caller = { principal: { subject: 'ada@pmo.example', roles: ['ADMIN'], pmoIds: [] }, correlationId: 'c-1' } as RequestContext;

/** Entries become visible to the day's total only after a pause, as after a store round trip. */
class SlowWorkLog implements PersonDayHours {
  readonly entries: LogWork[] = [];

  personDayHours(person: string, day: string): number {
    return this.entries.filter((e) => e.person === person && e.workedOn === day).reduce((sum, e) => sum + e.hours, 0);
  }

  /** The real runner's create and onEntity, over a run that decides without a store. */
  readonly runner = Object.assign(Object.create(CommandRunner.prototype) as CommandRunner, {
    run: async <C>(decider: Decider<C, never, unknown>, request: RunRequest<C>) => {
      decider.decide(request.command, decider.initialState, context);
      await new Promise((resolve) => setTimeout(resolve, 5));
      this.entries.push(request.command as LogWork);
      return { streamId: request.streamId, revision: 0, position: null, appended: 1, duplicate: false };
    },
  });
}

const handlerOver = (log: SlowWorkLog, lock: KeyedLock) => {
  const reader = { get: async () => ({ entityId: pmoId, state: { status: 'ACTIVE' }, revision: 0, createdAt: now, updatedAt: now }) };
  return new LogWorkHandler(log.runner, reader as unknown as EntityReader, lock, log);
};

const entry = (hours: number) =>
  new LogWorkCommand({ pmoId, workedOn: context.today, hours, description: 'Gate review' } as LogWorkInput, caller);

describe('logging work', () => {
  it('decides the entries of one person-day one at a time, so together they never pass 24 hours', async () => {
    const log = new SlowWorkLog();
    const handler = handlerOver(log, new KeyedLock());

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => handler.execute(entry(3))));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DomainError] : []));
    expect(refusals.map((e) => e.code)).toEqual(['WORK_DAY_OVER_24H', 'WORK_DAY_OVER_24H']);
    expect(log.personDayHours('ada@pmo.example', context.today)).toBe(24);
  });

  it('logs for the authenticated user when no person is given', async () => {
    const log = new SlowWorkLog();

    await handlerOver(log, new KeyedLock()).execute(entry(2));

    expect(log.entries[0]).toMatchObject({ type: 'LogWork', person: 'ada@pmo.example', hoursAlreadyLogged: 0 });
  });
});
