import type { RoleCode } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { permissionsOf } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import type { TMe } from '../../contract.ts';

/** The signed-in user's view of themselves: memberships, active org and effective permissions. */
export const getSessionView = async (db: Executor, userId: string, activeOrgId: string): Promise<TMe> => {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('AUTH_REQUIRED');
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.org_id', 'm.roles', 'm.is_primary', 'o.name', 'o.type'])
    .where('m.user_id', '=', userId)
    .orderBy('m.is_primary', 'desc')
    .orderBy('o.path')
    .execute();
  const views = memberships.map((m) => ({ orgId: m.org_id, orgName: m.name, orgType: m.type, roles: m.roles }));
  const active = views.find((m) => m.orgId === activeOrgId) ?? views[0];
  if (!active) throw new AppError('AUTH_REQUIRED');
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    locale: user.locale === 'en-US' ? 'en-US' : 'zh-CN',
    mustChangePassword: user.must_change_password,
    totpEnabled: user.totp_enabled,
    activeOrg: active,
    memberships: views,
    permissions: permissionsOf(active.roles as RoleCode[]),
  };
};
