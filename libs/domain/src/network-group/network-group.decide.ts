import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, localDate, oneOf, requiredText } from '../shared/input';
import { distinctIds, notInFuture } from '../network/network.rules';
import type { AddNetworkGroupMember, FormNetworkGroup, NetworkGroupCommand, ReviseNetworkGroup } from './network-group.commands';
import {
  CONNECTION_KINDS,
  NETWORK_GROUP_KINDS,
  TOUCHPOINT_VEHICLES,
  type NetworkGroupEvent,
  type NetworkGroupRevised,
  type TouchpointVehicle,
} from './network-group.events';
import type { FormedNetworkGroup, NetworkGroupState } from './network-group.state';

/** A cadence longer than a year is no cadence: the group is not being managed. */
export const CADENCE_DAYS_MAX = 366;

const cadenceOf = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > CADENCE_DAYS_MAX) {
    throw badInput('cadenceDays', `cadenceDays must be a whole number of days from 1 to ${CADENCE_DAYS_MAX}`);
  }
  return value;
};

/** The vehicles to reach a group through: at least one, each once. */
const vehiclesOf = (value: unknown): readonly TouchpointVehicle[] => {
  if (!Array.isArray(value) || value.length === 0) throw badInput('vehicles', 'vehicles must name at least one vehicle');
  const vehicles = value.map((vehicle) => oneOf('vehicles', vehicle, TOUCHPOINT_VEHICLES));
  distinctIds('vehicles', vehicles);
  return vehicles;
};

const formed = (state: NetworkGroupState, groupId: string): FormedNetworkGroup => {
  if (state.status === 'NONE') throw new DomainError('NETWORK_GROUP_NOT_FOUND', `group ${groupId} does not exist`, 'groupId');
  return state;
};

const form = (command: FormNetworkGroup, state: NetworkGroupState, context: CommandContext): NetworkGroupEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('NETWORK_GROUP_ALREADY_EXISTS', `group ${command.groupId} already exists`, 'groupId');
  const kind = oneOf('kind', command.kind, NETWORK_GROUP_KINDS);
  const name = requiredText('name', command.name, NAME_MAX);
  const connection = oneOf('connection', command.connection, CONNECTION_KINDS);
  const cadenceDays = cadenceOf(command.cadenceDays);
  const vehicles = vehiclesOf(command.vehicles);
  const formedOn = notInFuture('formedOn', localDate('formedOn', command.formedOn), context.today);
  return [{ type: 'NetworkGroupFormed', data: { groupId: command.groupId, pmoId: command.pmoId, kind, name, connection, cadenceDays, vehicles, formedOn } }];
};

const sameVehicles = (a: readonly TouchpointVehicle[], b: readonly TouchpointVehicle[]): boolean =>
  a.length === b.length && a.every((vehicle, i) => vehicle === b[i]);

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** Records the fields that change; a revision that changes nothing is refused, like other corrections. */
const revise = (command: ReviseNetworkGroup, state: NetworkGroupState): NetworkGroupEvent[] => {
  const group = formed(state, command.groupId);
  const changes: { -readonly [K in keyof NetworkGroupRevised['data']]: NetworkGroupRevised['data'][K] } = { groupId: group.groupId };
  if (given(command.name)) {
    const name = requiredText('name', command.name, NAME_MAX);
    if (name !== group.name) changes.name = name;
  }
  if (given(command.connection)) {
    const connection = oneOf('connection', command.connection, CONNECTION_KINDS);
    if (connection !== group.connection) changes.connection = connection;
  }
  if (given(command.cadenceDays)) {
    const cadenceDays = cadenceOf(command.cadenceDays);
    if (cadenceDays !== group.cadenceDays) changes.cadenceDays = cadenceDays;
  }
  if (given(command.vehicles)) {
    const vehicles = vehiclesOf(command.vehicles);
    if (!sameVehicles(vehicles, group.vehicles)) changes.vehicles = vehicles;
  }
  if (Object.keys(changes).length === 1) throw badInput('input', 'nothing to change: give a new name, connection, cadenceDays or vehicles');
  return [{ type: 'NetworkGroupRevised', data: changes }];
};

// An erased contact may still join: membership says nothing about the person, only that the PMO
// keeps in touch with them through this group.
const addMember = (command: AddNetworkGroupMember, state: NetworkGroupState): NetworkGroupEvent[] => {
  const group = formed(state, command.groupId);
  const { contact } = command;
  if (contact.pmoId !== group.pmoId) {
    throw new DomainError('CONTACT_OF_ANOTHER_PMO', `contact ${contact.contactId} belongs to another PMO than group ${group.groupId}`, 'contactId');
  }
  if (group.memberIds.includes(contact.contactId)) {
    throw new DomainError('NETWORK_GROUP_MEMBER_ALREADY', `contact ${contact.contactId} is already a member of group ${group.groupId}`, 'contactId');
  }
  return [{ type: 'NetworkGroupMemberAdded', data: { groupId: group.groupId, contactId: contact.contactId } }];
};

export const decideNetworkGroup = (command: NetworkGroupCommand, state: NetworkGroupState, context: CommandContext): NetworkGroupEvent[] => {
  switch (command.type) {
    case 'FormNetworkGroup':
      return form(command, state, context);
    case 'ReviseNetworkGroup':
      return revise(command, state);
    case 'AddNetworkGroupMember':
      return addMember(command, state);
    case 'RemoveNetworkGroupMember': {
      const group = formed(state, command.groupId);
      if (!group.memberIds.includes(command.contactId)) {
        throw new DomainError('NETWORK_GROUP_NOT_A_MEMBER', `contact ${command.contactId} is not a member of group ${group.groupId}`, 'contactId');
      }
      return [{ type: 'NetworkGroupMemberRemoved', data: { groupId: group.groupId, contactId: command.contactId } }];
    }
    default:
      return assertNever(command);
  }
};
