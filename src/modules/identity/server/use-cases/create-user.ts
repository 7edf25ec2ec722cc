import type { z } from 'zod';
import type { Actor, RoleCode } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { ZCreateUserRequest } from '../../contract.ts';
import type { IdentityDeps } from '../deps.ts';
import { generatePassword, hashPassword } from '../passwords.ts';
import { IDENTITY_PERMISSIONS, mayAssignRoles } from '../policy.ts';

export type CreateUserInput = z.infer<typeof ZCreateUserRequest> & {
  /** Set by the CLI and the demo seed; otherwise a password is generated. */
  password?: string;
  mustChangePassword?: boolean;
  /** Further orgs the user works in, with roles there (org switcher). */
  extraMemberships?: { orgId: string; roles: RoleCode[] }[];
};

/** Creates a staff account. A generated password must be changed at first sign-in. */
export const createUser = async (deps: IdentityDeps, actor: Actor, input: CreateUserInput) => {
  requirePermission(actor, IDENTITY_PERMISSIONS.userManage);
  if (!mayAssignRoles(actor, input.roles)) throw new AppError('FORBIDDEN', [{ field: 'body.roles', issue: 'cannot_grant_system_admin' }]);
  const orgIds = [input.orgId, ...(input.extraMemberships ?? []).map((m) => m.orgId)];
  const orgs = await deps.db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.path', 'o.type', 'p.path as parent_path'])
    .where('o.id', 'in', orgIds)
    .execute();
  const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
  // A department acts for the institution it belongs to: its members' scope is the parent's subtree.
  const scopeOf = new Map(orgs.map((o) => [o.id, o.type === 'department' && o.parent_path ? o.parent_path : o.path]));
  for (const id of orgIds) {
    const path = pathOf.get(id);
    if (!path) throw new AppError('VALIDATION_FAILED', [{ field: 'body.orgId', issue: 'unknown_org' }]);
    assertInScope(actor, { org_path: path });
  }
  const taken = await deps.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', [{ field: 'body.username', issue: 'taken' }]);

  const initialPassword = input.password ?? generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const id = newId();
  const orgPath = pathOf.get(input.orgId) as string;
  await inTransaction(deps, actor, async ({ tx, audit, emit }) => {
    const row = {
      id,
      username: input.username,
      display_name: input.displayName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      employee_no: input.employeeNo ?? null,
      org_id: input.orgId,
      org_path: orgPath,
      password_hash: passwordHash,
      must_change_password: input.mustChangePassword ?? input.password === undefined,
    };
    await tx.insertInto('users').values(row).execute();
    await tx
      .insertInto('memberships')
      .values({ user_id: id, org_id: input.orgId, org_path: scopeOf.get(input.orgId) as string, roles: input.roles, is_primary: true })
      .execute();
    for (const m of input.extraMemberships ?? []) {
      await tx
        .insertInto('memberships')
        .values({ user_id: id, org_id: m.orgId, org_path: scopeOf.get(m.orgId) as string, roles: m.roles })
        .execute();
    }
    await audit({ action: 'user.created', targetType: 'user', targetId: id, after: { ...row, roles: input.roles } });
    await emit('identity.user_created', { userId: id, orgId: input.orgId, roles: input.roles });
  });
  return { id, username: input.username, initialPassword };
};
