import { ROLES, type Role } from '@throughline/runtime';

/**
 * How far a role's permission reaches:
 * - `everywhere`: every PMO;
 * - `own-pmos`: only the PMOs listed in the caller's token;
 * - `own-pmos-self`: only those PMOs, and only when the work, objective or activity is the
 *   caller's own (the person, the owner or the one responsible is the token's subject).
 */
export type Reach = 'everywhere' | 'own-pmos' | 'own-pmos-self';

export interface PermissionRule {
  /** What the permission lets one do, as the README's table says it. */
  readonly capability: string;
  /** For `own-pmos-self`: whose things, in the table's words. */
  readonly self?: string;
  readonly grants: Readonly<Partial<Record<Role, Reach>>>;
}

const READ_ALL: PermissionRule['grants'] = {
  ADMIN: 'everywhere',
  LEADERSHIP: 'everywhere',
  PMO_HEAD: 'everywhere',
  MEMBER: 'everywhere',
  AUDITOR: 'everywhere',
};

/** Auditors and leadership see every PMO's record; a PMO head sees the record of their PMOs. */
const RECORD_OF_OWN_PMOS: PermissionRule['grants'] = {
  ADMIN: 'everywhere',
  LEADERSHIP: 'everywhere',
  PMO_HEAD: 'own-pmos',
  AUDITOR: 'everywhere',
};

/**
 * Who may do what: the one table every GraphQL operation and the export endpoint are checked
 * against (each resolver method and route declares which it needs with @Requires). A role missing from a
 * rule has no part of it. The README shows this table as it is.
 */
export const PERMISSIONS = {
  'pmo.manage': {
    capability: 'establish, rename and merge PMOs, assign their heads',
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere' },
  },
  'mandate.issue': {
    capability: 'issue or replace a mandate',
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere' },
  },
  'objective.manage': {
    capability: 'define, revise and close objectives',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'objective.progress': {
    capability: 'record progress on an objective',
    self: 'objectives they own',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos-self' },
  },
  'plan.edit': {
    capability: 'draft business plans and open new versions',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'plan.submit': {
    capability: 'submit a business plan for approval',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'plan.review': {
    capability: 'approve or return (with a reason) a submitted plan, never one they submitted',
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere' },
  },
  'activity.manage': {
    capability: 'plan, link, unlink, reschedule, reassign and cancel activities',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'activity.complete': {
    capability: 'complete an activity',
    self: 'activities they are responsible for',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos-self' },
  },
  'work.record': {
    capability: 'log, correct and retract work',
    self: 'their own work',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos-self' },
  },
  'feedback.raise': {
    capability: 'raise feedback from a PMO to a PMO above it',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'feedback.resolve': {
    capability: 'resolve feedback sent to a PMO, once, with an outcome',
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'standard.manage': {
    capability: 'publish, revise and retire standards (in the publishing PMO)',
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'standard.adopt': {
    capability: 'adopt a version of a standard, request or withdraw a deviation (in the adopting PMO)',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'standard.leeway': {
    capability: 'let a child PMO keep an earlier version of a standard (in its parent PMO)',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'deviation.decide': {
    capability: "approve or reject a deviation (in the standard's publisher PMO), never one they asked for",
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'catalogue.manage': {
    capability: 'declare and retire the services a PMO offers and the tools it uses',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'template.publish': {
    capability: "publish a business plan of their PMO as a shared template (drafting from one is `plan.edit` on the drafting PMO)",
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'network.manage': {
    capability: "add, update, assess and end contacts, form and revise network groups and their members, record touchpoints (in the PMO whose network it is)",
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos' },
  },
  'insight.record': {
    capability: 'join and leave communities, record contributions to them, record insights heard outside (in the PMO that takes part)',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos' },
  },
  'insight.decide': {
    capability: 'decide to adopt, adapt, park or reject an insight, with a reason (in its PMO)',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'personal-data.erase': {
    capability: "erase a contact's personal data everywhere, always with a reason",
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'qualification.record': {
    capability: 'record that a person holds a COACH or COUNSELLOR qualification (a person’s, in every PMO)',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'everywhere' },
  },
  'support.manage': {
    capability: 'open, renegotiate and close support engagements (in the PMO giving the support)',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos' },
  },
  'support.session': {
    capability: 'record a support session (and log its hours as the supporter’s work)',
    self: 'engagements they are the supporter of',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos-self' },
  },
  'support.erase': {
    capability: "erase a supported person's data (the person on engagements, every session's notes), always with a reason",
    grants: { ADMIN: 'everywhere' },
  },
  'records.read': {
    capability: 'read PMOs, mandates, objectives, plans, activities and alignment, and follow objectives live (`objectiveChanged`)',
    grants: READ_ALL,
  },
  'organisation.read': {
    capability: 'read standards, deviations, compliance, feedback, catalogues and templates',
    grants: READ_ALL,
  },
  'network.read': {
    capability: "read a PMO's network: contacts, groups, touchpoints, its health and its map",
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos', AUDITOR: 'everywhere' },
  },
  'qualification.read': {
    capability: 'read who holds which qualification',
    grants: READ_ALL,
  },
  'support.read': {
    capability: "read a PMO's support engagements, sessions and assistance report (never COUNSELLOR notes but one's own)",
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos', AUDITOR: 'everywhere' },
  },
  'insight.read': {
    capability: "read a PMO's communities, insights and its insight funnel",
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos', AUDITOR: 'everywhere' },
  },
  'personal-data.read': {
    capability: 'read everything held about one contact, for a subject access request',
    grants: { ADMIN: 'everywhere', PMO_HEAD: 'own-pmos' },
  },
  'work.read': {
    capability: 'read work entries and purpose chains',
    self: 'their own work',
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'everywhere', MEMBER: 'own-pmos-self', AUDITOR: 'everywhere' },
  },
  'organisation.summary': {
    capability: "read the organisation's summary: a row per PMO with its objectives, work, compliance, network, deviations and feedback on a day",
    grants: { ADMIN: 'everywhere', LEADERSHIP: 'everywhere', PMO_HEAD: 'own-pmos', MEMBER: 'own-pmos', AUDITOR: 'everywhere' },
  },
  'viewer.read': {
    capability: 'read who one is: the subject, roles and PMOs of one’s own token',
    grants: READ_ALL,
  },
  'audit.read': {
    capability: 'read the history of an entity and the audit log, and follow it live (`eventRecorded`)',
    grants: RECORD_OF_OWN_PMOS,
  },
  'audit.export': {
    capability: 'export the audit log',
    grants: RECORD_OF_OWN_PMOS,
  },
  'integrity.verify': {
    capability: 'verify the integrity of the record',
    grants: RECORD_OF_OWN_PMOS,
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export const ruleOf = (permission: Permission): PermissionRule => PERMISSIONS[permission];

const REACH_WORDS: Record<Exclude<Reach, 'own-pmos-self'>, string> = { everywhere: 'every PMO', 'own-pmos': 'their PMOs' };

/** The permission table as the README shows it: one row per permission, one column per role. */
export function permissionTable(): string {
  const header = `| permission | what it allows | ${ROLES.join(' | ')} |`;
  const rule = `| --- | --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = (Object.entries(PERMISSIONS) as [Permission, PermissionRule][]).map(([permission, { capability, self, grants }]) => {
    const cells = ROLES.map((role) => {
      const reach = grants[role];
      if (!reach) return '—';
      return reach === 'own-pmos-self' ? `${self ?? 'their own'}, in their PMOs` : REACH_WORDS[reach];
    });
    return `| \`${permission}\` | ${capability} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
