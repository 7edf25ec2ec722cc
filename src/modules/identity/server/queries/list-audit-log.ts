import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { escapeLike, inScope } from '../../../../platform/scope.ts';
import type { ZAuditQuery } from '../../contract.ts';
import { IDENTITY_PERMISSIONS } from '../policy.ts';

/**
 * The audit trail, newest first. Diffs were redacted when written; nothing here unmasks them.
 * Scoped like every other list: an auditor sees what was done by people acting in their org
 * subtree, and by people acting from the orgs above it (a head-office administrator managing this
 * branch's users). Sibling branches stay invisible. Records with no org (integrations, the system
 * itself) belong to the root's auditors.
 */
export const listAuditLog = async (db: Db, actor: Actor, q: z.infer<typeof ZAuditQuery>) => {
  requirePermission(actor, IDENTITY_PERMISSIONS.auditRead);
  const atRoot = actor.orgPath.split('/').filter(Boolean).length <= 1;
  let base = db.selectFrom('audit_log');
  if (!atRoot) {
    const ancestors = actor.orgPath.split('/').filter(Boolean);
    base = base.where(
      'org_id',
      'in',
      db
        .selectFrom('orgs')
        .select('id')
        .where((eb) => eb.or([inScope(actor, 'path')(eb), eb('id', 'in', ancestors)])),
    );
  }
  if (q.action) base = base.where('action', 'like', `${escapeLike(q.action)}%`);
  if (q.actor) base = base.where('actor_name', 'ilike', `%${escapeLike(q.actor)}%`);
  if (q.targetType) base = base.where('target_type', '=', q.targetType);
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      diff: r.diff,
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
};
