import { type Principal, AuthenticationError } from '@throughline/runtime';
import { can } from '../auth/authorize';
import type { Permission } from '../auth/permissions';

/** The permission to read the audit trail: auditLog and history declare it, live updates hold every event to it. */
export const AUDIT_READ: Permission = 'audit.read';

/**
 * Who may read the audit trail (integrity reports, exports), of one PMO or of all (`pmoId` null).
 * Every authenticated caller, for now: each entry point calls this once, so a rule by role or by
 * PMO takes effect everywhere by changing this function alone.
 */
export function authorizeAuditRead(principal: Principal | undefined, _pmoId: string | null): asserts principal is Principal {
  if (!principal) throw new AuthenticationError('authentication required');
}

/**
 * Whether the caller may read an event of the audit log that belongs to `pmoId` (null: to no PMO,
 * as a person's day): exactly when auditLog would list it to them with `filter: { pmoId }` (or,
 * for null, unfiltered), the check auditLog's @Requires makes.
 */
export const mayReadAuditOf = (principal: Principal, pmoId: string | null): boolean => can(principal, AUDIT_READ, { pmoId });
