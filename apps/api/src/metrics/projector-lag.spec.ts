import { MemoryEventStore, type GlobalPosition } from '@throughline/event-store';
import { LAG_COUNT_LIMIT, ProjectorLag } from './projector-lag';

const event = { type: 'Noted', data: {}, metadata: { actor: 'someone@test', correlationId: 'c' } };

describe('the projector lag', () => {
  let recordedAt: Date;
  let now: number;
  let store: MemoryEventStore;
  let checkpoint: GlobalPosition | null;
  const lag = () => new ProjectorLag(store, () => checkpoint, () => now);

  beforeEach(() => {
    recordedAt = new Date('2026-03-02T10:00:00.000Z');
    store = new MemoryEventStore({ clock: () => recordedAt });
    checkpoint = null;
  });

  it('given an empty store, is nothing', async () => {
    now = Date.parse('2026-03-02T10:00:00Z');

    await expect(lag().read()).resolves.toEqual({ events: 0, seconds: 0 });
  });

  it('given read models at the head of the store, is nothing however old the last event', async () => {
    const { position } = await store.append('s-1', [event, event], 'no_stream');
    checkpoint = position;
    now = Date.parse('2026-03-09T10:00:00Z');

    await expect(lag().read()).resolves.toEqual({ events: 0, seconds: 0 });
  });

  it('given events past the checkpoint, counts them and ages the oldest by when it was recorded', async () => {
    const first = await store.append('s-1', [event], 'no_stream');
    checkpoint = first.position;
    recordedAt = new Date('2026-03-02T10:00:05.000Z');
    await store.append('s-1', [event, event], 0);
    recordedAt = new Date('2026-03-02T10:00:09.000Z');
    await store.append('s-2', [event], 'no_stream');
    now = Date.parse('2026-03-02T10:00:07.500Z');

    await expect(lag().read()).resolves.toEqual({ events: 3, seconds: 2.5 });
  });

  it('given read models that hold nothing yet, counts every event', async () => {
    await store.append('s-1', [event, event], 'no_stream');
    now = Date.parse('2026-03-02T10:01:00Z');

    await expect(lag().read()).resolves.toEqual({ events: 2, seconds: 60 });
  });

  it('given more unapplied events than it counts, stops at the limit', async () => {
    for (let i = 0; i < 11; i++) await store.append(`s-${i}`, Array.from({ length: 1_000 }, () => event), 'no_stream');
    now = Date.parse('2026-03-02T10:00:01Z');

    await expect(lag().read()).resolves.toEqual({ events: LAG_COUNT_LIMIT, seconds: 1 });
  });

  it('when both gauges ask within a second, reads the store once', async () => {
    await store.append('s-1', [event], 'no_stream');
    now = Date.parse('2026-03-02T10:00:01Z');
    const reader = lag();
    const first = await reader.read();
    checkpoint = await store.headPosition();

    expect(await reader.read()).toEqual(first);
    now += 1_000;
    expect(await reader.read()).toEqual({ events: 0, seconds: 0 });
  });
});
