import type { CommandContext, Decider, DomainEvent } from '@throughline/domain';
import { DomainError } from '@throughline/domain';
import { MemoryEventStore } from '../memory/memory-event-store';
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
