import type { LocalDate } from '../shared/local-date';
import type { ContactSnapshot } from '../contact/contact.commands';
import type { ConnectionKind, NetworkGroupKind, TouchpointVehicle } from './network-group.events';

/**
 * A group as the application read it from its view, for a command of another aggregate (a new
 * contact's groups, a touchpoint); a group that does not exist is NETWORK_GROUP_NOT_FOUND there.
 */
export interface NetworkGroupSnapshot {
  readonly groupId: string;
  readonly pmoId: string;
  readonly formedOn: LocalDate;
}

export interface FormNetworkGroup {
  readonly type: 'FormNetworkGroup';
  readonly groupId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly kind: NetworkGroupKind;
  readonly name: string;
  readonly connection: ConnectionKind;
  readonly cadenceDays: number;
  readonly vehicles: readonly TouchpointVehicle[];
  /** The application puts today here when the client gave no day. */
  readonly formedOn: LocalDate;
}

/**
 * An omitted (or null) field is kept. Why goes into the event's metadata.reason: the
 * application requires it.
 */
export interface ReviseNetworkGroup {
  readonly type: 'ReviseNetworkGroup';
  readonly groupId: string;
  readonly name?: string | null;
  readonly connection?: ConnectionKind | null;
  readonly cadenceDays?: number | null;
  readonly vehicles?: readonly TouchpointVehicle[] | null;
}

export interface AddNetworkGroupMember {
  readonly type: 'AddNetworkGroupMember';
  readonly groupId: string;
  /** The contact as read now. */
  readonly contact: ContactSnapshot;
}

export interface RemoveNetworkGroupMember {
  readonly type: 'RemoveNetworkGroupMember';
  readonly groupId: string;
  readonly contactId: string;
}

export type NetworkGroupCommand = FormNetworkGroup | ReviseNetworkGroup | AddNetworkGroupMember | RemoveNetworkGroupMember;
