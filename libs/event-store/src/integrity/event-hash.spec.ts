import type { NewEvent, RecordedEvent } from '../event-store.port';
import { EMPTY_STREAM_HEAD, sealEvents } from '../sealed-event';
import { hashEvent, verifyChain, verifyChains } from './event-hash';

const metadata = { actor: 'ada@pmo.example', correlationId: 'corr-1' };
const newEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ type: `Step${n}`, data: { n, note: `step ${n}` }, metadata }));

const chain = (streamId: string, count: number, firstPosition = 1n): RecordedEvent[] =>
  sealEvents(streamId, newEvents(count), EMPTY_STREAM_HEAD, '2026-03-15T09:00:00.000Z').map((event, n) => ({
    ...event,
    position: firstPosition + BigInt(n),
  }));

const problemsAt = (events: readonly RecordedEvent[], previous?: { revision: number; hash: string }) =>
  verifyChain(events, previous).map((p) => p.revision);

describe('hashEvent', () => {
  const event = {
    streamId: 'objective-1',
    revision: 0,
    type: 'ObjectiveDefined',
    schemaVersion: 1,
    data: { title: 'Cut lead time', target: { value: 5, unit: 'days' } },
    metadata: { ...metadata, recordedAt: '2026-03-15T09:00:00.000Z' },
  };

  it('is a sha-256 hex digest that depends on the previous hash', () => {
    expect(hashEvent('', event)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent('a'.repeat(64), event)).not.toBe(hashEvent('', event));
  });

  it('does not depend on key order, undefined metadata fields or a JSON round-trip', () => {
    const reordered = {
      ...event,
      data: { target: { unit: 'days', value: 5 }, title: 'Cut lead time' },
      metadata: { recordedAt: event.metadata.recordedAt, reason: undefined, ...metadata },
    };
    const roundTripped = JSON.parse(JSON.stringify(event));

    expect(hashEvent('', reordered)).toBe(hashEvent('', event));
    expect(hashEvent('', roundTripped)).toBe(hashEvent('', event));
  });

  it('gives the hash it always gave, so chains stored earlier still verify', () => {
    const stored = {
      streamId: 'objective-1',
      revision: 3,
      type: 'ObjectiveDefined',
      schemaVersion: 1,
      data: { title: 'Cut lead time \u00e9\u{1F600}"q"', target: { value: 5.25, unit: 'days' }, list: [1, null, 'x', { b: 1, a: [] }], big: 1e21, small: 1e-7, neg: -0 },
      metadata: { actor: 'ada', correlationId: 'c-1', commandId: 'k', reason: undefined, recordedAt: '2026-03-15T09:00:00.000Z' },
    };

    expect(hashEvent('ab'.repeat(32), stored)).toBe('c86d19f384b26c41495dd5493127a5154d9f0af25e6bb2c8c4b90c36de9c10cc');
  });

  it('changes with any covered field', () => {
    const original = hashEvent('', event);
    const variants = [
      { ...event, streamId: 'objective-2' },
      { ...event, revision: 1 },
      { ...event, type: 'ObjectiveRenamed' },
      { ...event, schemaVersion: 2 },
      { ...event, data: { ...event.data, title: 'Cut lead time!' } },
      { ...event, metadata: { ...event.metadata, actor: 'mallory@pmo.example' } },
      { ...event, metadata: { ...event.metadata, recordedAt: '2026-03-15T09:00:00.001Z' } },
    ];
    for (const variant of variants) expect(hashEvent('', variant)).not.toBe(original);
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain, and a tail of it anchored on the event before', () => {
    const events = chain('objective-1', 4);
    expect(verifyChain(events)).toEqual([]);
    expect(verifyChain(events.slice(2), events[1])).toEqual([]);
    expect(verifyChain([])).toEqual([]);
  });

  it('detects edited data, metadata, type or revision of one event', () => {
    const edits: Array<(e: RecordedEvent) => RecordedEvent> = [
      (e) => ({ ...e, data: { ...e.data, note: 'rewritten' } }),
      (e) => ({ ...e, metadata: { ...e.metadata, reason: 'added later' } }),
      (e) => ({ ...e, metadata: { ...e.metadata, recordedAt: '2026-03-14T09:00:00.000Z' } }),
      (e) => ({ ...e, type: 'SomethingElse' }),
      (e) => ({ ...e, schemaVersion: 2 }),
    ];
    for (const edit of edits) {
      const events = chain('objective-1', 4);
      events[1] = edit(events[1]);
      expect(verifyChain(events)).toEqual([
        { streamId: 'objective-1', revision: 1, problem: 'hash does not match the event content' },
      ]);
    }

    const renumbered = chain('objective-1', 4);
    renumbered[2] = { ...renumbered[2], revision: 5 };
    expect(problemsAt(renumbered)).toEqual([5, 5, 3]);
  });

  it('detects an edit whose hash was recomputed, by the broken link from the next event', () => {
    const events = chain('objective-1', 3);
    const forged = { ...events[1], data: { n: 1, note: 'forged' } };
    events[1] = { ...forged, hash: hashEvent(forged.prevHash, forged) };

    expect(verifyChain(events)).toEqual([
      { streamId: 'objective-1', revision: 2, problem: 'prevHash does not link to the hash of the previous event' },
    ]);
  });

  it('detects a removed, reordered or foreign event', () => {
    const events = chain('objective-1', 4);
    expect(problemsAt([events[0], events[2], events[3]])).toEqual([2, 2]);
    expect(problemsAt([events[0], events[2], events[1], events[3]]).length).toBeGreaterThan(0);
    expect(problemsAt([events[1], events[2]])).toEqual([1, 1]);

    const foreign = chain('objective-2', 2);
    expect(verifyChain([events[0], foreign[1]]).map((p) => p.problem)).toContain(
      'belongs to stream objective-2, not objective-1',
    );
  });

  it('checks the first event of a tail against the anchor it is given', () => {
    const events = chain('objective-1', 3);
    expect(problemsAt(events.slice(1), { revision: 0, hash: 'f'.repeat(64) })).toEqual([1]);
    expect(problemsAt(events.slice(2), events[0])).toEqual([2, 2]);
  });
});

describe('verifyChains', () => {
  it('verifies every stream of an interleaved feed from revision 0', () => {
    const a = chain('objective-a', 3, 1n);
    const b = chain('objective-b', 2, 10n);
    const feed = [a[0], b[0], a[1], b[1], a[2]];
    expect(verifyChains(feed)).toEqual([]);

    feed[3] = { ...feed[3], data: { n: 99 } };
    expect(verifyChains(feed)).toEqual([
      { streamId: 'objective-b', revision: 1, problem: 'hash does not match the event content' },
    ]);
  });
});
