import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

// A contact is one person in a PMO's network. Its stream category is `contact`
// (`contact-<contactId>`). Name, organisation, role and an assessment's reason are the person's
// data (network/personal-fields.ts): the store seals them before an event is folded or appended.

/** Where a relationship comes from; the order is the GraphQL enum's. */
export const NETWORK_SOURCES = [
  'STAKEHOLDER',
  'CUSTOMER_DELIVERY_TEAM',
  'CUSTOMER_SPONSOR',
  'TEAM_MEMBER',
  'EXTERNAL_INFLUENCER',
  'INDUSTRY_ACQUAINTANCE',
] as const;
export type NetworkSource = (typeof NETWORK_SOURCES)[number];

/**
 * INTERNAL: a lasting business relationship (HR, finance, other departments) with value both
 * ways; STAKEHOLDER: tied to a project, and ends with it.
 */
export const RELATIONSHIP_KINDS = ['INTERNAL', 'STAKEHOLDER'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** From most for the PMO to most against it. */
export const STANCES = ['CHAMPION', 'SUPPORTER', 'NEUTRAL', 'SCEPTIC', 'CRITIC'] as const;
export type Stance = (typeof STANCES)[number];

export const ENGAGEMENT_LEVELS = ['UNAWARE', 'RESISTANT', 'NEUTRAL', 'SUPPORTIVE', 'LEADING'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

export type ContactAdded = DomainEvent<
  'ContactAdded',
  {
    readonly contactId: string;
    readonly pmoId: string;
    readonly name: string;
    readonly organisation: string | null;
    readonly role: string | null;
    readonly source: NetworkSource;
    readonly relationship: RelationshipKind;
    /** The day the relationship began, which may be long before it was recorded here. */
    readonly knownSince: LocalDate;
    /**
     * The groups named when the contact was added, for the record of what was asked. Membership
     * itself is recorded on each group's stream (NetworkGroupMemberAdded), which is what counts.
     */
    readonly groupIds: readonly string[];
  }
>;

/** Only the fields that were given are present; `organisation` and `role` may become null. */
export type ContactUpdated = DomainEvent<
  'ContactUpdated',
  {
    readonly contactId: string;
    readonly name?: string;
    readonly organisation?: string | null;
    readonly role?: string | null;
    readonly source?: NetworkSource;
  }
>;

/** Where the person stood towards the PMO on a day, and how engaged they were and should be. */
export type ContactAssessed = DomainEvent<
  'ContactAssessed',
  {
    readonly contactId: string;
    readonly stance: Stance;
    readonly engagement: EngagementLevel;
    readonly desiredEngagement: EngagementLevel;
    readonly assessedOn: LocalDate;
    readonly reason: string | null;
  }
>;

/** A STAKEHOLDER relationship ended with its project; why is the event's metadata.reason. */
export type ContactRelationshipEnded = DomainEvent<'ContactRelationshipEnded', { readonly contactId: string; readonly endedOn: LocalDate }>;

/**
 * The person's data was erased: from here on no personal field of theirs can be read anywhere.
 * The facts stay (the contact, its stance, its touchpoints). Why is the event's metadata.reason.
 */
export type ContactPersonalDataErased = DomainEvent<'ContactPersonalDataErased', { readonly contactId: string }>;

export type ContactEvent = ContactAdded | ContactUpdated | ContactAssessed | ContactRelationshipEnded | ContactPersonalDataErased;

/** The persisted name of every contact event; event-types.spec.ts checks it against ContactEvent. */
export const CONTACT_EVENT_TYPES = [
  'ContactAdded',
  'ContactUpdated',
  'ContactAssessed',
  'ContactRelationshipEnded',
  'ContactPersonalDataErased',
] as const satisfies readonly ContactEvent['type'][];
