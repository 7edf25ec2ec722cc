import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor, RoleCode } from '../../../../kernel/actor.ts';
import { allowedActions, requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import { escapeLike, inScope } from '../../../../platform/scope.ts';
import type { TUserSummary, ZUserListQuery } from '../../contract.ts';
import { IDENTITY_PERMISSIONS, userPolicy } from '../policy.ts';

export const listUsers = async (db: Db, actor: Actor, q: z.infer<typeof ZUserListQuery>, now: Date) => {
  requirePermission(actor, IDENTITY_PERMISSIONS.userRead);
  let base = db
    .selectFrom('users as u')
    .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.is_primary', '=', true))
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .where(inScope(actor, 'u.org_path'));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'like', like), eb('u.employee_no', 'like', like)]));
  }
  if (q.orgId) {
    const org = await db.selectFrom('orgs').select('path').where('id', '=', q.orgId).executeTakeFirst();
    base = base.where('u.org_path', 'like', `${escapeLike(org?.path ?? '/nowhere/')}%`);
  }
  if (q.role) base = base.where(sql<boolean>`${q.role} = any(m.roles)`);

  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.employee_no',
      'u.phone',
      'u.email',
      'u.org_id',
      'u.org_path',
      'o.name as org_name',
      'm.roles',
      'u.disabled',
      'u.locked_until',
      'u.must_change_password',
      'u.last_login_at',
    ])
    .orderBy('u.org_path')
    .orderBy('u.username')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items: TUserSummary[] = rows.map((r) => {
    const locked = r.locked_until !== null && r.locked_until > now;
    const target = { id: r.id, org_path: r.org_path, roles: r.roles as RoleCode[], locked };
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      employeeNo: r.employee_no,
      phoneMasked: mask('phone', r.phone),
      emailMasked: mask('email', r.email),
      orgId: r.org_id,
      orgName: r.org_name,
      roles: r.roles as RoleCode[],
      disabled: r.disabled,
      locked,
      mustChangePassword: r.must_change_password,
      lastLoginAt: r.last_login_at?.toISOString() ?? null,
      allowedActions: allowedActions(userPolicy, actor, target),
    };
  });
  return { items, total: Number(total) };
};
