import type { LocalDate } from '../shared/local-date';
import type { NetworkGroupSnapshot } from '../network-group/network-group.commands';
import type { EngagementLevel, NetworkSource, RelationshipKind, Stance } from './contact.events';

/**
 * A contact as the application read it from its view, for a command of another aggregate (a
 * group's membership, a touchpoint); a contact that does not exist is CONTACT_NOT_FOUND there.
 */
export interface ContactSnapshot {
  readonly contactId: string;
  readonly pmoId: string;
  readonly knownSince: LocalDate;
  /** Whether the person's data was erased. */
  readonly erased: boolean;
}

export interface AddContact {
  readonly type: 'AddContact';
  readonly contactId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly name: string;
  readonly organisation: string | null;
  readonly role: string | null;
  readonly source: NetworkSource;
  readonly relationship: RelationshipKind;
  /** The application puts today here when the client gave no day. */
  readonly knownSince: LocalDate;
  /** The groups to put the contact in, as read; the application adds the membership on each group's stream. */
  readonly groups: readonly NetworkGroupSnapshot[];
}

/**
 * An omitted field is kept. `name` and `source` cannot be cleared, so null keeps them too;
 * `organisation` and `role` given as null are cleared.
 */
export interface UpdateContact {
  readonly type: 'UpdateContact';
  readonly contactId: string;
  readonly name?: string | null;
  readonly organisation?: string | null;
  readonly role?: string | null;
  readonly source?: NetworkSource | null;
}

export interface AssessContact {
  readonly type: 'AssessContact';
  readonly contactId: string;
  readonly stance: Stance;
  readonly engagement: EngagementLevel;
  readonly desiredEngagement: EngagementLevel;
  readonly assessedOn: LocalDate;
  readonly reason: string | null;
}

/** Why goes into the event's metadata.reason: the application requires it. */
export interface EndContactRelationship {
  readonly type: 'EndContactRelationship';
  readonly contactId: string;
  readonly endedOn: LocalDate;
}

/** Why goes into the event's metadata.reason: the application requires it. */
export interface EraseContactPersonalData {
  readonly type: 'EraseContactPersonalData';
  readonly contactId: string;
}

export type ContactCommand = AddContact | UpdateContact | AssessContact | EndContactRelationship | EraseContactPersonalData;
