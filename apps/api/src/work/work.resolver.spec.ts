import type { CommandBus, EventBus } from '@nestjs/cqrs';
import { DomainError, type CountedEntry } from '@throughline/domain';
import { KeyedLock, MemoryEventStore, StateCache, type EventStore, MemoryPersonalKeyStore, PersonalDataVault } from '@throughline/event-store';
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
import type { PersonDayEntries } from './person-day-entries';
import { WorkCommands } from './work.commands';
import type { CorrectWorkInput, LogWorkInput, RetractWorkInput } from './work.inputs';
import type { WorkReader } from './work.reader';
import { WorkResolver } from './work.resolver';
import { WorkdayLedger } from './workday-ledger';

const today = new Date().toISOString().slice(0, 10);
const PERSON = 'ada@pmo.example';
/** Each call is its own request, as separate clients would send them. */
const caller = (operation = 'logWork'): RequestContext => ({
  principal: { subject: PERSON, roles: ['ADMIN'], pmoIds: [] },
  correlationId: 'c-1',
  operation,
  folds: new RequestFolds(),
});

/**
 * The read models of one instance: they see events only once the projector has caught up with
 * them, a pause after their append, as after a store round trip.
 */
class LaggingReadModels implements PersonDayEntries {
  private projected: { workEntryId: string; person: string; workedOn: string; hours: number }[] = [];

  constructor(private readonly store: EventStore) {}

  readonly projector = {
    waitFor: async (position: bigint) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const events = await this.store.readAll({ maxCount: 10_000 });
      this.projected = events
        .filter((e) => e.type === 'WorkLogged' && e.position <= position)
        .map((e) => e.data as { workEntryId: string; person: string; workedOn: string; hours: number });
    },
  };

  personDayEntries(person: string, day: string): CountedEntry[] {
    return this.projected.filter((e) => e.person === person && e.workedOn === day).map((e) => ({ workEntryId: e.workEntryId, hours: e.hours }));
  }
}

/** One service instance over a store: its own caches, locks and read models, the real command path. */
const instance = (store: EventStore) => {
  const readModels = new LaggingReadModels(store);
  const projector = readModels.projector as unknown as Projector;
  const cache = new StateCache();
  const lock = new KeyedLock();
  const clock = new SystemClock();
  const loader = new AggregateLoader(store, cache);
  const handler = new DecideHandler(store, clock, cache, lock, projector, loader, { publish: () => undefined } as unknown as EventBus, new PersonalDataVault(new MemoryPersonalKeyStore()), {});
  const bus = { execute: (command: DecideCommand<never, never, never, { readonly status: string }>) => handler.execute(command) } as unknown as CommandBus;
  const commands = new WorkCommands(bus, loader, clock, store, new WorkdayLedger(store, clock, cache, lock, readModels), projector);
  const resolver = new WorkResolver(commands, {} as WorkReader, {} as ActivityViews, loader, new Snapshots(loader));
  return { resolver, bus, readModels };
};

/** A store with a PMO to log work in. */
const setUp = async () => {
  const store = new MemoryEventStore();
  const first = instance(store);
  const pmo = await first.bus.execute(
    new DecideCommand(PMO, NEW_ENTITY, {}, caller('establishPmo'), (pmoId) => ({
      type: 'EstablishPmo',
      pmoId,
      name: 'Group PMO',
      kind: PmoKind.PORTFOLIO,
      parent: null,
      head: null,
    })),
  );
  return { store, first, pmoId: pmo.id };
};

const entry = (pmoId: string, hours: number, extra: Partial<LogWorkInput> = {}) => ({ pmoId, workedOn: today, hours, description: 'Gate review', ...extra }) as LogWorkInput;

/** The day's hours as the entries in the store hold them: what must never pass 24. */
const loggedHours = async (store: EventStore, day = today): Promise<number> => {
  const hours = new Map<string, number>();
  for (const event of await store.readAll({ maxCount: 10_000 })) {
    const data = event.data as { workEntryId: string; workedOn?: string; hours?: number; changes?: { hours?: number; workedOn?: string } };
    if (event.type === 'WorkLogged' && data.workedOn === day) hours.set(data.workEntryId, data.hours!);
    if (event.type === 'WorkCorrected' && data.changes?.hours !== undefined && hours.has(data.workEntryId)) hours.set(data.workEntryId, data.changes.hours);
    if (event.type === 'WorkCorrected' && data.changes?.workedOn !== undefined && data.changes.workedOn !== day) hours.delete(data.workEntryId);
    if (event.type === 'WorkRetracted') hours.delete(data.workEntryId);
  }
  return [...hours.values()].reduce((sum, h) => sum + h, 0);
};

const refusalsOf = (results: PromiseSettledResult<unknown>[]) => results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : []));

