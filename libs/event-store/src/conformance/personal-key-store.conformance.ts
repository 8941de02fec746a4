import { randomUUID } from 'node:crypto';
import { PersonalDataErasedError, type PersonalKeyStore } from '../personal-data/personal-key-store';

export interface PersonalKeyStoreSubject {
  /** Two handles on the same keys (two connections, two instances), closed after each test. */
  readonly stores: readonly [PersonalKeyStore, PersonalKeyStore];
  readonly cleanup?: () => Promise<void>;
}

/**
 * What every personal key store does, whichever adapter: one random key per subject shared by
 * every handle, destroyed for good with a tombstone that refuses a new key. Subjects are fresh
 * uuids, so it also runs against a long-lived server.
 */
export function describePersonalKeyStoreConformance(adapterName: string, factory: () => Promise<PersonalKeyStoreSubject>): void {
  describe(`PersonalKeyStore conformance: ${adapterName}`, () => {
    let subject: PersonalKeyStoreSubject | undefined;
    const stores = () => {
      if (!subject) throw new Error('no key store: the factory did not run');
      return subject.stores;
    };
    beforeEach(async () => {
      subject = await factory();
    });
    afterEach(async () => {
      const current = subject;
      subject = undefined;
      if (!current) return;
      for (const store of current.stores) await store.close();
      await current.cleanup?.();
    });

    it('makes one 32-byte key per subject, the same through every handle', async () => {
      const [a, b] = stores();
      const [ada, bob] = [randomUUID(), randomUUID()];
      expect(await a.lookup(ada)).toEqual({ state: 'absent' });

      const key = await a.keyFor(ada);

      expect(key).toHaveLength(32);
      expect(await a.keyFor(ada)).toEqual(key);
      expect(await b.keyFor(ada)).toEqual(key);
      expect(await b.lookup(ada)).toEqual({ state: 'live', key });
      expect(await b.keyFor(bob)).not.toEqual(key);
    });

    it('gives both of two handles making the same key at once the same key', async () => {
      const [a, b] = stores();
      const ada = randomUUID();
      const [first, second] = await Promise.all([a.keyFor(ada), b.keyFor(ada)]);
      expect(second).toEqual(first);
    });

    it('destroys a key for good, idempotently, and refuses to make another for the subject', async () => {
      const [a, b] = stores();
      const ada = randomUUID();
      await a.keyFor(ada);

      await a.destroy(ada);
      await b.destroy(ada);

      expect(await b.lookup(ada)).toEqual({ state: 'destroyed' });
      expect(await a.isDestroyed(ada)).toBe(true);
      await expect(b.keyFor(ada)).rejects.toBeInstanceOf(PersonalDataErasedError);
    });

    it('keeps a tombstone for a subject that never had a key', async () => {
      const [a, b] = stores();
      const never = randomUUID();
      expect(await a.isDestroyed(never)).toBe(false);

      await a.destroy(never);

      expect(await b.isDestroyed(never)).toBe(true);
      await expect(b.keyFor(never)).rejects.toBeInstanceOf(PersonalDataErasedError);
    });
  });
}
