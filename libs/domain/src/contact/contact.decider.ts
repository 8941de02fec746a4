import type { Decider } from '../shared/decider';
import type { ContactCommand } from './contact.commands';
import { decideContact } from './contact.decide';
import type { ContactEvent } from './contact.events';
import { evolveContact, initialContactState, type ContactState } from './contact.state';

export const contactDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  initialState: initialContactState,
  evolve: evolveContact,
  decide: decideContact,
};
