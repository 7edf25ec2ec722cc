import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { hasPermission, type Policy } from '../../../kernel/policy.ts';
import { isPathInScope } from '../../../platform/scope.ts';

export const IDENTITY_PERMISSIONS = {
  orgRead: 'org.read',
  userRead: 'user.read',
  userManage: 'user.manage',
  piiReveal: 'pii.reveal',
  auditRead: 'audit.read',
  cockpitRead: 'cockpit.read',
} as const;

const P = IDENTITY_PERMISSIONS;

/** What each role may do in identity and administration (other modules add their own grants). */
export const identityGrants: Partial<Record<RoleCode, readonly string[]>> = {
  system_admin: [P.orgRead, P.userRead, P.userManage, P.piiReveal, P.auditRead, P.cockpitRead],
  cp_admin: [P.orgRead, P.userRead, P.userManage, P.piiReveal, P.cockpitRead],
  complaint_handler: [P.orgRead, P.piiReveal],
  frontline_staff: [P.orgRead],
  inspector: [P.orgRead, P.userRead, P.cockpitRead],
  leadership: [P.orgRead, P.userRead, P.cockpitRead],
  auditor: [P.orgRead, P.userRead, P.auditRead],
};

export type UserPolicyTarget = { id: string; org_path: string; roles: readonly RoleCode[]; locked: boolean };

const manages = (actor: Actor, u: UserPolicyTarget) =>
  hasPermission(actor, P.userManage) &&
  isPathInScope(actor, u.org_path) &&
  // Only a system admin may administer system admins.
  (!u.roles.includes('system_admin') || actor.roles.includes('system_admin') || actor.kind === 'system');

export const userPolicy: Policy<UserPolicyTarget> = {
  view: (actor, u) => hasPermission(actor, P.userRead) && isPathInScope(actor, u.org_path),
  reveal: (actor, u) => hasPermission(actor, P.piiReveal) && isPathInScope(actor, u.org_path),
  manage: (actor, u) => manages(actor, u) && actor.userId !== u.id,
  unlock: (actor, u) => manages(actor, u) && u.locked,
};

/** Roles an actor may hand out: nobody grants what they could not do themselves. */
export const mayAssignRoles = (actor: Actor, roles: readonly RoleCode[]): boolean =>
  actor.kind === 'system' || actor.roles.includes('system_admin') || !roles.includes('system_admin');
