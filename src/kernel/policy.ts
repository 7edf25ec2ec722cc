import type { Actor, RoleCode } from './actor.ts';
import { AppError } from './errors.ts';

/**
 * Role → permission grants, contributed by each module at start-up. A permission is a
 * verb-first string such as `user.manage`; object-level rules (scope, ownership, state) live
 * in each module's policy file and build on `hasPermission`.
 */
const grants = new Map<RoleCode, Set<string>>();

export const grantPermissions = (table: Partial<Record<RoleCode, readonly string[]>>): void => {
  for (const [role, perms] of Object.entries(table) as [RoleCode, readonly string[]][]) {
    const set = grants.get(role) ?? new Set<string>();
    for (const p of perms) set.add(p);
    grants.set(role, set);
  }
};

export const permissionsOf = (roles: readonly RoleCode[]): string[] => {
  const out = new Set<string>();
  for (const r of roles) for (const p of grants.get(r) ?? []) out.add(p);
  return [...out].sort();
};

export const hasPermission = (actor: Actor, permission: string): boolean => actor.kind === 'system' || actor.roles.some((r) => grants.get(r)?.has(permission));

export const requirePermission = (actor: Actor, permission: string): void => {
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN', [{ issue: 'missing_permission', message: permission }]);
};

/**
 * An object policy: named checks over (actor, object). `allowedActions` tells the UI which
 * buttons to show; `authorize` enforces the same rule on the server.
 */
export type Policy<T> = Record<string, (actor: Actor, obj: T) => boolean>;

export const allowedActions = <T>(policy: Policy<T>, actor: Actor, obj: T): string[] =>
  Object.entries(policy)
    .filter(([, rule]) => rule(actor, obj))
    .map(([name]) => name);

export const authorize = <T>(policy: Policy<T>, action: keyof Policy<T> & string, actor: Actor, obj: T): void => {
  const rule = policy[action];
  if (!rule?.(actor, obj)) throw new AppError('FORBIDDEN', [{ issue: 'policy_denied', message: action }]);
};
