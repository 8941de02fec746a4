import { type Principal, AuthenticationError } from '@throughline/runtime';

/**
 * Who may read the audit trail (integrity reports, exports), of one PMO or of all (`pmoId` null).
 * Every authenticated caller, for now: each entry point calls this once, so a rule by role or by
 * PMO takes effect everywhere by changing this function alone.
 */
export function authorizeAuditRead(principal: Principal | undefined, _pmoId: string | null): asserts principal is Principal {
  if (!principal) throw new AuthenticationError('authentication required');
}