describe('logging work', () => {
  it('never lets the entries of one person-day pass 24 hours together, sent at once to one instance', async () => {
    const { store, first, pmoId } = await setUp();

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => first.resolver.logWork(entry(pmoId, 3), caller())));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    expect(refusalsOf(results)).toEqual(['WORK_DAY_OVER_24H', 'WORK_DAY_OVER_24H']);
    expect(await loggedHours(store)).toBe(24);
  });

  it('never lets them pass 24 hours sent at once to two instances of one store, whose read models lag', async () => {
    const { store, first, pmoId } = await setUp();
    const second = instance(store);

    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first : second).resolver.logWork(entry(pmoId, 3), caller())));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    expect(refusalsOf(results)).toEqual(['WORK_DAY_OVER_24H', 'WORK_DAY_OVER_24H']);
    expect(await loggedHours(store)).toBe(24);
  });

  it('logs for the authenticated user when no person is given, and answers the entry its command folded', async () => {
    const { first, pmoId } = await setUp();

    const logged = await first.resolver.logWork(entry(pmoId, 2), caller());

    expect(logged).toMatchObject({ person: PERSON, hours: 2, workedOn: today, pmoId, revision: 0, retracted: false });
  });

  it('counts a repeated command once, and a command refused for its input not at all', async () => {
    const { store, first, pmoId } = await setUp();

    const once = await first.resolver.logWork(entry(pmoId, 20, { commandId: 'log-1' }), caller());
    const again = await first.resolver.logWork(entry(pmoId, 20, { commandId: 'log-1' }), caller());
    await expect(first.resolver.logWork(entry(pmoId, 3, { description: ' ' }), caller())).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    expect(again.id).toBe(once.id);
    await expect(first.resolver.logWork(entry(pmoId, 4), caller())).resolves.toMatchObject({ hours: 4 });
    await expect(first.resolver.logWork(entry(pmoId, 0.5), caller())).rejects.toMatchObject({ code: 'WORK_DAY_OVER_24H' });
    expect(await loggedHours(store)).toBe(24);
  });

  it('frees the hours of a retracted entry and of one moved to another day, and holds the day when hours are raised', async () => {
    const { first, pmoId } = await setUp();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const big = await first.resolver.logWork(entry(pmoId, 16), caller());
    const small = await first.resolver.logWork(entry(pmoId, 8), caller());

    await expect(first.resolver.correctWork({ workEntryId: small.id, hours: 9, reason: 'Miscounted' } as CorrectWorkInput, caller('correctWork'))).rejects.toMatchObject({
      code: 'WORK_DAY_OVER_24H',
    });
    await first.resolver.correctWork({ workEntryId: small.id, workedOn: yesterday, reason: 'Wrong day' } as CorrectWorkInput, caller('correctWork'));
    await first.resolver.logWork(entry(pmoId, 8), caller());
    await first.resolver.retractWork({ workEntryId: big.id, reason: 'Logged twice' } as RetractWorkInput, caller('retractWork'));

    await expect(first.resolver.logWork(entry(pmoId, 16), caller())).resolves.toMatchObject({ hours: 16 });
    await expect(first.resolver.logWork(entry(pmoId, 16, { workedOn: yesterday }), caller())).resolves.toMatchObject({ hours: 16 });
    await expect(first.resolver.logWork(entry(pmoId, 0.5, { workedOn: yesterday }), caller())).rejects.toMatchObject({ code: 'WORK_DAY_OVER_24H' });
  });

  it('opens a day logged before days kept their own total with the hours already logged on it', async () => {
    const { store, first, pmoId } = await setUp();
    // Recorded by an earlier version: a work entry and no workday stream.
    const old = { workEntryId: '5b7d9f21-3c4e-4a68-8d02-000000000001', pmoId, person: PERSON, workedOn: today, hours: 20, description: 'Audit', activityId: null };
    const { position } = await store.append('work-' + old.workEntryId, [{ type: 'WorkLogged', data: old, metadata: { actor: PERSON, correlationId: 'c-0' } }], 'no_stream');
    await first.readModels.projector.waitFor(position);

    await expect(first.resolver.logWork(entry(pmoId, 5), caller())).rejects.toMatchObject({ code: 'WORK_DAY_OVER_24H' });
    await first.resolver.logWork(entry(pmoId, 4), caller());
    await first.resolver.retractWork({ workEntryId: old.workEntryId, reason: 'Logged twice' } as RetractWorkInput, caller('retractWork'));
    await expect(first.resolver.logWork(entry(pmoId, 20), caller())).resolves.toMatchObject({ hours: 20 });
  });
});

describe('correcting and retracting work', () => {
  it('finds the entry whatever the case of its id', async () => {
    const { first, pmoId } = await setUp();
    const logged = await first.resolver.logWork(entry(pmoId, 6), caller());

    const corrected = await first.resolver.correctWork({ workEntryId: logged.id.toUpperCase(), hours: 5, reason: 'Miscounted' } as CorrectWorkInput, caller('correctWork'));
    const retracted = await first.resolver.retractWork({ workEntryId: logged.id.toUpperCase(), reason: 'Logged twice' } as RetractWorkInput, caller('retractWork'));

    expect(corrected).toMatchObject({ id: logged.id, hours: 5, revision: 1 });
    expect(retracted).toMatchObject({ id: logged.id, retracted: true, revision: 2 });
  });
});
