import type { ThroughlineEventOf, ThroughlineEventType } from '../events';
import type { PersonalFieldRule, PersonalFieldRules } from '../shared/personal-fields';
import { SUPPORT_PERSONAL_FIELDS } from '../support/personal-fields';

/**
 * The rules typed against each event's own data: a field name the event lacks, or an event type
 * that does not exist, fails to compile.
 */
export type TypedPersonalFieldRules = {
  readonly [T in ThroughlineEventType]?: PersonalFieldRule<ThroughlineEventOf<T>['data']>;
};

/**
 * The network's personal data. A contact's name, organisation and role, and the reason given
 * for an assessment, are that contact's; a touchpoint's summary belongs to every contact who took
 * part, so that erasing any one of them seals it for good. ContactUpdated holds only the fields
 * it changes: a listed field absent from an event is simply not there to seal.
 */
export const NETWORK_PERSONAL_FIELDS = {
  ContactAdded: { subjects: (data) => [data.contactId], fields: ['name', 'organisation', 'role'] },
  ContactUpdated: { subjects: (data) => [data.contactId], fields: ['name', 'organisation', 'role'] },
  ContactAssessed: { subjects: (data) => [data.contactId], fields: ['reason'] },
  TouchpointRecorded: { subjects: (data) => data.contactIds, fields: ['summary'] },
} as const satisfies TypedPersonalFieldRules;

// The store hands each rule only data of the event type it is listed under, so reading the
// typed rules as rules over any data is sound; the function parameters make TypeScript ask for it.
export const PERSONAL_FIELDS: PersonalFieldRules = { ...NETWORK_PERSONAL_FIELDS, ...SUPPORT_PERSONAL_FIELDS } as unknown as PersonalFieldRules;
