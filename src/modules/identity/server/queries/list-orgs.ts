import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { inScope } from '../../../../platform/scope.ts';
import type { TOrgNode } from '../../contract.ts';
import { IDENTITY_PERMISSIONS } from '../policy.ts';

/** The org subtree the actor works in, flat and ordered by path (the UI builds the tree). */
export const listOrgs = async (db: Db, actor: Actor): Promise<TOrgNode[]> => {
  requirePermission(actor, IDENTITY_PERMISSIONS.orgRead);
  const rows = await db
    .selectFrom('orgs as o')
    .leftJoin('users as u', 'u.org_id', 'o.id')
    .select(['o.id', 'o.code', 'o.name', 'o.type', 'o.parent_id', 'o.address', 'o.path', 'o.sort'])
    .select((eb) => eb.fn.count<number>('u.id').as('user_count'))
    .where(inScope(actor, 'o.path'))
    .where('o.active', '=', true)
    .groupBy('o.id')
    .orderBy('o.path')
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  return rows
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
    .map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type,
      // The scope root shows as a root even if it has a parent outside the scope.
      parentId: r.parent_id && ids.has(r.parent_id) ? r.parent_id : null,
      address: r.address,
      userCount: Number(r.user_count),
    }));
};
