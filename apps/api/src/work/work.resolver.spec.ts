import type { CommandBus, EventBus } from '@nestjs/cqrs';
import { DomainError } from '@throughline/domain';
import { KeyedLock, MemoryEventStore, StateCache } from '@throughline/event-store';
import type { Projector } from '@throughline/read-models';
import type { ActivityViews } from '../activities/activity-views';
import { Snapshots } from '../activities/activity.snapshots';
import { AggregateLoader, RequestFolds } from '../common/aggregate-loader';
import { PMO } from '../common/aggregates';
import { SystemClock } from '../common/clock';
import { DecideCommand, NEW_ENTITY } from '../common/decide.command';
import { DecideHandler } from '../common/decide.handler';
import type { RequestContext } from '../common/request-context';
import { PmoKind } from '../graphql/enums';
import type { PersonDayHours } from './person-day-hours';
import type { LogWorkInput } from './work.inputs';
import type { WorkReader } from './work.reader';
import { WorkResolver } from './work.resolver';

const today = new Date().toISOString().slice(0, 10);
/** Each call is its own request, as separate clients would send them. */
const caller = (operation = 'logWork'): RequestContext => ({
  principal: { subject: 'ada@pmo.example', roles: ['ADMIN'], pmoIds: [] },
  correlationId: 'c-1',
  operation,
  folds: new RequestFolds(),
});

/**
 * The day's totals as the alignment read model has them: entries count only once the projector
 * has caught up with them, a pause after their append, as after a store round trip.
 */
class LaggingWorkLog implements PersonDayHours {
  private projected: { person: string; workedOn: string; hours: number }[] = [];

  constructor(private readonly store: MemoryEventStore) {}

  readonly projector = {
    waitFor: async (position: bigint) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const events = await this.store.readAll({ maxCount: 10_000 });
      this.projected = events
        .filter((e) => e.type === 'WorkLogged' && e.position <= position)
        .map((e) => e.data as { person: string; workedOn: string; hours: number });
    },
  };

  personDayHours(person: string, day: string): number {
    return this.projected.filter((e) => e.person === person && e.workedOn === day).reduce((sum, e) => sum + e.hours, 0);
  }
}

/** The resolver over the real command handler and an in-memory store, with a PMO to log work in. */
const setUp = async () => {
  const store = new MemoryEventStore();
  const log = new LaggingWorkLog(store);
  const cache = new StateCache();
  const loader = new AggregateLoader(store, cache);
  const handler = new DecideHandler(store, new SystemClock(), cache, new KeyedLock(), log.projector as unknown as Projector, loader, {
    publish: () => undefined,
  } as unknown as EventBus);
  const bus = { execute: (command: DecideCommand<never, never, never, { readonly status: string }>) => handler.execute(command) } as unknown as CommandBus;
  const pmo = await bus.execute(
    new DecideCommand(PMO, NEW_ENTITY, {}, caller('establishPmo'), (pmoId) => ({
      type: 'EstablishPmo',
      pmoId,
      name: 'Group PMO',
      kind: PmoKind.PORTFOLIO,
      parent: null,
      head: null,
    })),
  );
  const resolver = new WorkResolver(bus, {} as WorkReader, {} as ActivityViews, loader, new Snapshots(loader), log);
  return { resolver, log, pmoId: pmo.id };
};

const entry = (pmoId: string, hours: number) => ({ pmoId, workedOn: today, hours, description: 'Gate review' }) as LogWorkInput;

describe('logging work', () => {
  it('decides the entries of one person-day one at a time, so together they never pass 24 hours', async () => {
    const { resolver, log, pmoId } = await setUp();

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => resolver.logWork(entry(pmoId, 3), caller())));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DomainError] : []));
    expect(refusals.map((e) => e.code)).toEqual(['WORK_DAY_OVER_24H', 'WORK_DAY_OVER_24H']);
    expect(log.personDayHours('ada@pmo.example', today)).toBe(24);
  });

  it('logs for the authenticated user when no person is given, and answers the entry its command folded', async () => {
    const { resolver, pmoId } = await setUp();

    const logged = await resolver.logWork(entry(pmoId, 2), caller());

    expect(logged).toMatchObject({ person: 'ada@pmo.example', hours: 2, workedOn: today, pmoId, revision: 0, retracted: false });
  });
});
