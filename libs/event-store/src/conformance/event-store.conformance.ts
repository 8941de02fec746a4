import type { EventStore } from '../event-store.port';
import { describeAppendConformance } from './append.conformance';
import { describeCommandConformance } from './command.conformance';
import { describeReadConformance } from './read.conformance';

export interface ConformanceSubject {
  readonly store: EventStore;
  /** Runs after the suite closed the store (close must be safe to call twice). */
  readonly cleanup?: () => Promise<void>;
}

/**
 * The behaviour every EventStore adapter shares. It never injects a clock and never assumes an
 * empty store (stream ids are fresh uuids, feeds are read after the head seen at the start), so it
 * also runs against a long-lived EventStoreDB server through its client.
 */
export function describeEventStoreConformance(
  adapterName: string,
  factory: () => Promise<ConformanceSubject>,
): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let subject: ConformanceSubject | undefined;
    const store = (): EventStore => {
      if (!subject) throw new Error('no store: the factory did not run');
      return subject.store;
    };

    beforeEach(async () => {
      subject = await factory();
    });

    afterEach(async () => {
      const current = subject;
      subject = undefined;
      if (!current) return;
      await current.store.close();
      await current.cleanup?.();
    });

    describeAppendConformance(store);
    describeReadConformance(store);
    describeCommandConformance(store);
  });
}
