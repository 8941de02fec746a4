import { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from '../eventstoredb-event-store';
import { EventStoreDbTestDouble } from './eventstoredb-test-double';

export interface TestDoubleFixture {
  /** The double started for the spec file. */
  readonly double: () => EventStoreDbTestDouble;
  /** A store on the double (or on `connectionString`), closed after the test. */
  readonly open: (options?: Partial<EventStoreDbEventStoreOptions>, connectionString?: string) => EventStoreDbEventStore;
}

/** Starts one test double for the spec file; stores opened in a test are closed after it. */
export function useTestDouble(): TestDoubleFixture {
  let double: EventStoreDbTestDouble | undefined;
  const opened: EventStoreDbEventStore[] = [];
  beforeAll(async () => {
    double = await EventStoreDbTestDouble.start();
  });
  afterEach(async () => {
    double?.setAppendFault(null);
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await double?.stop();
  });

  const current = () => {
    if (!double) throw new Error('the test double starts in beforeAll');
    return double;
  };
  return {
    double: current,
    open: (options = {}, connectionString = current().connectionString) => {
      const store = new EventStoreDbEventStore({ connectionString, ...options });
      opened.push(store);
      return store;
    },
  };
}
