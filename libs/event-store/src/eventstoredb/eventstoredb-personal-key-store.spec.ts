import { randomUUID } from 'node:crypto';
import type { PersonalFieldRules } from '@throughline/domain';
import { decideOn } from '../command-handling/handle-command';
import { NO_VIEW } from '../command-handling/fold-stream';
import { StoreVerifier } from '../integrity/verify-store';
import { describePersonalKeyStoreConformance } from '../conformance/personal-key-store.conformance';
import { PersonalDataVault } from '../personal-data/personal-data-vault';
import { PersonalDataErasedError } from '../personal-data/personal-key-store';
import { PERSONAL_KEY_STREAM_PREFIX } from './eventstoredb-personal-key-store';
import { useTestDouble } from './test-double/use-test-double';

const { double, open } = useTestDouble();

/** An instance of the service: its own connection and vault on the shared server. */
const instance = () => {
  const store = open();
  return { store, keys: store.personalKeys(), vault: new PersonalDataVault(store.personalKeys()) };
};
const twoInstances = () => [instance(), instance()] as const;

describePersonalKeyStoreConformance('eventstoredb, two instances on the test double', async () => ({
  stores: [open().personalKeys(), open().personalKeys()],
}));

describe('EventStoreDbPersonalKeyStore, shared by instances on one server', () => {
  it('gives every instance the same key, also when two make it at once', async () => {
    const [a, b] = twoInstances();
    const subject = randomUUID();

    const [first, second] = await Promise.all([a.keys.keyFor(subject), b.keys.keyFor(subject)]);

    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    expect(await a.keys.lookup(subject)).toEqual({ state: 'live', key: first });
    expect(await b.keys.lookup(randomUUID())).toEqual({ state: 'absent' });
  });

  it('lets one instance open what another sealed, and neither once one of them erased it', async () => {
    const [a, b] = twoInstances();
    const ada = randomUUID();
    const sealed = await a.vault.seal('Ada Lovelace', [ada]);
    expect(await b.vault.open(sealed)).toBe('Ada Lovelace');

    await a.vault.erase(ada);

    expect(await a.vault.open(sealed)).toBeNull();
    // B cached the key; the erasure event its projector applies makes it forget it.
    b.vault.forget(ada);
    expect(await b.vault.open(sealed)).toBeNull();
    // An instance that had not cached it learns from the server: the key stream is deleted.
    expect(await new PersonalDataVault(b.store.personalKeys()).open(sealed)).toBeNull();
    await expect(b.vault.seal('Ada again', [ada])).rejects.toBeInstanceOf(PersonalDataErasedError);
    await expect(new PersonalDataVault(b.store.personalKeys()).seal('Ada again', [ada])).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('bounds how long an instance that missed the erasure event keeps opening with a cached key', async () => {
    const [a, b] = twoInstances();
    const ada = randomUUID();
    const sealed = await a.vault.seal('Ada Lovelace', [ada]);
    const forgetful = new PersonalDataVault(b.store.personalKeys(), { keyCacheTtlMs: 50 });
    expect(await forgetful.open(sealed)).toBe('Ada Lovelace');

    await a.vault.erase(ada);
    await new Promise((resolve) => setTimeout(resolve, 80));

    expect(await forgetful.open(sealed)).toBeNull();
  });

  it('erases idempotently from every instance, and a subject that never had a key', async () => {
    const [a, b] = twoInstances();
    const [ada, never] = [randomUUID(), randomUUID()];
    await a.vault.seal('x', [ada]);

    await Promise.all([a.vault.erase(ada), b.vault.erase(ada)]);
    await b.vault.erase(ada);
    await a.vault.erase(never);

    expect(await b.keys.isDestroyed(ada)).toBe(true);
    await expect(b.keys.keyFor(never)).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('keeps keys out of the feed and the integrity check, which passes after an erasure', async () => {
    const [a] = twoInstances();
    const contact = randomUUID();
    const rules: PersonalFieldRules = { Named: { subjects: (data) => [data['contactId'] as string], fields: ['name'] } };
    const naming = { initialState: null, evolve: () => null, decide: (name: string) => [{ type: 'Named', data: { contactId: contact, name } }] };
    await decideOn(a.store, { decider: naming, view: NO_VIEW }, {
      streamId: `contact-${contact}`,
      command: 'Ada Lovelace',
      context: { now: '2026-03-01T09:00:00.000Z', today: '2026-03-01', actor: 'grace' },
      metadata: { actor: 'grace', correlationId: 'c' },
    }, { seal: a.vault.sealer(rules) });

    await a.vault.erase(contact);

    const feed = await a.store.readAll({ maxCount: 10_000 });
    expect(feed.some((event) => event.streamId.startsWith(PERSONAL_KEY_STREAM_PREFIX))).toBe(false);
    expect(JSON.stringify(feed.map((event) => event.data))).not.toContain('Ada Lovelace');
    const report = await new StoreVerifier(a.store).verifyAll();
    expect(report).toMatchObject({ ok: true, problemCount: 0 });
  });

  it("leaves a destroyed key's bytes on the server only until a scavenge", async () => {
    const [a] = twoInstances();
    const ada = randomUUID();
    await a.vault.seal('x', [ada]);
    const key = (await a.keys.lookup(ada)) as { key: Buffer };
    const held = () => {
      const needles = [key.key, Buffer.from(key.key.toString('base64')), Buffer.from(key.key.toString('base64url'))];
      return double()
        .events()
        .some((event) => needles.some((needle) => Buffer.from(event.data).includes(needle) || Buffer.from(event.customMetadata).includes(needle)));
    };
    expect(held()).toBe(true);

    await a.vault.erase(ada);
    expect(held()).toBe(true);

    double().scavenge();
    expect(held()).toBe(false);
    expect(await a.keys.isDestroyed(ada)).toBe(true);
  });

  it('takes keys and tombstones moved from another store, once, and refuses a different key', async () => {
    const [a, b] = twoInstances();
    const [ada, bob, cy] = [randomUUID(), randomUUID(), randomUUID()];
    const key = Buffer.alloc(32, 7);
    await b.vault.erase(cy);

    expect(await a.keys.adopt(ada, key)).toBe('adopted');
    expect(await a.keys.adopt(ada, key)).toBe('present');
    expect(await a.keys.adopt(bob, null)).toBe('adopted');
    expect(await a.keys.adopt(bob, null)).toBe('present');
    expect(await a.keys.adopt(cy, key)).toBe('erased');
    await expect(a.keys.adopt(ada, Buffer.alloc(32, 8))).rejects.toThrow(/another key/);

    expect(await b.keys.lookup(ada)).toEqual({ state: 'live', key });
    await expect(b.keys.keyFor(bob)).rejects.toBeInstanceOf(PersonalDataErasedError);
  });
});
