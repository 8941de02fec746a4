import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, oneOf, optionalText, requiredText } from '../shared/input';
import { distinctIds, notBeforeKnownSince, notInFuture } from '../network/network.rules';
import type { NetworkGroupSnapshot } from '../network-group/network-group.commands';
import type { AddContact, AssessContact, ContactCommand, EndContactRelationship, UpdateContact } from './contact.commands';
import {
  ENGAGEMENT_LEVELS,
  NETWORK_SOURCES,
  RELATIONSHIP_KINDS,
  STANCES,
  type ContactEvent,
  type ContactUpdated,
} from './contact.events';
import type { ContactState, ExistingContact } from './contact.state';

// Name, organisation, role and reason are checked as input and then passed on untouched: they are
// the person's data, which the store seals, and no rule may depend on what they say.

const existing = (state: ContactState, contactId: string): ExistingContact => {
  if (state.status === 'NONE') throw new DomainError('CONTACT_NOT_FOUND', `contact ${contactId} does not exist`, 'contactId');
  return state;
};

/** The groups a new contact joins: each of the contact's own PMO, each named once. */
const groupIdsOf = (pmoId: string, groups: readonly NetworkGroupSnapshot[]): readonly string[] => {
  const ids = distinctIds('groupIds', groups.map((group) => group.groupId));
  const foreign = groups.find((group) => group.pmoId !== pmoId);
  if (foreign) {
    throw new DomainError('NETWORK_GROUP_OF_ANOTHER_PMO', `group ${foreign.groupId} belongs to another PMO than the contact`, 'groupIds');
  }
  return ids;
};

const add = (command: AddContact, state: ContactState, context: CommandContext): ContactEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('CONTACT_ALREADY_EXISTS', `contact ${command.contactId} already exists`, 'contactId');
  const name = requiredText('name', command.name, NAME_MAX);
  const organisation = optionalText('organisation', command.organisation, NAME_MAX);
  const role = optionalText('role', command.role, NAME_MAX);
  const source = oneOf('source', command.source, NETWORK_SOURCES);
  const relationship = oneOf('relationship', command.relationship, RELATIONSHIP_KINDS);
  const knownSince = notInFuture('knownSince', localDate('knownSince', command.knownSince), context.today);
  const groupIds = groupIdsOf(command.pmoId, command.groups);
  return [
    {
      type: 'ContactAdded',
      data: { contactId: command.contactId, pmoId: command.pmoId, name, organisation, role, source, relationship, knownSince, groupIds },
    },
  ];
};

const PERSONAL = ['name', 'organisation', 'role'] as const;

/**
 * A given personal field always counts as a change: the decider cannot tell whether it differs
 * from what the store holds sealed, and must not try. The source is compared.
 */
const update = (command: UpdateContact, state: ContactState): ContactEvent[] => {
  const contact = existing(state, command.contactId);
  // name cannot be cleared, so null keeps it; organisation and role given as null clear them.
  const given = { name: command.name ?? undefined, organisation: command.organisation, role: command.role };
  const erasedField = contact.erased ? PERSONAL.find((field) => given[field] !== undefined) : undefined;
  if (erasedField) {
    throw new DomainError('CONTACT_ERASED', `contact ${contact.contactId}'s personal data was erased: no new ${erasedField} is recorded`, erasedField);
  }
  const source = command.source === undefined || command.source === null ? contact.source : oneOf('source', command.source, NETWORK_SOURCES);
  const changes: { -readonly [K in keyof ContactUpdated['data']]: ContactUpdated['data'][K] } = { contactId: contact.contactId };
  if (given.name !== undefined) changes.name = requiredText('name', given.name, NAME_MAX);
  if (given.organisation !== undefined) changes.organisation = optionalText('organisation', given.organisation, NAME_MAX);
  if (given.role !== undefined) changes.role = optionalText('role', given.role, NAME_MAX);
  if (source !== contact.source) changes.source = source;
  if (Object.keys(changes).length === 1) throw badInput('input', 'nothing to change: give a new name, organisation, role or source');
  return [{ type: 'ContactUpdated', data: changes }];
};

const assess = (command: AssessContact, state: ContactState, context: CommandContext): ContactEvent[] => {
  const contact = existing(state, command.contactId);
  const stance = oneOf('stance', command.stance, STANCES);
  const engagement = oneOf('engagement', command.engagement, ENGAGEMENT_LEVELS);
  const desiredEngagement = oneOf('desiredEngagement', command.desiredEngagement, ENGAGEMENT_LEVELS);
  const assessedOn = notInFuture('assessedOn', localDate('assessedOn', command.assessedOn), context.today);
  notBeforeKnownSince('assessedOn', assessedOn, contact.knownSince, contact.contactId);
  // A stance is a fact about the relationship and is kept after an erasure; a reason would be new
  // personal data about a person who asked to be forgotten.
  if (contact.erased && command.reason !== null && command.reason !== undefined) {
    throw new DomainError('CONTACT_ERASED', `contact ${contact.contactId}'s personal data was erased: an assessment takes no reason`, 'reason');
  }
  const reason = optionalText('reason', command.reason, TEXT_MAX);
  return [{ type: 'ContactAssessed', data: { contactId: contact.contactId, stance, engagement, desiredEngagement, assessedOn, reason } }];
};

const end = (command: EndContactRelationship, state: ContactState, context: CommandContext): ContactEvent[] => {
  const contact = existing(state, command.contactId);
  if (contact.relationship !== 'STAKEHOLDER') {
    throw new DomainError(
      'CONTACT_RELATIONSHIP_NOT_STAKEHOLDER',
      `contact ${contact.contactId} is an ${contact.relationship} relationship, which outlasts projects and does not end with one`,
      'contactId',
    );
  }
  if (contact.status === 'ENDED') {
    throw new DomainError('CONTACT_RELATIONSHIP_ALREADY_ENDED', `contact ${contact.contactId}'s relationship already ended on ${contact.endedOn}`, 'contactId');
  }
  const endedOn = notInFuture('endedOn', localDate('endedOn', command.endedOn), context.today);
  notBeforeKnownSince('endedOn', endedOn, contact.knownSince, contact.contactId);
  return [{ type: 'ContactRelationshipEnded', data: { contactId: contact.contactId, endedOn } }];
};

export const decideContact = (command: ContactCommand, state: ContactState, context: CommandContext): ContactEvent[] => {
  switch (command.type) {
    case 'AddContact':
      return add(command, state, context);
    case 'UpdateContact':
      return update(command, state);
    case 'AssessContact':
      return assess(command, state, context);
    case 'EndContactRelationship':
      return end(command, state, context);
    case 'EraseContactPersonalData': {
      const contact = existing(state, command.contactId);
      // Erasing again has nothing left to forget: the request is met, and a retry must not fail.
      return contact.erased ? [] : [{ type: 'ContactPersonalDataErased', data: { contactId: contact.contactId } }];
    }
    default:
      return assertNever(command);
  }
};
