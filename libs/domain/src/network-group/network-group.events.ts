import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

// A group the PMO manages part of its network in. Its stream category is `networkgroup`
// (`networkgroup-<groupId>`); its stream also records who belongs to it.

/** The groups a PMO manages its network in; the order is the GraphQL enum's. */
export const NETWORK_GROUP_KINDS = ['DELIVERY_TEAMS_AND_MANAGERS', 'SENIOR_LEADERSHIP', 'WIDER_BUSINESS', 'EXTERNAL_INFLUENCE', 'OTHER'] as const;
export type NetworkGroupKind = (typeof NETWORK_GROUP_KINDS)[number];

export const CONNECTION_KINDS = ['OPERATIONAL', 'PERSONAL', 'STRATEGIC'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** How the PMO is in touch: a group's chosen vehicles, and the vehicle of each touchpoint. */
export const TOUCHPOINT_VEHICLES = [
  'NEWSLETTER',
  'STEERING_MEETING',
  'ONE_TO_ONE',
  'COMMUNITY_OF_PRACTICE',
  'TRAINING',
  'SHADOWING',
  'WORKSHOP',
  'REPORT',
  'SOCIAL_MEDIA',
  'BLOG_POST',
  'EVENT',
  'OTHER',
] as const;
export type TouchpointVehicle = (typeof TOUCHPOINT_VEHICLES)[number];

export type NetworkGroupFormed = DomainEvent<
  'NetworkGroupFormed',
  {
    readonly groupId: string;
    readonly pmoId: string;
    readonly kind: NetworkGroupKind;
    readonly name: string;
    readonly connection: ConnectionKind;
    /** How often the PMO means to be in touch with the group, in days (1..366). */
    readonly cadenceDays: number;
    /** The vehicles the PMO means to reach the group through: at least one, each once. */
    readonly vehicles: readonly TouchpointVehicle[];
    readonly formedOn: LocalDate;
  }
>;

/** Only the fields that changed are present; why is the event's metadata.reason. */
export type NetworkGroupRevised = DomainEvent<
  'NetworkGroupRevised',
  {
    readonly groupId: string;
    readonly name?: string;
    readonly connection?: ConnectionKind;
    readonly cadenceDays?: number;
    readonly vehicles?: readonly TouchpointVehicle[];
  }
>;

export type NetworkGroupMemberAdded = DomainEvent<'NetworkGroupMemberAdded', { readonly groupId: string; readonly contactId: string }>;

export type NetworkGroupMemberRemoved = DomainEvent<'NetworkGroupMemberRemoved', { readonly groupId: string; readonly contactId: string }>;

export type NetworkGroupEvent = NetworkGroupFormed | NetworkGroupRevised | NetworkGroupMemberAdded | NetworkGroupMemberRemoved;

/** The persisted name of every group event; event-types.spec.ts checks it against NetworkGroupEvent. */
export const NETWORK_GROUP_EVENT_TYPES = [
  'NetworkGroupFormed',
  'NetworkGroupRevised',
  'NetworkGroupMemberAdded',
  'NetworkGroupMemberRemoved',
] as const satisfies readonly NetworkGroupEvent['type'][];
