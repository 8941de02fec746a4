import { DuplicateEventIdError, StoreUnavailableError } from '../errors';
import type { EventStore } from '../event-store.port';
import { verifyChain, verifyChains } from '../integrity/event-hash';
import type { StoredEventReader, Upcaster } from '../upcasting';
import { newEvent, newEvents, newStreamId } from './conformance-fixtures';

export type EmbeddedEventStore = EventStore & StoredEventReader;

export interface EmbeddedStoreOptions {
  readonly clock?: () => Date;
  readonly upcasters?: readonly Upcaster[];
}

/**
 * Behaviour the memory and sqlite adapters share beyond the conformance suite, where a test may
 * inject a clock and rely on an empty store with positions 1, 2, 3...
 */
export function describeEmbeddedStoreBehaviour(
  adapterName: string,
  open: (options: EmbeddedStoreOptions) => Promise<EmbeddedEventStore>,
): void {
  describe(`embedded store behaviour: ${adapterName}`, () => {
    const opened: EventStore[] = [];
    const openStore = async (options: EmbeddedStoreOptions = {}) => {
      const store = await open(options);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('starts empty and numbers positions 1, 2, 3... without gaps', async () => {
      const store = await openStore();
      expect(await store.headPosition()).toBeNull();
      expect(await store.readAll()).toEqual([]);

      await store.append(newStreamId(), newEvents(2), 'no_stream');
      await store.append(newStreamId(), newEvents(3), 'no_stream');

      expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
      expect((await store.readAll({ after: 2n, maxCount: 2 })).map((e) => e.position)).toEqual([3n, 4n]);
    });

    it('stamps recordedAt from the clock, never earlier than the last recorded instant', async () => {
      const instants = ['2026-03-15T09:00:00.000Z', '2026-03-15T08:00:00.000Z', '2026-03-15T10:00:00.000Z'];
      const store = await openStore({ clock: () => new Date(instants.shift() ?? '2026-03-16T00:00:00Z') });

      const recorded: string[] = [];
      for (let i = 0; i < 3; i += 1) recorded.push((await store.append(newStreamId(), [newEvent()], 'any')).recordedAt);

      expect(recorded).toEqual(['2026-03-15T09:00:00.000Z', '2026-03-15T09:00:00.000Z', '2026-03-15T10:00:00.000Z']);
      const streamIds = (await store.readAll()).map((e) => e.streamId);
      expect(await store.readStream(streamIds[0], { recordedAtOrBefore: '2026-03-15T08:59:59.999Z' })).toEqual([]);
    });

    it('refuses an event id already stored, leaving no hole in the positions', async () => {
      const store = await openStore();
      const taken = newEvent('Taken', {}, { id: 'event-1' });
      const streamId = newStreamId();
      await store.append(streamId, [taken], 'no_stream');

      const reuse = store.append(newStreamId(), [newEvent(), newEvent('Again', {}, { id: 'event-1' })], 'any');
      await expect(reuse).rejects.toBeInstanceOf(DuplicateEventIdError);
      const repeat = store.append(streamId, [newEvent('A', {}, { id: 'x' }), newEvent('B', {}, { id: 'x' })], 0);
      await expect(repeat).rejects.toBeInstanceOf(DuplicateEventIdError);

      const next = await store.append(streamId, [newEvent()], 0);
      expect(next.position).toBe(2n);
      expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 2n]);
    });

    it('hands out copies: changing what was read or written does not change the store', async () => {
      const store = await openStore();
      const streamId = newStreamId();
      const data = { title: 'Reduce lead time', tags: ['ops'] };
      await store.append(streamId, [newEvent('Defined', data)], 'no_stream');
      data.tags.push('written-later');
      const [read] = await store.readStream(streamId);
      (read.data.tags as string[]).push('read-later');

      const [again] = await store.readStream(streamId);
      expect(again.data).toEqual({ title: 'Reduce lead time', tags: ['ops'] });
      expect(verifyChain([again])).toEqual([]);
    });

    it('upcasts on read while the stored form keeps verifying', async () => {
      const upcasters: Upcaster[] = [
        { type: 'TargetSet', fromVersion: 1, upcast: ({ target }) => ({ value: target, unit: 'count' }) },
        { type: 'TargetSet', fromVersion: 2, upcast: (data) => ({ ...data, confidence: 'unstated' }) },
      ];
      const store = await openStore({ upcasters });
      const streamId = newStreamId();
      await store.append(
        streamId,
        [newEvent('TargetSet', { target: 5 }), newEvent('TargetSet', { value: 7, unit: 'days' }, { schemaVersion: 2 })],
        'no_stream',
      );

      const read = await store.readStream(streamId);
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
        [3, { value: 5, unit: 'count', confidence: 'unstated' }],
        [3, { value: 7, unit: 'days', confidence: 'unstated' }],
      ]);
      expect((await store.readAll()).map((e) => e.schemaVersion)).toEqual([3, 3]);
      expect(verifyChain(read)).not.toEqual([]);

      const stored = await store.readStreamStored(streamId);
      expect(stored.map((e) => [e.schemaVersion, e.data])).toEqual([
        [1, { target: 5 }],
        [2, { value: 7, unit: 'days' }],
      ]);
      expect(verifyChain(stored)).toEqual([]);
      expect(verifyChains(await store.readAllStored())).toEqual([]);
    });

    it('rejects an append without events', async () => {
      const store = await openStore();
      await expect(store.append(newStreamId(), [], 'any')).rejects.toBeInstanceOf(RangeError);
    });

    it('refuses appends and reads once closed', async () => {
      const store = await openStore();
      await store.close();
      await expect(store.append(newStreamId(), [newEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
}
