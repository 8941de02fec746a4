import { assertNever } from '../shared/decider';
import type { ConnectionKind, NetworkGroupEvent, TouchpointVehicle } from './network-group.events';

/**
 * The decider's state: what a revision compares with, the current members (a membership change
 * checks them), plus `pmoId`, which permission checks and the membership rule read. Who added
 * whom and when is the view's (network-group.view.ts).
 */
export interface FormedNetworkGroup {
  readonly status: 'FORMED';
  readonly groupId: string;
  readonly pmoId: string;
  readonly name: string;
  readonly connection: ConnectionKind;
  readonly cadenceDays: number;
  readonly vehicles: readonly TouchpointVehicle[];
  /**
   * Copied on a membership change: a group holds at most the PMO's contacts, so the copy is
   * bounded by them and not by the length of the stream.
   */
  readonly memberIds: readonly string[];
}

export interface NoNetworkGroup {
  readonly status: 'NONE';
}

export type NetworkGroupState = NoNetworkGroup | FormedNetworkGroup;

export const initialNetworkGroupState: NetworkGroupState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveNetworkGroup = (state: NetworkGroupState, event: NetworkGroupEvent): NetworkGroupState => {
  if (event.type === 'NetworkGroupFormed') {
    if (state.status !== 'NONE') return state;
    const { groupId, pmoId, name, connection, cadenceDays, vehicles } = event.data;
    return { status: 'FORMED', groupId, pmoId, name, connection, cadenceDays, vehicles, memberIds: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'NetworkGroupRevised': {
      const { groupId: _id, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'NetworkGroupMemberAdded':
      if (state.memberIds.includes(event.data.contactId)) return state;
      return { ...state, memberIds: [...state.memberIds, event.data.contactId] };
    case 'NetworkGroupMemberRemoved':
      return { ...state, memberIds: state.memberIds.filter((id) => id !== event.data.contactId) };
    default:
      return assertNever(event);
  }
};
