import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

// The PMO's support to people and other PMOs on the assistance spectrum. An engagement's stream
// is `supportengagement-<id>` and holds its sessions; a person's qualifications are one stream
// per person (`qualification-<id derived from the person>`); the erasure of a supported person's
// data is one stream per person (`supportedperson-<id derived from the person>`).

/** TRAINER: "do it this way"; MENTOR: "this is how I would approach it"; COACH: "what can you do to improve?"; COUNSELLOR: beyond project matters. */
export const ASSISTANCE_MODES = ['TRAINER', 'MENTOR', 'COACH', 'COUNSELLOR'] as const;
export type AssistanceMode = (typeof ASSISTANCE_MODES)[number];

export const QUALIFICATION_KINDS = ['COACH', 'COUNSELLOR'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const SUPPORT_STATUSES = ['OPEN', 'CLOSED'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

export const SUPPORT_OUTCOMES = ['GOALS_MET', 'PARTLY_MET', 'NOT_MET', 'REFERRED', 'WITHDRAWN'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export type SupportEngagementOpened = DomainEvent<
  'SupportEngagementOpened',
  {
    readonly engagementId: string;
    readonly pmoId: string;
    readonly supporter: string;
    /** The person supported (personal data, sealed under `subject`); null when a PMO is supported. */
    readonly supportedPerson: string | null;
    readonly supportedPmoId: string | null;
    /**
     * Whose personal data the engagement's text is: `supported:<uuid>` derived from the supported
     * person, or `supportedpmo:<pmoId>` for a PMO (never erased). Neither can be a contact's id.
     */
    readonly subject: string;
    readonly topic: string;
    readonly requestedAs: AssistanceMode;
    readonly goals: readonly string[];
    readonly willingToChange: boolean;
    readonly startedOn: LocalDate;
    readonly agreedUntil: LocalDate;
  }
>;

/** A new version of the agreement: every field as it stands after it, and why it changed. */
export type SupportEngagementRenegotiated = DomainEvent<
  'SupportEngagementRenegotiated',
  {
    readonly engagementId: string;
    readonly goals: readonly string[];
    readonly agreedUntil: LocalDate;
    readonly willingToChange: boolean;
    readonly reason: string;
  }
>;

export type SupportSessionRecorded = DomainEvent<
  'SupportSessionRecorded',
  {
    readonly engagementId: string;
    /** The engagement's subject, copied so the notes' rule reads whose they are from this event alone. */
    readonly subject: string;
    readonly heldOn: LocalDate;
    readonly hours: number;
    readonly mode: AssistanceMode;
    readonly supporter: string;
    /** Sealed under `subject`; for a COUNSELLOR session shown to the supporter alone. */
    readonly notes: string | null;
    /** The supporter's work entry that logs the hours, when an activity was named. */
    readonly workEntryId: string | null;
  }
>;

export type SupportEngagementClosed = DomainEvent<
  'SupportEngagementClosed',
  {
    readonly engagementId: string;
    readonly outcome: SupportOutcome;
    readonly closedOn: LocalDate;
    readonly reason: string;
  }
>;

export type SupportEngagementEvent = SupportEngagementOpened | SupportEngagementRenegotiated | SupportSessionRecorded | SupportEngagementClosed;

export const SUPPORT_ENGAGEMENT_EVENT_TYPES = [
  'SupportEngagementOpened',
  'SupportEngagementRenegotiated',
  'SupportSessionRecorded',
  'SupportEngagementClosed',
] as const satisfies readonly SupportEngagementEvent['type'][];

export type QualificationRecorded = DomainEvent<
  'QualificationRecorded',
  {
    /** The id of the person's qualifications stream. */
    readonly holderId: string;
    readonly person: string;
    readonly kind: QualificationKind;
    readonly issuer: string;
    readonly validFrom: LocalDate;
    readonly validUntil: LocalDate | null;
  }
>;

export type QualificationEvent = QualificationRecorded;
export const QUALIFICATION_EVENT_TYPES = ['QualificationRecorded'] as const satisfies readonly QualificationEvent['type'][];

/** A supported person's personal data was erased: the key of `subject` is destroyed everywhere. */
export type SupportedPersonDataErased = DomainEvent<
  'SupportedPersonDataErased',
  {
    readonly supportedPersonId: string;
    readonly subject: string;
  }
>;

export type SupportedPersonEvent = SupportedPersonDataErased;
export const SUPPORTED_PERSON_EVENT_TYPES = ['SupportedPersonDataErased'] as const satisfies readonly SupportedPersonEvent['type'][];
