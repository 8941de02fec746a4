import type { CommandContext, Decider, DomainEvent, PersonalFieldRules } from '@throughline/domain';
import { DomainError } from '@throughline/domain';
import { MemoryEventStore } from '../memory/memory-event-store';
import { MemoryPersonalKeyStore } from '../personal-data/memory-personal-key-store';
import { PersonalDataVault } from '../personal-data/personal-data-vault';
import { PersonalDataErasedError } from '../personal-data/personal-key-store';
import { SEALED_PREFIX } from '../personal-data/sealed-value';
import { ConflictError, IdempotencyKeyReusedError } from './command-errors';
import { decideOn, handleCommand, payloadHash, type CommandEnvelope } from './handle-command';
import type { Aggregate } from './fold-stream';
import { KeyedLock } from './keyed-lock';
import { StateCache } from './state-cache';

// A counter that refuses to go above a limit: enough behaviour to exercise the loop.
type Add = { type: 'Add'; amount: number };
type Added = DomainEvent<'Added', { amount: number }>;
const counter: Decider<Add, Added, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.amount,
  decide: (command, total) => {
    if (total + command.amount > 100) throw new DomainError('COUNTER_OVER_LIMIT', 'over 100');
    return command.amount === 0 ? [] : [{ type: 'Added', data: { amount: command.amount } }];
  },
};

/** What an API would show of the counter: every addition, with who made it and at which revision. */
type Ledger = readonly { amount: number; revision: number; actor: string; recordedAt: string }[];
const counterWithLedger: Aggregate<Add, Added, number, Ledger> = {
  decider: counter,
  view: { initialState: [], evolve: (ledger, event, facts) => [...ledger, { amount: event.data.amount, ...facts }] },
};

const context: CommandContext = { now: '2026-03-15T09:00:00.000Z', today: '2026-03-15', actor: 'ada' };
const envelope = (amount: number, extra: Partial<CommandEnvelope<Add>> = {}): CommandEnvelope<Add> => ({
  streamId: 'counter-1',
  command: { type: 'Add', amount },
  context,
  metadata: { actor: 'ada', correlationId: 'corr-1', reason: 'because' },
  ...extra,
});
const key = (commandId: string, payload: unknown) => ({ commandId, payloadHash: payloadHash(payload) });

