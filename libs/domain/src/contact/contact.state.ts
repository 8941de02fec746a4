import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { ContactEvent, NetworkSource, RelationshipKind } from './contact.events';

/**
 * The decider's state: only what `decide` reads (the days a new fact must not precede, the kind
 * of relationship, the source an update compares with, whether the person's data was erased),
 * plus `pmoId`, which permission checks read. Name, organisation, role and assessments are the
 * view's (contact.view.ts): they are personal data the decider never looks at.
 */
interface ContactFacts {
  readonly contactId: string;
  readonly pmoId: string;
  readonly source: NetworkSource;
  readonly relationship: RelationshipKind;
  readonly knownSince: LocalDate;
  readonly erased: boolean;
}

export interface NoContact {
  readonly status: 'NONE';
}

export interface ActiveContact extends ContactFacts {
  readonly status: 'ACTIVE';
}

/** A STAKEHOLDER relationship that ended with its project. */
export interface EndedContact extends ContactFacts {
  readonly status: 'ENDED';
  readonly endedOn: LocalDate;
}

export type ExistingContact = ActiveContact | EndedContact;
export type ContactState = NoContact | ExistingContact;

export const initialContactState: ContactState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveContact = (state: ContactState, event: ContactEvent): ContactState => {
  if (event.type === 'ContactAdded') {
    if (state.status !== 'NONE') return state;
    const { contactId, pmoId, source, relationship, knownSince } = event.data;
    return { status: 'ACTIVE', contactId, pmoId, source, relationship, knownSince, erased: false };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ContactUpdated':
      return event.data.source === undefined ? state : { ...state, source: event.data.source };
    case 'ContactAssessed':
      return state;
    case 'ContactRelationshipEnded':
      if (state.status !== 'ACTIVE') return state;
      return { ...state, status: 'ENDED', endedOn: event.data.endedOn };
    case 'ContactPersonalDataErased':
      return state.erased ? state : { ...state, erased: true };
    default:
      return assertNever(event);
  }
};
