import type { CommandBus, EventBus } from '@nestjs/cqrs';
import { addDays, PERSONAL_FIELDS } from '@throughline/domain';
import { KeyedLock, MemoryEventStore, MemoryPersonalKeyStore, PersonalDataVault, StateCache } from '@throughline/event-store';
import type { Projector } from '@throughline/read-models';
import { CATEGORY, streamId } from '@throughline/runtime';
import { Snapshots } from '../activities/activity.snapshots';
import { AggregateLoader, RequestFolds } from '../common/aggregate-loader';
import { CONTACT, PMO } from '../common/aggregates';
import { SystemClock } from '../common/clock';
import { DecideCommand, NEW_ENTITY } from '../common/decide.command';
import { DecideHandler } from '../common/decide.handler';
import type { RequestContext } from '../common/request-context';
import { WorkCommands } from '../work/work.commands';
import { workdayStreamId } from '../work/workday-id';
import { WorkdayLedger } from '../work/workday-ledger';
import { ContactCommands } from './contact.commands';
import type { AddContactInput } from './contact.inputs';
import { derivedCommandId, touchpointIdFor, touchpointWorkEntryId } from './derived-ids';
import { NetworkGroupCommands } from './network-group.commands';
import { NetworkSnapshots } from './network.snapshots';
import { TouchpointCommands } from './touchpoint.commands';
import type { RecordTouchpointInput } from './touchpoint.inputs';

const PERSON = 'hana@pmo.example';
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(today, -days);

/** Each call is its own request, as a client's retry would be. */
const caller = (operation: string): RequestContext => ({
  principal: { subject: PERSON, roles: ['PMO_HEAD'], pmoIds: [] },
  correlationId: 'c-1',
  operation,
  folds: new RequestFolds(),
});

/** The real command path over a memory store, read models left out (nothing here reads them). */
const setUp = async () => {
  const store = new MemoryEventStore();
  const cache = new StateCache();
  const lock = new KeyedLock();
  const clock = new SystemClock();
  const loader = new AggregateLoader(store, cache);
  const projector = { waitFor: async () => undefined } as unknown as Projector;
  const handler = new DecideHandler(store, clock, cache, lock, projector, loader, { publish: () => undefined } as unknown as EventBus, new PersonalDataVault(new MemoryPersonalKeyStore()), PERSONAL_FIELDS);
  const bus = { execute: (command: DecideCommand<never, never, never, { readonly status: string }>) => handler.execute(command) } as unknown as CommandBus;
  const snapshots = new NetworkSnapshots(loader);
  const ledger = new WorkdayLedger(store, clock, cache, lock, { personDayEntries: () => [] });
  const work = new WorkCommands(bus, loader, clock, store, ledger, projector);
  const pmoId = (
    await bus.execute(
      new DecideCommand(PMO, NEW_ENTITY, {}, caller('establishPmo'), (id) => ({ type: 'EstablishPmo', pmoId: id, name: 'Group PMO', kind: 'PORTFOLIO' as const, parent: null, head: null })),
    )
  ).id;
  const groups = new NetworkGroupCommands(bus, snapshots, clock);
  const form = async (name: string) =>
    (
      await groups.form(
        { pmoId, kind: 'OTHER', name, connection: 'OPERATIONAL', cadenceDays: 30, vehicles: ['ONE_TO_ONE'], formedOn: daysAgo(100) },
        caller('formNetworkGroup'),
      )
    ).id;
  return {
    store,
    bus,
    pmoId,
    form,
    contacts: new ContactCommands(bus, snapshots, clock),
    touchpoints: new TouchpointCommands(bus, snapshots, new Snapshots(loader), work, loader, clock, store),
    work,
  };
};

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code?: string }).code, field: (error as { field?: string }).field };
  }
  throw new Error('expected a refusal');
};

