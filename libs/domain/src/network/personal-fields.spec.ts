import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { ThroughlineEvent } from '../events';
import type { PersonalFieldRule } from '../shared/personal-fields';
import type { ContactAdded } from '../contact/contact.events';
import { contactDecider } from '../contact/contact.decider';
import { addContact, added, assessContact, contactSnapshot, erased } from '../contact/contact.fixtures';
import { touchpointDecider } from '../touchpoint/touchpoint.decider';
import { recordTouchpoint } from '../touchpoint/touchpoint.fixtures';
import { NETWORK_PERSONAL_FIELDS, PERSONAL_FIELDS, type TypedPersonalFieldRules } from './personal-fields';

// The type check (part of npm test) is the assertion that every listed field is a field of its
// event's data: NETWORK_PERSONAL_FIELDS `satisfies` rules typed per event. These show it bites.
const misnamed = {
  // @ts-expect-error a field ContactAdded does not have
  field: { ContactAdded: { subjects: (data) => [data.contactId], fields: ['email'] } } satisfies TypedPersonalFieldRules,
  // @ts-expect-error an event type that does not exist
  type: { ContactRenamed: { subjects: () => [], fields: [] } } satisfies TypedPersonalFieldRules,
  // @ts-expect-error a subject that is not a list of ids
  subjects: { subjects: (data: ContactAdded['data']) => data.contactId, fields: ['name'] } satisfies PersonalFieldRule<ContactAdded['data']>,
};

/** The subjects and the personal fields present in one event, by the rules the store reads. */
const personalOf = (event: ThroughlineEvent) => {
  const rule = PERSONAL_FIELDS[event.type];
  if (!rule) return null;
  const data = event.data as unknown as Readonly<Record<string, unknown>>;
  return { subjects: rule.subjects(data), fields: rule.fields.filter((field) => data[field] !== undefined) };
};

const uuid = fc.uuid();

describe('the network personal fields', () => {
  it('names the fields of each event that are a person’s data', () => {
    expect(misnamed).toBeDefined();
    expect(Object.fromEntries(Object.entries(NETWORK_PERSONAL_FIELDS).map(([type, rule]) => [type, rule.fields]))).toEqual({
      ContactAdded: ['name', 'organisation', 'role'],
      ContactUpdated: ['name', 'organisation', 'role'],
      ContactAssessed: ['reason'],
      TouchpointRecorded: ['summary'],
    });
  });

  it('given a contact’s events, then each names the contact as the one subject', () => {
    const state = contactDecider.evolve(contactDecider.initialState, added());
    const events: ThroughlineEvent[] = [
      ...contactDecider.decide(addContact(), contactDecider.initialState, defaultContext),
      ...contactDecider.decide({ type: 'UpdateContact', contactId: added().data.contactId, role: 'Controller' }, state, defaultContext),
      ...contactDecider.decide(assessContact(), state, defaultContext),
      erased,
    ];
    expect(events.map(personalOf)).toEqual([
      { subjects: [added().data.contactId], fields: ['name', 'organisation', 'role'] },
      { subjects: [added().data.contactId], fields: ['role'] },
      { subjects: [added().data.contactId], fields: ['reason'] },
      null,
    ]);
  });

  it('given any touchpoint the decider records, then its summary has a subject for every contact who took part, and at least one', () => {
    fc.assert(
      fc.property(fc.array(uuid, { maxLength: 6 }), fc.boolean(), (ids, erasedOne) => {
        const contacts = ids.map((contactId, i) => contactSnapshot({ contactId, erased: erasedOne && i === 0 }));
        const decision = decideOrRefuse(touchpointDecider, recordTouchpoint({ contacts }), touchpointDecider.initialState, defaultContext);
        if ('refused' in decision) return;
        for (const event of decision.events) {
          const personal = personalOf(event);
          expect(personal?.subjects.length).toBeGreaterThan(0);
          expect(personal?.subjects).toEqual(event.data.contactIds);
        }
      }),
    );
  });
});
