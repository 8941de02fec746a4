import type { PersonalFieldRules } from '@throughline/domain';
import { MemoryPersonalKeyStore } from './memory-personal-key-store';
import { PersonalDataVault } from './personal-data-vault';
import { PersonalDataErasedError, PersonalKeyMissingError } from './personal-key-store';
import { SEALED_PREFIX, UnreadableSealedValueError } from './sealed-value';

const [ada, bob, cy] = ['contact-a', 'contact-b', 'contact-c'];

/** Synthetic events: a contact's own name, and a meeting's summary that belongs to all who were there. */
const RULES: PersonalFieldRules = {
  Added: { subjects: (data) => [data['contactId'] as string], fields: ['name', 'role'] },
  Met: { subjects: (data) => data['contactIds'] as string[], fields: ['summary'] },
};

describe('PersonalDataVault', () => {
  let keys: MemoryPersonalKeyStore;
  let vault: PersonalDataVault;
  beforeEach(() => {
    keys = new MemoryPersonalKeyStore();
    vault = new PersonalDataVault(keys);
  });

  it('seals for a subject, making the key on first use, and opens again', async () => {
    const sealed = await vault.seal('Ada Lovelace', [ada]);

    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect((await keys.lookup(ada)).state).toBe('live');
    expect(await vault.open(sealed)).toBe('Ada Lovelace');
    expect(await vault.open(null)).toBeNull();
    expect(await vault.open('typed before sealing')).toBe('typed before sealing');
  });

  it('opens to null everywhere once the subject is erased, and in another vault on the same keys', async () => {
    const sealed = await vault.seal('Ada Lovelace', [ada]);
    const other = new PersonalDataVault(keys);
    expect(await other.open(sealed)).toBe('Ada Lovelace');

    await vault.erase(ada);

    expect(await vault.open(sealed)).toBeNull();
    // The other vault cached the key: without hearing of the erasure it still could open it...
    expect(await other.open(sealed)).toBe('Ada Lovelace');
    // ...until it forgets the subject, as the API does for every erasure event it projects.
    other.forget(ada);
    expect(await other.open(sealed)).toBeNull();
    expect(await new PersonalDataVault(keys).open(sealed)).toBeNull();
  });

  it('makes a value of three subjects unreadable when any one of them is erased', async () => {
    const sealed = await vault.seal('the three of them agreed', [cy, ada, bob]);
    expect(await vault.open(sealed)).toBe('the three of them agreed');

    await vault.erase(bob);

    expect(await vault.open(sealed)).toBeNull();
    expect(await new PersonalDataVault(keys).open(sealed)).toBeNull();
    expect(await vault.open(await vault.seal('still here', [ada, cy]))).toBe('still here');
  });

  it('refuses to seal anything more for an erased subject rather than making a new key', async () => {
    await vault.seal('Ada Lovelace', [ada]);
    await vault.erase(ada);

    await expect(vault.seal('Ada again', [ada])).rejects.toBeInstanceOf(PersonalDataErasedError);
    await expect(new PersonalDataVault(keys).seal('Ada again', [bob, ada])).rejects.toBeInstanceOf(PersonalDataErasedError);
    await expect(keys.keyFor(ada)).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('erases a subject that never had a key, for good', async () => {
    await vault.erase(cy);
    await expect(new PersonalDataVault(keys).seal('x', [cy])).rejects.toBeInstanceOf(PersonalDataErasedError);
    expect(await vault.isErased(cy)).toBe(true);
    expect(await vault.isErased(ada)).toBe(false);
  });

  it('fails closed on a tampered value, and names a key store that never held the key', async () => {
    const sealed = await vault.seal('Ada Lovelace', [ada]);
    const tampered = `${sealed.slice(0, -3)}${sealed.endsWith('AAA') ? 'BBB' : 'AAA'}`;

    await expect(vault.open(tampered)).rejects.toBeInstanceOf(UnreadableSealedValueError);
    await expect(new PersonalDataVault(new MemoryPersonalKeyStore()).open(sealed)).rejects.toBeInstanceOf(PersonalKeyMissingError);
  });

  it('opens every sealed string in a view, leaving the rest as it is', async () => {
    const view = { id: ada, name: await vault.seal('Ada', [ada]), count: 3, notes: [await vault.seal('likes tea', [ada]), 'plain'], nothing: null };

    expect(await vault.openDeep(view)).toEqual({ id: ada, name: 'Ada', count: 3, notes: ['likes tea', 'plain'], nothing: null });
    await vault.erase(ada);
    expect(await vault.openDeep(view)).toEqual({ id: ada, name: null, count: 3, notes: [null, 'plain'], nothing: null });
  });

  it('never fails an answer on free text that only looks sealed: typed text stays, a made-up sealed form is null', async () => {
    const sealed = await vault.seal('Ada', [ada]);
    const forged = `${sealed.slice(0, -3)}${sealed.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const typed = 'pd1. is what our old ticket numbers began with';

    expect(await vault.openFound(typed)).toBe(typed);
    expect(await vault.openFound(forged)).toBeNull();
    expect(await vault.openDeep({ title: typed, copied: sealed, odd: forged })).toEqual({ title: typed, copied: 'Ada', odd: null });
    await expect(vault.open(forged)).rejects.toBeInstanceOf(UnreadableSealedValueError);
  });

  it('shares one key fetch between concurrent callers', async () => {
    const keyFor = jest.spyOn(keys, 'keyFor');
    await Promise.all([vault.seal('a', [ada]), vault.seal('b', [ada]), vault.seal('c', [ada])]);
    expect(keyFor).toHaveBeenCalledTimes(1);
  });

  it('never puts back into the cache a key that was erased while it was being fetched', async () => {
    const sealed = await new PersonalDataVault(keys).seal('Ada', [ada]);
    const lookup = keys.lookup.bind(keys);
    let erasing: Promise<void> | undefined;
    jest.spyOn(keys, 'lookup').mockImplementation(async (subject) => {
      const found = await lookup(subject);
      erasing ??= vault.erase(ada);
      return found;
    });

    expect(await vault.open(sealed)).toBeNull();
    await erasing;
    expect(await vault.open(sealed)).toBeNull();
  });

  describe('as the command loop sealer', () => {
    it('seals the declared fields of declared events only, naming the subjects', async () => {
      const sealer = vault.sealer(RULES);
      const events = [
        { type: 'Added', data: { contactId: ada, name: 'Ada Lovelace', role: null, pmoId: 'pmo-1' } },
        { type: 'Met', data: { contactIds: [bob, ada], summary: 'Talked budgets', heldOn: '2026-03-01' } },
        { type: 'Other', data: { name: 'not personal' } },
      ];

      const { events: sealed, subjects } = await sealer.seal(events);

      expect(subjects).toEqual([ada, bob]);
      expect(sealed[0]!.data).toMatchObject({ contactId: ada, role: null, pmoId: 'pmo-1' });
      expect(await vault.open(sealed[0]!.data['name'] as string)).toBe('Ada Lovelace');
      expect(sealed[1]!.data).toMatchObject({ contactIds: [bob, ada], heldOn: '2026-03-01' });
      expect(await vault.open(sealed[1]!.data['summary'] as string)).toBe('Talked budgets');
      expect(sealed[2]).toBe(events[2]);
      expect(events[0]!.data.name).toBe('Ada Lovelace');
    });

    it('keeps a value already sealed here, and seals text that only looks sealed', async () => {
      const sealer = vault.sealer(RULES);
      const copied = await vault.seal('Ada Lovelace', [ada]);
      const disguised = 'pd1.QWRh.not-a-real.sealed.value.at-all';

      const { events } = await sealer.seal([
        { type: 'Added', data: { contactId: ada, name: copied, role: disguised } },
      ]);

      expect(events[0]!.data['name']).toBe(copied);
      expect(events[0]!.data['role']).not.toBe(disguised);
      expect(await vault.open(events[0]!.data['role'] as string)).toBe(disguised);
    });

    it('refuses a declared field holding anything but a string', async () => {
      await expect(vault.sealer(RULES).seal([{ type: 'Added', data: { contactId: ada, name: 42 } }])).rejects.toThrow(TypeError);
    });

    it('keys the command hash of a payload that named a person by their key, so it dies with them', async () => {
      const sealer = vault.sealer(RULES);
      await vault.seal('Ada', [ada]);

      expect(await sealer.commandHash('abc', [])).toBe('abc');
      const recorded = await sealer.commandHash('abc', [ada]);
      expect(recorded).not.toContain('abc');
      expect(await sealer.sameCommand(recorded, 'abc')).toBe(true);
      expect(await sealer.sameCommand(recorded, 'abd')).toBe(false);
      expect(await sealer.sameCommand('abc', 'abc')).toBe(true);
      expect(await sealer.sameCommand('abc', 'abd')).toBe(false);

      await vault.erase(ada);
      // Nothing can tell a guess from the payload any more; a repeat stands for the command it repeats.
      expect(await sealer.sameCommand(recorded, 'abd')).toBe(true);
    });
  });
});
