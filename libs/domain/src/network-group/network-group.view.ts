import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import { nextDueOn } from '../network/group-cadence';
import type { NetworkGroupEvent, NetworkGroupFormed } from './network-group.events';

/** A current member, with who added them and when. */
export interface NetworkGroupMember {
  readonly contactId: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

export interface NoNetworkGroupView {
  readonly status: 'NONE';
}

/** What the group was formed with, as revised since, and its current members. */
export interface FormedNetworkGroupView extends Stamps, Readonly<NetworkGroupFormed['data']> {
  readonly status: 'FORMED';
  readonly formedAt: string;
  readonly formedBy: string;
  /**
   * In the order they joined. Copied on a membership change: a group holds at most the PMO's
   * contacts, so the copy is bounded by them and not by the length of the stream.
   */
  readonly members: readonly NetworkGroupMember[];
}

export type NetworkGroupView = NoNetworkGroupView | FormedNetworkGroupView;

export const initialNetworkGroupView: NetworkGroupView = { status: 'NONE' };

/**
 * When the group is next due: its latest touchpoint (one naming it, or with any member), which
 * lives on the touchpoints' streams and so is given by the reader, or else its forming day, plus
 * the cadence.
 */
export const networkGroupNextDueOn = (view: FormedNetworkGroupView, lastTouchpointOn: LocalDate | null): LocalDate =>
  nextDueOn(view, lastTouchpointOn);

// Mirrors evolveNetworkGroup: an event the decider's fold would ignore changes nothing shown but
// the revision.
export const evolveNetworkGroupView = (view: NetworkGroupView, event: NetworkGroupEvent, facts: RecordedFacts): NetworkGroupView => {
  if (event.type === 'NetworkGroupFormed') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    return { status: 'FORMED', ...event.data, formedAt: facts.recordedAt, formedBy: facts.actor, members: [], ...createdBy(facts) };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'NetworkGroupRevised': {
      const { groupId: _id, ...changes } = event.data;
      return { ...touched, ...changes };
    }
    case 'NetworkGroupMemberAdded': {
      const { contactId } = event.data;
      if (view.members.some((member) => member.contactId === contactId)) return touched;
      return { ...touched, members: [...view.members, { contactId, addedAt: facts.recordedAt, addedBy: facts.actor }] };
    }
    case 'NetworkGroupMemberRemoved':
      return { ...touched, members: view.members.filter((member) => member.contactId !== event.data.contactId) };
    default:
      return assertNever(event);
  }
};

export const networkGroupView: ViewProjection<NetworkGroupEvent, NetworkGroupView> = {
  initialState: initialNetworkGroupView,
  evolve: evolveNetworkGroupView,
};
