import { describePersonalKeyStoreConformance } from '../conformance/personal-key-store.conformance';
import { MemoryPersonalKeyStore } from './memory-personal-key-store';

describePersonalKeyStoreConformance('memory', async () => {
  const store = new MemoryPersonalKeyStore();
  return { stores: [store, store] };
});
