import fc from 'fast-check';
import { decideOrRefuse, defaultContext, type Decision } from '@throughline/testing';
import { addDays } from '../shared/local-date';
import { NETWORK_PERSONAL_FIELDS } from '../network/personal-fields';
import type { ContactCommand } from './contact.commands';
import { contactDecider } from './contact.decider';
import { NETWORK_SOURCES, STANCES, type ContactEvent } from './contact.events';
import type { ContactState } from './contact.state';
import { addContact, contactId } from './contact.fixtures';

// The store seals personal fields before an event is folded, so the decider sees ciphertext where
// the person's data was. Its decisions must not change with what those fields hold.

const day = fc.integer({ min: -90, max: 3 }).map((offset) => addDays(defaultContext.today, offset));
const text = fc.oneof(fc.constant(null), fc.constant(undefined), fc.constant('Finance'), fc.constant(' '));

const command: fc.Arbitrary<ContactCommand> = fc.oneof(
  fc.record({ type: fc.constant('UpdateContact' as const), contactId: fc.constant(contactId), name: text, organisation: text, role: text, source: fc.option(fc.constantFrom(...NETWORK_SOURCES), { nil: undefined }) }),
  fc.record({
    type: fc.constant('AssessContact' as const),
    contactId: fc.constant(contactId),
    stance: fc.constantFrom(...STANCES),
    engagement: fc.constant('NEUTRAL' as const),
    desiredEngagement: fc.constant('LEADING' as const),
    assessedOn: day,
    reason: fc.option(fc.constant('Said so in the steering meeting'), { nil: null }),
  }),
  fc.record({ type: fc.constant('EndContactRelationship' as const), contactId: fc.constant(contactId), endedOn: day }),
  fc.constant({ type: 'EraseContactPersonalData' as const, contactId }),
);

/** The event as the store hands it to the fold: every personal field present replaced by `seal`. */
const sealed = (event: ContactEvent, seal: string): ContactEvent => {
  const rule = (NETWORK_PERSONAL_FIELDS as Record<string, { fields: readonly string[] }>)[event.type];
  if (!rule) return event;
  const data: Record<string, unknown> = { ...event.data };
  for (const field of rule.fields) if (data[field] !== undefined && data[field] !== null) data[field] = seal;
  return { ...event, data } as ContactEvent;
};

const outcome = (decision: Decision<ContactEvent>) =>
  'refused' in decision ? { code: decision.refused.code, field: decision.refused.field } : { events: decision.events };

describe('Contact decisions never read the personal fields', () => {
  it('given any commands over a stream as recorded and as sealed, then every decision is the same', () => {
    fc.assert(
      fc.property(fc.constantFrom('STAKEHOLDER' as const, 'INTERNAL' as const), fc.array(command, { maxLength: 12 }), fc.string(), (relationship, commands, seal) => {
        const added = contactDecider.decide(addContact({ relationship }), contactDecider.initialState, defaultContext);
        let plain: ContactState = added.reduce(contactDecider.evolve, contactDecider.initialState);
        let opaque: ContactState = added.map((event) => sealed(event, seal)).reduce(contactDecider.evolve, contactDecider.initialState);
        for (const next of commands) {
          const asRecorded = decideOrRefuse(contactDecider, next, plain, defaultContext);
          const asSealed = decideOrRefuse(contactDecider, next, opaque, defaultContext);
          expect(outcome(asSealed)).toEqual(outcome(asRecorded));
          if ('events' in asRecorded) {
            plain = asRecorded.events.reduce(contactDecider.evolve, plain);
            opaque = asRecorded.events.map((event) => sealed(event, seal)).reduce(contactDecider.evolve, opaque);
          }
        }
      }),
    );
  });
});