describe('handleCommand', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('appends the decided events with the caller, correlation and reason in their metadata', async () => {
    const outcome = await handleCommand(store, counter, envelope(5, { idempotency: key('cmd-1', { a: 5 }) }));

    expect(outcome).toMatchObject({ revision: 0, appended: 1, duplicate: false, state: 5 });
    const [event] = await store.readStream('counter-1');
    expect(event?.metadata).toMatchObject({ actor: 'ada', correlationId: 'corr-1', reason: 'because', commandId: 'cmd-1' });
    expect(typeof event?.metadata.recordedAt).toBe('string');
  });

  it('answers a stale expectedRevision with CONFLICT and the current revision, appending nothing', async () => {
    await handleCommand(store, counter, envelope(1));
    await handleCommand(store, counter, envelope(1));

    const attempt = handleCommand(store, counter, envelope(1, { expectedRevision: 0 }));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ currentRevision: 1 });
    expect(await store.streamRevision('counter-1')).toBe(1);
  });

  it('retries when another writer got in first and the client gave no expectedRevision', async () => {
    // Another process appends between this command's read and its append.
    const read = store.readStream.bind(store);
    let interfered = false;
    jest.spyOn(store, 'readStream').mockImplementation(async (id, options) => {
      const events = await read(id, options);
      if (!interfered) {
        interfered = true;
        await store.append(id, [{ type: 'Added', data: { amount: 3 }, metadata: { actor: 'bob', correlationId: 'c' } }], 'any');
      }
      return events;
    });

    const outcome = await handleCommand(store, counter, envelope(2));

    expect(outcome).toMatchObject({ revision: 1, state: 5 });
  });

  it('serialises many concurrent commands on one stream with a shared lock, losing no update', async () => {
    const lock = new KeyedLock();
    await Promise.all(Array.from({ length: 40 }, () => handleCommand(store, counter, envelope(2), { lock })));

    const events = await store.readStream('counter-1');
    expect(events).toHaveLength(40);
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(lock.size).toBe(0);
  });

  it('returns the first result for a repeated commandId and appends nothing', async () => {
    const first = await handleCommand(store, counter, envelope(5, { idempotency: key('cmd-1', { a: 5 }) }));
    const again = await handleCommand(store, counter, envelope(5, { idempotency: key('cmd-1', { a: 5 }) }));

    expect(again).toMatchObject({ streamId: first.streamId, revision: first.revision, duplicate: true, appended: 0 });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('refuses a commandId reused with another payload', async () => {
    await handleCommand(store, counter, envelope(5, { idempotency: key('cmd-1', { a: 5 }) }));

    await expect(handleCommand(store, counter, envelope(6, { idempotency: key('cmd-1', { a: 6 }) }))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('lets exactly one of two racing commands with the same commandId append', async () => {
    const results = await Promise.all([
      handleCommand(store, counter, envelope(5, { idempotency: key('cmd-race', { a: 5 }) })),
      handleCommand(store, counter, envelope(5, { idempotency: key('cmd-race', { a: 5 }) })),
    ]);

    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('lets a domain refusal through and appends nothing', async () => {
    await expect(handleCommand(store, counter, envelope(101))).rejects.toMatchObject({ code: 'COUNTER_OVER_LIMIT' });
    expect(await store.streamRevision('counter-1')).toBe(-1);
  });

  it('folds from the cached state and reads only newer events', async () => {
    const cache = new StateCache();
    await handleCommand(store, counter, envelope(10), { cache });
    await store.append('counter-1', [{ type: 'Added', data: { amount: 7 }, metadata: { actor: 'bob', correlationId: 'c' } }], 0);
    const readStream = jest.spyOn(store, 'readStream');

    const outcome = await handleCommand(store, counter, envelope(1), { cache });

    expect(outcome.state).toBe(18);
    expect(readStream).toHaveBeenCalledWith('counter-1', { fromRevision: 1 });
  });

  it('decides on the cached fold without reading the stream when this process wrote it last', async () => {
    const cache = new StateCache();
    await handleCommand(store, counter, envelope(10), { cache });
    const readStream = jest.spyOn(store, 'readStream');

    const outcome = await handleCommand(store, counter, envelope(1), { cache });

    expect(outcome).toMatchObject({ revision: 1, state: 11 });
    expect(readStream).not.toHaveBeenCalled();
  });

  it('judges a refusal on the stream as it is, not on a cached fold another writer has moved past', async () => {
    const cache = new StateCache();
    await handleCommand(store, counter, envelope(95), { cache });
    // Another process takes the counter back below the limit: the cache does not know.
    await store.append('counter-1', [{ type: 'Added', data: { amount: -50 }, metadata: { actor: 'bob', correlationId: 'c' } }], 0);

    const outcome = await handleCommand(store, counter, envelope(10), { cache });

    expect(outcome).toMatchObject({ revision: 2, state: 55 });
  });

  it('answers a command that changes nothing with the stream as it is, not a cached fold behind it', async () => {
    const cache = new StateCache();
    await handleCommand(store, counter, envelope(4), { cache });
    await store.append('counter-1', [{ type: 'Added', data: { amount: 3 }, metadata: { actor: 'bob', correlationId: 'c' } }], 0);

    const outcome = await handleCommand(store, counter, envelope(0), { cache });

    expect(outcome).toMatchObject({ revision: 1, state: 7, appended: 0 });
  });

  it('reads the stream before answering CONFLICT when the client saw a revision the cached fold has not', async () => {
    const cache = new StateCache();
    await handleCommand(store, counter, envelope(4), { cache });
    await store.append('counter-1', [{ type: 'Added', data: { amount: 3 }, metadata: { actor: 'bob', correlationId: 'c' } }], 0);

    const outcome = await handleCommand(store, counter, envelope(1, { expectedRevision: 1 }), { cache });

    expect(outcome).toMatchObject({ revision: 2, state: 8 });
  });

  it('hashes payloads independently of key order', () => {
    expect(payloadHash({ a: 1, b: { c: 2, d: 3 } })).toBe(payloadHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
  });
});

describe('decideOn: the answer is the fold of the command itself', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('answers the view folded over the stream and the new events, with what the store recorded', async () => {
    await decideOn(store, counterWithLedger, envelope(4));

    const outcome = await decideOn(store, counterWithLedger, envelope(6));

    const stored = await store.readStream('counter-1');
    expect(outcome.state).toBe(10);
    expect(outcome.view).toEqual(stored.map((e) => ({ amount: e.data.amount, revision: e.revision, actor: 'ada', recordedAt: e.metadata.recordedAt })));
  });

  it('decides on a fold loaded earlier in the request without reading the stream again', async () => {
    const cache = new StateCache();
    await decideOn(store, counterWithLedger, envelope(4), { cache });
    const start = { state: 4, view: (await decideOn(store, counterWithLedger, envelope(0))).view, revision: 0 };
    const readStream = jest.spyOn(store, 'readStream');

    const outcome = await decideOn(store, counterWithLedger, envelope(1, { expectedRevision: 0 }), { start });

    expect(readStream).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ revision: 1, state: 5 });
  });

  it('reads afresh when another writer appended after the fold was loaded', async () => {
    await decideOn(store, counterWithLedger, envelope(4));
    const start = { state: 4, view: [], revision: 0 };
    await store.append('counter-1', [{ type: 'Added', data: { amount: 3 }, metadata: { actor: 'bob', correlationId: 'c' } }], 0);

    const outcome = await decideOn(store, counterWithLedger, envelope(1), { start });

    expect(outcome).toMatchObject({ revision: 2, state: 8 });
    expect(outcome.view.map((l) => l.actor)).toEqual(['ada', 'bob', 'ada']);
  });

  it('still answers CONFLICT when the client saw an older revision than the loaded fold', async () => {
    await decideOn(store, counterWithLedger, envelope(4));
    await decideOn(store, counterWithLedger, envelope(4));
    const start = { state: 8, view: [], revision: 1 };

    await expect(decideOn(store, counterWithLedger, envelope(1, { expectedRevision: 0 }), { start })).rejects.toMatchObject({ currentRevision: 1 });
  });

  it('answers a repeated commandId with the entity as the first attempt left it, not as it is now', async () => {
    const first = await decideOn(store, counterWithLedger, envelope(5, { idempotency: key('cmd-1', { a: 5 }) }));
    await decideOn(store, counterWithLedger, envelope(7));

    const again = await decideOn(store, counterWithLedger, envelope(5, { idempotency: key('cmd-1', { a: 5 }) }));

    expect(again).toMatchObject({ duplicate: true, appended: 0, revision: first.revision, state: 5 });
    expect(again.view).toEqual(first.view);
  });
});

describe('decideOn with a sealing step', () => {
  // A contact book: its name is personal data of the contact the stream is about.
  type Rename = { type: 'Rename'; name: string };
  type Renamed = DomainEvent<'Renamed', { contactId: string; name: string }>;
  const book: Aggregate<Rename, Renamed, { names: number; last: string | null }, readonly string[]> = {
    decider: {
      initialState: { names: 0, last: null },
      evolve: (state, event) => ({ names: state.names + 1, last: event.data.name }),
      decide: (command) => [{ type: 'Renamed', data: { contactId: 'ada', name: command.name } }],
    },
    view: { initialState: [], evolve: (names, event) => [...names, event.data.name] },
  };
  const RULES: PersonalFieldRules = { Renamed: { subjects: (data) => [data['contactId'] as string], fields: ['name'] } };
  const rename = (name: string, extra: Partial<CommandEnvelope<Rename>> = {}): CommandEnvelope<Rename> => ({
    streamId: 'contact-ada',
    command: { type: 'Rename', name },
    context,
    metadata: { actor: 'ada', correlationId: 'corr-1' },
    ...extra,
  });

  let store: MemoryEventStore;
  let vault: PersonalDataVault;
  beforeEach(() => {
    store = new MemoryEventStore();
    vault = new PersonalDataVault(new MemoryPersonalKeyStore());
  });

  it('folds, caches and appends only the sealed form of the personal fields', async () => {
    const cache = new StateCache();
    const outcome = await decideOn(store, book, rename('Ada Lovelace'), { seal: vault.sealer(RULES), cache });

    const [stored] = await store.readStream('contact-ada');
    const sealed = stored!.data['name'] as string;
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(JSON.stringify((await store.readAll()).map((event) => event.data))).not.toContain('Ada Lovelace');
    expect(outcome.state.last).toBe(sealed);
    expect(outcome.view).toEqual([sealed]);
    expect(JSON.stringify(cache.get('contact-ada'))).not.toContain('Ada Lovelace');
    expect(await vault.open(sealed)).toBe('Ada Lovelace');
  });

  it('records a keyed command hash, still telling a repeat from a reused key until the person is erased', async () => {
    const seal = vault.sealer(RULES);
    const hashOf = (name: string) => key('cmd-1', { operation: 'rename', input: { name } });
    await decideOn(store, book, rename('Ada Lovelace', { idempotency: hashOf('Ada Lovelace') }), { seal });

    const record = await store.findCommand('cmd-1');
    expect(record?.commandHash).not.toBe(hashOf('Ada Lovelace').payloadHash);
    await expect(decideOn(store, book, rename('Ada Lovelace', { idempotency: hashOf('Ada Lovelace') }), { seal })).resolves.toMatchObject({ duplicate: true });
    await expect(decideOn(store, book, rename('Ada Byron', { idempotency: hashOf('Ada Byron') }), { seal })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);

    await vault.erase('ada');

    await expect(decideOn(store, book, rename('Ada Byron', { idempotency: hashOf('Ada Byron') }), { seal })).resolves.toMatchObject({ duplicate: true, appended: 0 });
  });

  it('refuses to record personal data of an erased person, appending nothing', async () => {
    await vault.erase('ada');

    await expect(decideOn(store, book, rename('Ada Lovelace'), { seal: vault.sealer(RULES) })).rejects.toBeInstanceOf(PersonalDataErasedError);
    expect(await store.streamRevision('contact-ada')).toBe(-1);
  });

  it('keeps a plain payload hash for commands that name nobody', async () => {
    const outcome = await decideOn(store, counterWithLedger, envelope(5, { idempotency: key('cmd-2', { a: 5 }) }), { seal: vault.sealer(RULES) });

    expect(outcome.appended).toBe(1);
    expect((await store.findCommand('cmd-2'))?.commandHash).toBe(payloadHash({ a: 5 }));
  });
});
