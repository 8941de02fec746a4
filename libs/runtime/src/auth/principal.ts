export const ROLES = ['ADMIN', 'LEADERSHIP', 'PMO_HEAD', 'MEMBER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller. `subject` is the actor on record, whatever an input claims. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** PMOs a scoped role (PMO_SCOPED_ROLES) applies to. */
  readonly pmoIds: readonly string[];
}

/** Roles that reach only the PMOs a token names: a token with one of them and no PMO can do nothing. */
export const PMO_SCOPED_ROLES: readonly Role[] = ['PMO_HEAD', 'MEMBER'];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
