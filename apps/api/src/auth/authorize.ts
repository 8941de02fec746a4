import { ForbiddenError } from '../common/app-errors';
import { ruleOf, type Permission, type Reach } from './permissions';
import type { Principal } from '@throughline/runtime';

/** What an operation touches, as far as permissions care. */
export interface Scope {
  /** The PMO it reads or changes; null when it spans every PMO. */
  readonly pmoId: string | null;
  /**
   * The people it concerns: whose work, who owns the objective, who is responsible for the
   * activity (all of them, when a correction moves work from one person to another). Absent or
   * null: anyone's, which only a reach beyond one's own things covers.
   */
  readonly people?: readonly string[] | null;
}

/** The reaches the caller's roles give for the permission, widest first. */
const reachesOf = (principal: Principal, permission: Permission): Reach[] => {
  const { grants } = ruleOf(permission);
  const reaches = new Set(principal.roles.map((role) => grants[role]).filter((r): r is Reach => r !== undefined));
  return (['everywhere', 'own-pmos', 'own-pmos-self'] as const).filter((r) => reaches.has(r));
};

const inOwnPmo = (principal: Principal, scope: Scope): boolean => scope.pmoId !== null && principal.pmoIds.includes(scope.pmoId);

const aboutSelf = (principal: Principal, scope: Scope): boolean =>
  Array.isArray(scope.people) && scope.people.length > 0 && scope.people.every((person) => person === principal.subject);

const covers = (reach: Reach, principal: Principal, scope: Scope): boolean => {
  switch (reach) {
    case 'everywhere':
      return true;
    case 'own-pmos':
      return inOwnPmo(principal, scope);
    case 'own-pmos-self':
      return inOwnPmo(principal, scope) && aboutSelf(principal, scope);
  }
};

/** Why the widest reach the caller has falls short, for the FORBIDDEN message. */
const shortfall = (principal: Principal, permission: Permission, reaches: readonly Reach[], scope: Scope): string => {
  if (reaches.length === 0) return `no role of ${principal.subject} (${principal.roles.join(', ')}) holds it`;
  const where = scope.pmoId === null ? 'every PMO' : `PMO ${scope.pmoId}`;
  if (!inOwnPmo(principal, scope)) return `${principal.subject} holds it only in their own PMOs, and this concerns ${where}`;
  return `${principal.subject} holds it in ${where} only for ${ruleOf(permission).self ?? 'their own things'}`;
};

const refusal = (principal: Principal, permission: Permission, scope: Scope): ForbiddenError =>
  new ForbiddenError(`missing permission ${permission}: ${shortfall(principal, permission, reachesOf(principal, permission), scope)}`, permission);

/** Whether the caller may exercise the permission on the scope. */
export function can(principal: Principal, permission: Permission, scope: Scope): boolean {
  return reachesOf(principal, permission).some((reach) => covers(reach, principal, scope));
}

/**
 * The one check every operation goes through: returns when the caller's roles grant the
 * permission over the scope, throws FORBIDDEN naming the missing permission otherwise.
 */
export function authorize(principal: Principal, permission: Permission, scope: Scope): void {
  if (!can(principal, permission, scope)) throw refusal(principal, permission, scope);
}

/**
 * `authorize` for a scope that costs a lookup: the lookup runs only when the caller's roles hold
 * the permission in some PMOs but not everywhere, so a caller without the permission is refused
 * before anything about the target is read, and one who holds it everywhere reads nothing extra.
 */
export async function authorizeLazily(principal: Principal, permission: Permission, scope: () => Promise<Scope>): Promise<void> {
  const reaches = reachesOf(principal, permission);
  if (reaches.includes('everywhere')) return;
  if (reaches.length === 0) throw refusal(principal, permission, { pmoId: null });
  authorize(principal, permission, await scope());
}
