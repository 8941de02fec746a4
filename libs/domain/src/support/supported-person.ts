import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import type { SupportedPersonEvent } from './support.events';

export interface EraseSupportedPersonData {
  readonly type: 'EraseSupportedPersonData';
  /** Derived from the person by the application, as `subject` is. */
  readonly supportedPersonId: string;
  readonly subject: string;
}

export type SupportedPersonCommand = EraseSupportedPersonData;

export type SupportedPersonState = { readonly status: 'NONE' } | { readonly status: 'ERASED'; readonly supportedPersonId: string; readonly subject: string };

export const initialSupportedPersonState: SupportedPersonState = { status: 'NONE' };

export const evolveSupportedPerson = (state: SupportedPersonState, event: SupportedPersonEvent): SupportedPersonState =>
  state.status === 'NONE' ? { status: 'ERASED', supportedPersonId: event.data.supportedPersonId, subject: event.data.subject } : state;

export const decideSupportedPerson = (command: SupportedPersonCommand, state: SupportedPersonState, _context: CommandContext): SupportedPersonEvent[] => {
  switch (command.type) {
    case 'EraseSupportedPersonData':
      // Erasing again has nothing left to forget: the request is met, and a retry must not fail.
      return state.status === 'ERASED' ? [] : [{ type: 'SupportedPersonDataErased', data: { supportedPersonId: command.supportedPersonId, subject: command.subject } }];
    default:
      return assertNever(command.type);
  }
};

export const supportedPersonDecider: Decider<SupportedPersonCommand, SupportedPersonEvent, SupportedPersonState> = {
  initialState: initialSupportedPersonState,
  evolve: evolveSupportedPerson,
  decide: decideSupportedPerson,
};

/** The erasure's view is its state: who erased it and when are the event's metadata. */
export const supportedPersonView = {
  initialState: initialSupportedPersonState,
  evolve: (view: SupportedPersonState, event: SupportedPersonEvent) => evolveSupportedPerson(view, event),
};
