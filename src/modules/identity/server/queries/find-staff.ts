import { sql } from 'kysely';
import type { RoleCode } from '../../../../kernel/actor.ts';
import type { Executor } from '../../../../platform/db/schema.ts';

export type StaffMember = { id: string; username: string; displayName: string; orgId: string; orgPath: string; scopePath: string };

/**
 * Active staff with a role whose scope covers an org (their membership path is a prefix of it).
 * Other modules use this for routing and recusal instead of reading identity's tables.
 */
export const findStaffCovering = async (db: Executor, orgPath: string, role: RoleCode): Promise<StaffMember[]> => {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'u.org_path', 'm.org_path as scope_path'])
    .where('u.disabled', '=', false)
    .where(sql<boolean>`${role} = any(m.roles)`)
    .where(sql<boolean>`${orgPath} like m.org_path || '%'`)
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, orgId: r.org_id, orgPath: r.org_path, scopePath: r.scope_path }));
};

export type OrgRef = { id: string; code: string; name: string; path: string; type: string };

export const findOrg = async (db: Executor, by: { id?: string; code?: string }): Promise<OrgRef | null> => {
  let q = db.selectFrom('orgs').select(['id', 'code', 'name', 'path', 'type']);
  if (by.id) q = q.where('id', '=', by.id);
  else if (by.code) q = q.where('code', '=', by.code);
  else return null;
  return (await q.executeTakeFirst()) ?? null;
};

export const orgNames = async (db: Executor, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
};

export const userDisplayName = async (db: Executor, id: string): Promise<string | null> =>
  (await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst())?.display_name ?? null;

export const listOrgRefs = async (db: Executor, type?: string): Promise<OrgRef[]> => {
  let q = db.selectFrom('orgs').select(['id', 'code', 'name', 'path', 'type']).where('active', '=', true);
  if (type) q = q.where('type', '=', type as never);
  return q.orderBy('code').execute();
};
