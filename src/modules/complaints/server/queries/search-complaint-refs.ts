import type { Actor } from '../../../../kernel/actor.ts';
import { hasPermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { inScope } from '../../../../platform/scope.ts';
import { searchRank, searchWhere } from '../../../../platform/search/index.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';

export type ComplaintRef = { id: string; trackingCode: string; title: string; status: string; receivedAt: string; orgPath: string };

/**
 * Read-only references to complaints for other modules (e.g. opinion incidents linking cases):
 * scoped to the actor, no personal data. `q` is a tracking code or search words; `ids` looks
 * up known complaints. An actor without complaint.read gets nothing.
 */
export const searchComplaintRefs = async (db: Executor, actor: Actor, q: { text?: string; ids?: string[] }, limit = 20): Promise<ComplaintRef[]> => {
  if (!hasPermission(actor, COMPLAINT_PERMISSIONS.read)) return [];
  let base = db.selectFrom('complaints as c').where(inScope(actor, 'c.org_path'));
  if (q.ids) {
    if (q.ids.length === 0) return [];
    base = base.where('c.id', 'in', q.ids);
  }
  const text = q.text?.trim();
  if (text) base = /^[A-Z]{2}\d{8,}$/i.test(text) ? base.where('c.tracking_code', '=', text.toUpperCase()) : base.where(searchWhere(text, 'c'));
  const rows = await base
    .select(['c.id', 'c.tracking_code', 'c.title', 'c.status', 'c.received_at', 'c.org_path'])
    .orderBy(text && !/^[A-Z]{2}\d{8,}$/i.test(text) ? searchRank(text, 'c') : 'c.received_at', 'desc')
    .limit(Math.min(limit, 100))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    title: r.title,
    status: r.status,
    receivedAt: r.received_at.toISOString(),
    orgPath: r.org_path,
  }));
};
