// The network's facts as a plain fold over whole histories: the reference a read model that
// supplies NetworkFacts from SQL is tested against.
import type { LocalDate } from '../shared/local-date';
import type { ContactEvent } from '../contact/contact.events';
import type { NetworkGroupEvent } from '../network-group/network-group.events';
import type { TouchpointEvent, TouchpointRecorded } from '../touchpoint/touchpoint.events';
import type { ContactHealthFacts, GroupHealthFacts, NetworkFacts, StanceFact } from './network-health';
import { windowStart } from './network-health';

/** Every event of a PMO's network, in the order the store recorded them. */
export type NetworkEvent = ContactEvent | NetworkGroupEvent | TouchpointEvent;

interface FoldedContact {
  readonly contactId: string;
  readonly facts: Omit<ContactHealthFacts, 'groupIds' | 'lastTouchpointOn' | 'assessments' | 'endedOn'>;
  endedOn: LocalDate | null;
  readonly assessments: StanceFact[];
}

interface FoldedGroup {
  readonly groupId: string;
  readonly formedOn: LocalDate;
  cadenceDays: number;
  readonly members: string[];
}

const latest = (days: readonly LocalDate[]): LocalDate | null => days.reduce<LocalDate | null>((max, day) => (max === null || day > max ? day : max), null);

/**
 * The facts networkHealth takes for day `on`, from a whole history known at some instant: every
 * contact and group with its latest touchpoint on or before `on` found in the full list of
 * touchpoints, and the touchpoints of the window. Events a decider's fold would ignore (before
 * their entity exists, or repeated) are ignored here too.
 */
export const networkFactsFrom = (history: readonly NetworkEvent[], on: LocalDate): NetworkFacts => {
  const contacts = new Map<string, FoldedContact>();
  const groups = new Map<string, FoldedGroup>();
  const touchpoints: TouchpointRecorded['data'][] = [];
  for (const event of history) {
    switch (event.type) {
      case 'ContactAdded': {
        const { contactId, knownSince, relationship } = event.data;
        if (!contacts.has(contactId)) contacts.set(contactId, { contactId, facts: { contactId, knownSince, relationship }, endedOn: null, assessments: [] });
        break;
      }
      case 'ContactAssessed':
        contacts.get(event.data.contactId)?.assessments.push({ stance: event.data.stance, assessedOn: event.data.assessedOn });
        break;
      case 'ContactRelationshipEnded': {
        const contact = contacts.get(event.data.contactId);
        if (contact && contact.endedOn === null) contact.endedOn = event.data.endedOn;
        break;
      }
      case 'NetworkGroupFormed': {
        const { groupId, formedOn, cadenceDays } = event.data;
        if (!groups.has(groupId)) groups.set(groupId, { groupId, formedOn, cadenceDays, members: [] });
        break;
      }
      case 'NetworkGroupRevised': {
        const group = groups.get(event.data.groupId);
        if (group && event.data.cadenceDays !== undefined) group.cadenceDays = event.data.cadenceDays;
        break;
      }
      case 'NetworkGroupMemberAdded': {
        const group = groups.get(event.data.groupId);
        if (group && !group.members.includes(event.data.contactId)) group.members.push(event.data.contactId);
        break;
      }
      case 'NetworkGroupMemberRemoved': {
        const group = groups.get(event.data.groupId);
        if (group && group.members.includes(event.data.contactId)) group.members.splice(group.members.indexOf(event.data.contactId), 1);
        break;
      }
      case 'TouchpointRecorded':
        touchpoints.push(event.data);
        break;
      default:
        break;
    }
  }
  const held = touchpoints.filter((touchpoint) => touchpoint.heldOn <= on);
  const from = windowStart(on);
  return {
    on,
    contacts: [...contacts.values()].map((contact) => ({
      ...contact.facts,
      endedOn: contact.endedOn,
      groupIds: [...groups.values()].filter((group) => group.members.includes(contact.contactId)).map((group) => group.groupId),
      assessments: contact.assessments,
      lastTouchpointOn: latest(held.filter((touchpoint) => touchpoint.contactIds.includes(contact.contactId)).map((touchpoint) => touchpoint.heldOn)),
    })),
    groups: [...groups.values()].map(
      (group): GroupHealthFacts => ({
        groupId: group.groupId,
        formedOn: group.formedOn,
        cadenceDays: group.cadenceDays,
        memberIds: [...group.members],
        lastTouchpointOn: latest(
          held
            .filter((t) => t.heldOn >= group.formedOn && (t.groupIds.includes(group.groupId) || t.contactIds.some((id) => group.members.includes(id))))
            .map((touchpoint) => touchpoint.heldOn),
        ),
      }),
    ),
    recentTouchpoints: held
      .filter((touchpoint) => touchpoint.heldOn >= from)
      .map(({ heldOn, vehicle, contactIds, groupIds, value }) => ({ heldOn, vehicle, contactIds, groupIds, value })),
  };
};
