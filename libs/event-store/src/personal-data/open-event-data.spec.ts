import type { PersonalFieldRules } from '@throughline/domain';
import { MemoryPersonalKeyStore } from './memory-personal-key-store';
import { openEventData } from './open-event-data';
import { PersonalDataVault } from './personal-data-vault';

const RULES: PersonalFieldRules = {
  Added: { subjects: (data) => [data['contactId'] as string], fields: ['name', 'organisation'] },
  Met: { subjects: (data) => data['contactIds'] as string[], fields: ['summary'] },
};

describe('openEventData', () => {
  let vault: PersonalDataVault;
  beforeEach(() => {
    vault = new PersonalDataVault(new MemoryPersonalKeyStore());
  });

  it('opens the declared fields, and lists none as erased while the subjects are there', async () => {
    const data = { contactId: 'ada', name: await vault.seal('Ada Lovelace', ['ada']), organisation: null, pmoId: 'p' };

    expect(await openEventData('Added', data, RULES, vault)).toEqual({
      data: { contactId: 'ada', name: 'Ada Lovelace', organisation: null, pmoId: 'p' },
      erasedFields: [],
    });
  });

  it('shows null and names the fields once a subject is erased', async () => {
    const data = { contactIds: ['ada', 'bob'], summary: await vault.seal('Talked budgets', ['ada', 'bob']), heldOn: '2026-03-01' };
    await vault.erase('bob');

    expect(await openEventData('Met', data, RULES, vault)).toEqual({
      data: { contactIds: ['ada', 'bob'], summary: null, heldOn: '2026-03-01' },
      erasedFields: ['summary'],
    });
  });

  it('hides a declared field written in plain text before sealing, once its subject is erased', async () => {
    const data = { contactId: 'ada', name: 'Ada Lovelace' };
    expect((await openEventData('Added', data, RULES, vault)).data['name']).toBe('Ada Lovelace');

    await vault.erase('ada');

    expect(await openEventData('Added', data, RULES, vault)).toEqual({ data: { contactId: 'ada', name: null }, erasedFields: ['name'] });
  });

  it('opens sealed strings the rules do not name, wherever they are', async () => {
    const data = { nested: { list: [await vault.seal('Ada', ['ada']), 'plain'] }, note: await vault.seal('Bob', ['bob']) };
    await vault.erase('bob');

    expect(await openEventData('Undeclared', data, RULES, vault)).toEqual({
      data: { nested: { list: ['Ada', 'plain'] }, note: null },
      erasedFields: ['note'],
    });
  });

  it('leaves free text that only looks sealed as typed, and fails on an altered declared field', async () => {
    const typed = 'pd1. was the first agenda item';
    expect(await openEventData('Undeclared', { note: typed }, RULES, vault)).toEqual({ data: { note: typed }, erasedFields: [] });

    const sealed = await vault.seal('Ada', ['ada']);
    const altered = `${sealed.slice(0, -3)}${sealed.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await expect(openEventData('Added', { contactId: 'ada', name: altered }, RULES, vault)).rejects.toThrow(/cannot be opened/);
  });
});