describe('the network’s command path', () => {
  it('adds a retried contact to each of its groups once, finishing what a stopped attempt left undone', async () => {
    const { store, bus, pmoId, form, contacts } = await setUp();
    const leaders = await form('Leaders');
    const delivery = await form('Delivery');
    const input = { pmoId, name: 'Grace', source: 'STAKEHOLDER', relationship: 'INTERNAL', knownSince: daysAgo(50), groupIds: [leaders, delivery], commandId: 'add-grace' } as AddContactInput;
    // An attempt that stopped once the contact was added, before either group heard of it.
    const stopped = await bus.execute(
      new DecideCommand(CONTACT, NEW_ENTITY, input, caller('addContact'), (contactId) => ({
        type: 'AddContact',
        contactId,
        pmoId,
        name: 'Grace',
        organisation: null,
        role: null,
        source: 'STAKEHOLDER' as const,
        relationship: 'INTERNAL' as const,
        knownSince: daysAgo(50),
        groups: [],
      })),
    );

    const retried = await contacts.add(input, caller('addContact'));
    const again = await contacts.add(input, caller('addContact'));
    const membersOf = async (groupId: string) => (await store.readStream(streamId(CATEGORY.networkgroup, groupId))).filter((e) => e.type === 'NetworkGroupMemberAdded');

    expect(retried.id).toBe(stopped.id);
    expect(again.id).toBe(stopped.id);
    for (const groupId of [leaders, delivery]) {
      const added = await membersOf(groupId);
      expect(added.map((e) => [e.data.contactId, e.metadata.commandId])).toEqual([[stopped.id, derivedCommandId('add-grace', 'group', groupId)]]);
    }
  });

  it('logs a touchpoint’s time once under an id derived from the touchpoint’s, even when an attempt stopped after logging it', async () => {
    const { store, pmoId, contacts, touchpoints, work } = await setUp();
    const grace = (await contacts.add({ pmoId, name: 'Grace', source: 'STAKEHOLDER', relationship: 'INTERNAL', knownSince: daysAgo(50) } as AddContactInput, caller('addContact'))).id;
    const input = { pmoId, heldOn: daysAgo(2), vehicle: 'ONE_TO_ONE', contactIds: [grace], summary: 'Coffee', work: { hours: 1 }, commandId: 'coffee' } as RecordTouchpointInput;
    const touchpointId = touchpointIdFor('coffee');
    const workEntryId = touchpointWorkEntryId(touchpointId);
    // An attempt that logged the work and stopped before recording the touchpoint.
    await work.run(
      NEW_ENTITY,
      { commandId: derivedCommandId('coffee', 'work'), touchpointId, work: input.work } as never,
      caller('recordTouchpoint'),
      (id) => ({ type: 'LogWork', workEntryId: id, pmoId, person: PERSON, workedOn: daysAgo(2), hours: 1, description: 'Network touchpoint (one to one)', activity: null }),
      workEntryId,
    );

    const recorded = await touchpoints.record(input, caller('recordTouchpoint'));
    const repeated = await touchpoints.record(input, caller('recordTouchpoint'));
    const workday = await store.readStream(workdayStreamId(PERSON, daysAgo(2)));

    expect(recorded).toMatchObject({ id: touchpointId, view: { workEntryId, contactIds: [grace] } });
    expect(repeated.id).toBe(touchpointId);
    expect((await store.readStream(streamId(CATEGORY.work, workEntryId))).map((e) => e.type)).toEqual(['WorkLogged']);
    expect((await store.readStream(streamId(CATEGORY.touchpoint, touchpointId))).map((e) => e.type)).toEqual(['TouchpointRecorded']);
    expect(workday.filter((e) => e.type === 'WorkdayHoursCounted').map((e) => e.data.workEntryId)).toEqual([workEntryId]);
  });

  it('records no touchpoint when its work is refused, and logs no work for a touchpoint refused for its own input', async () => {
    const { store, pmoId, contacts, touchpoints, work } = await setUp();
    const grace = (await contacts.add({ pmoId, name: 'Grace', source: 'STAKEHOLDER', relationship: 'INTERNAL', knownSince: daysAgo(50) } as AddContactInput, caller('addContact'))).id;
    await work.run(NEW_ENTITY, {}, caller('logWork'), (id) => ({
      type: 'LogWork',
      workEntryId: id,
      pmoId,
      person: PERSON,
      workedOn: daysAgo(1),
      hours: 23.5,
      description: 'Close',
      activity: null,
    }));
    const input = (extra: Partial<RecordTouchpointInput>) =>
      ({ pmoId, heldOn: daysAgo(1), vehicle: 'WORKSHOP', contactIds: [grace], summary: 'Workshop', work: { hours: 1 }, ...extra }) as RecordTouchpointInput;

    const overDay = await refusal(touchpoints.record(input({ commandId: 'long-day' }), caller('recordTouchpoint')));
    const beforeKnown = await refusal(touchpoints.record(input({ heldOn: daysAgo(51), commandId: 'too-early' }), caller('recordTouchpoint')));

    expect(overDay).toEqual({ code: 'WORK_DAY_OVER_24H', field: 'work.hours' });
    expect(beforeKnown).toEqual({ code: 'DAY_BEFORE_KNOWN_SINCE', field: 'heldOn' });
    for (const commandId of ['long-day', 'too-early']) {
      const touchpointId = touchpointIdFor(commandId);
      expect(await store.streamRevision(streamId(CATEGORY.touchpoint, touchpointId))).toBe(-1);
      expect(await store.streamRevision(streamId(CATEGORY.work, touchpointWorkEntryId(touchpointId)))).toBe(-1);
    }
    expect((await store.readStream(workdayStreamId(PERSON, daysAgo(51)))).length).toBe(0);
  });
});
