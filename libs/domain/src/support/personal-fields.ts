import type { TypedPersonalFieldRules } from '../network/personal-fields';

/**
 * Support's personal data. The supported person's name on an engagement and the notes of every
 * session are sealed under the engagement's subject (`supported:<uuid>` derived from the person,
 * or `supportedpmo:<pmoId>` for a PMO, which is never erased): erasing the supported person makes
 * both unreadable everywhere.
 */
export const SUPPORT_PERSONAL_FIELDS = {
  SupportEngagementOpened: { subjects: (data) => [data.subject], fields: ['supportedPerson'] },
  SupportSessionRecorded: { subjects: (data) => [data.subject], fields: ['notes'] },
} as const satisfies TypedPersonalFieldRules;

/**
 * Fields no auditor reads, whoever asks (history, audit log, export): a COUNSELLOR session's notes
 * are the supporter's alone. They are shown null and named among the erased fields.
 */
export const CONFIDENTIAL_FIELDS: Readonly<Record<string, (data: Readonly<Record<string, unknown>>) => readonly string[]>> = {
  SupportSessionRecorded: (data) => (data['mode'] === 'COUNSELLOR' ? ['notes'] : []),
};
