import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, EventStore, GlobalPosition, NewEvent, RecordedEvent } from '../event-store.port';

/** Gives each test the store the factory made for it. */
export type StoreUnderTest = () => EventStore;

/** `<category>-<uuid>`, unique per call: the suite may run against a store that is not empty. */
export const newStreamId = (category = 'conformance'): string => `${category}-${randomUUID()}`;

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: 'ada@pmo.example',
  correlationId: randomUUID(),
  ...overrides,
});

export const newEvent = (
  type = 'ThingHappened',
  data: Record<string, unknown> = {},
  overrides: Partial<NewEvent> = {},
): NewEvent => ({ type, data, metadata: metadata(), ...overrides });

export const newEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent(type, { n }));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the clock has moved past `instant`, so the next recorded instant differs from it. */
export async function sleepPast(instant: string): Promise<void> {
  const target = Date.parse(instant) + 3;
  while (Date.now() <= target) await sleep(Math.max(1, target - Date.now() + 1));
}

/**
 * Polls until `condition` holds; adapters may notify asynchronously. The condition is the signal:
 * the time limit only ends a test that would otherwise hang, so it is generous enough for a
 * loaded machine and costs nothing when the condition holds early.
 */
export async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

/** Reads the global feed after `after` to its end in batches of `batchSize`. */
export async function readFeed(
  store: EventStore,
  after: GlobalPosition | null,
  batchSize = 1000,
): Promise<{ events: RecordedEvent[]; batches: number[] }> {
  const events: RecordedEvent[] = [];
  const batches: number[] = [];
  let cursor = after ?? undefined;
  for (;;) {
    const batch = await store.readAll({ after: cursor, maxCount: batchSize });
    if (batch.length === 0) return { events, batches };
    batches.push(batch.length);
    events.push(...batch);
    cursor = batch[batch.length - 1].position;
  }
}

export async function expectWrongRevision(
  attempt: Promise<unknown>,
  expected: { streamId: string; currentRevision: number },
): Promise<void> {
  const error = await attempt.then(
    () => {
      throw new Error('the append was expected to fail');
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(expected);
}

export const isIsoUtcMillis = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value);
