import type { JWTPayload } from 'jose';
import { isRole, type Principal } from './principal';

export interface ClaimNames {
  /** Claim holding the roles: a name, or a dotted path into nested objects (`realm_access.roles`). */
  readonly roles: string;
  /** Claim holding the PMO ids the scoped roles apply to. */
  readonly pmos: string;
}

/** The claims the service's own tokens carry. */
export const OWN_CLAIMS: ClaimNames = { roles: 'roles', pmos: 'pmos' };

/**
 * The claim named `path`. A claim whose own name contains dots (namespaced claims such as
 * `https://example.org/roles`) is found by its full name first; otherwise each dot steps into
 * a nested object.
 */
export function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  return path.split('.').reduce<unknown>((value, key) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    return (value as Record<string, unknown>)[key];
  }, payload);
}

/** A list of strings, or one string of space-separated values as OAuth scopes are written. */
const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/**
 * The caller a verified token stands for. Unknown role names are ignored; a token with no known
 * role, or no subject, stands for nobody the service knows. PMO ids compare in lower case, as
 * the service stores them.
 */
export function principalFromClaims(payload: JWTPayload, names: ClaimNames): Principal | null {
  const roles = [...new Set(strings(claimAt(payload, names.roles)).filter(isRole))];
  const pmoIds = [...new Set(strings(claimAt(payload, names.pmos)).map((id) => id.toLowerCase()))];
  if (!payload.sub || roles.length === 0) return null;
  return { subject: payload.sub, roles, pmoIds };
}
