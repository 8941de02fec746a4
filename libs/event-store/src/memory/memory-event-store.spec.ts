import { describeEmbeddedStoreBehaviour } from '../conformance/embedded-store.behaviour';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { MemoryEventStore } from './memory-event-store';

describeEventStoreConformance('memory', async () => ({ store: new MemoryEventStore() }));

describeEmbeddedStoreBehaviour('memory', async (options) => new MemoryEventStore(options));
