import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, oneOf, optionalText, requiredText } from '../shared/input';
import type { LocalDate } from '../shared/local-date';
import { distinctIds, notBeforeKnownSince } from '../network/network.rules';
import { TOUCHPOINT_VEHICLES } from '../network-group/network-group.events';
import type { ContactSnapshot } from '../contact/contact.commands';
import type { NetworkGroupSnapshot } from '../network-group/network-group.commands';
import type { RecordTouchpoint, TouchpointCommand } from './touchpoint.commands';
import { VALUE_DIRECTIONS, type TouchpointEvent } from './touchpoint.events';
import type { TouchpointState } from './touchpoint.state';

const heldOnDay = (value: unknown, today: LocalDate): LocalDate => {
  const day = localDate('heldOn', value);
  // A touchpoint is recorded once it happened; one planned is not a touchpoint yet.
  if (day > today) throw new DomainError('TOUCHPOINT_IN_FUTURE', `heldOn ${day} is after today (${today}): record a touchpoint once it was held`, 'heldOn');
  return day;
};

const contactIdsOf = (pmoId: string, heldOn: LocalDate, contacts: readonly ContactSnapshot[]): readonly string[] => {
  if (contacts.length === 0) throw badInput('contactIds', 'contactIds must name at least one contact who took part');
  const ids = distinctIds('contactIds', contacts.map((contact) => contact.contactId));
  for (const contact of contacts) {
    if (contact.pmoId !== pmoId) {
      throw new DomainError('CONTACT_OF_ANOTHER_PMO', `contact ${contact.contactId} belongs to another PMO than the touchpoint`, 'contactIds');
    }
    // The summary is sealed under the keys of everyone who took part; an erased person has none.
    if (contact.erased) {
      throw new DomainError('CONTACT_ERASED', `contact ${contact.contactId}'s personal data was erased: no touchpoint with them is recorded`, 'contactIds');
    }
    notBeforeKnownSince('heldOn', heldOn, contact.knownSince, contact.contactId);
  }
  return ids;
};

const groupIdsOf = (pmoId: string, heldOn: LocalDate, groups: readonly NetworkGroupSnapshot[]): readonly string[] => {
  const ids = distinctIds('groupIds', groups.map((group) => group.groupId));
  for (const group of groups) {
    if (group.pmoId !== pmoId) {
      throw new DomainError('NETWORK_GROUP_OF_ANOTHER_PMO', `group ${group.groupId} belongs to another PMO than the touchpoint`, 'groupIds');
    }
    if (heldOn < group.formedOn) {
      throw new DomainError('DAY_BEFORE_GROUP_FORMED', `heldOn ${heldOn} is before group ${group.groupId} was formed (${group.formedOn})`, 'heldOn');
    }
  }
  return ids;
};

const record = (command: RecordTouchpoint, state: TouchpointState, context: CommandContext): TouchpointEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('TOUCHPOINT_ALREADY_EXISTS', `touchpoint ${command.touchpointId} already exists`, 'touchpointId');
  const heldOn = heldOnDay(command.heldOn, context.today);
  const vehicle = oneOf('vehicle', command.vehicle, TOUCHPOINT_VEHICLES);
  const summary = requiredText('summary', command.summary, TEXT_MAX);
  const value = command.value === null || command.value === undefined ? null : oneOf('value', command.value, VALUE_DIRECTIONS);
  const workEntryId = optionalText('workEntryId', command.workEntryId, NAME_MAX);
  const contactIds = contactIdsOf(command.pmoId, heldOn, command.contacts);
  const groupIds = groupIdsOf(command.pmoId, heldOn, command.groups);
  return [
    {
      type: 'TouchpointRecorded',
      data: { touchpointId: command.touchpointId, pmoId: command.pmoId, heldOn, vehicle, contactIds, groupIds, summary, value, workEntryId },
    },
  ];
};

export const decideTouchpoint = (command: TouchpointCommand, state: TouchpointState, context: CommandContext): TouchpointEvent[] => {
  switch (command.type) {
    case 'RecordTouchpoint':
      return record(command, state, context);
    default:
      // One command so far: TypeScript narrows its type tag, not a one-member union.
      return assertNever(command.type);
  }
};
