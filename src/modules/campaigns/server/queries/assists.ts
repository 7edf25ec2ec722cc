import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import { inScope } from '../../../../platform/scope.ts';
import { orgNames } from '../../../identity/index.ts';
import type { TAssist } from '../../contract.ts';
import { iso } from '../campaign-store.ts';
import { CAMPAIGN_PERMISSIONS } from '../policy.ts';

/** Assistance records in scope, newest first; `open` = follow-up promised and not yet done. */
export const listAssists = async (
  db: Executor,
  actor: Actor,
  q: { open?: boolean | undefined; eventId?: string | undefined },
): Promise<{ items: TAssist[] }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  let query = db
    .selectFrom('cmp_assists as a')
    .leftJoin('cmp_events as e', 'e.id', 'a.event_id')
    .selectAll('a')
    .select('e.title as event_title')
    .where(inScope(actor, 'a.org_path'));
  if (q.open) query = query.where('a.follow_up_done_at', 'is', null).where('a.follow_up', '!=', '');
  if (q.eventId) query = query.where('a.event_id', '=', q.eventId);
  const rows = await query.orderBy('a.created_at', 'desc').limit(500).execute();
  const names = await orgNames(
    db,
    rows.map((r) => r.org_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventTitle: r.event_title,
      orgName: names.get(r.org_id) ?? '',
      customerName: r.customer_name,
      phoneMasked: r.phone ? mask('phone', r.phone) : null,
      age: r.age,
      topics: r.topics,
      explained: r.explained,
      followUp: r.follow_up,
      followUpDue: r.follow_up_due,
      followUpDone: r.follow_up_done_at !== null,
      staffName: r.staff_name,
      createdAt: iso(r.created_at),
    })),
  };
};
