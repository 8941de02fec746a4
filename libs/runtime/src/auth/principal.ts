export const ROLES = ['ADMIN', 'LEADERSHIP', 'PMO_HEAD', 'MEMBER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller. `subject` is the actor on record, whatever an input claims. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** PMOs a scoped role (PMO_HEAD, MEMBER) applies to. */
  readonly pmoIds: readonly string[];
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
