import { derivedUuid } from '../network/derived-ids';

/** A person as the domain stores people: trimmed. */
export const personKey = (person: string): string => person.trim();

/** The stream of a person's qualifications: one per person, found from the person alone. */
export const qualificationsIdOf = (person: string): string => derivedUuid(['qualifications', personKey(person)]);

/** The stream recording the erasure of a supported person's data. */
export const supportedPersonIdOf = (person: string): string => derivedUuid(['supported-person', personKey(person)]);

/**
 * Whose personal data an engagement's text is: `supported:<uuid>` for a person (its prefix keeps
 * it apart from contact ids, which are bare uuids), `supportedpmo:<pmoId>` for a PMO.
 */
export const supportedPersonSubject = (person: string): string => `supported:${supportedPersonIdOf(person)}`;
export const supportedPmoSubject = (pmoId: string): string => `supportedpmo:${pmoId.toLowerCase()}`;

/** The work entry that logs a session's hours: the same for every retry of the command. */
export const sessionWorkEntryId = (engagementId: string, sessionKey: string): string => derivedUuid(['support-session-work', engagementId, sessionKey]);
