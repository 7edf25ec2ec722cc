import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { escapeLike, inScope } from '../../../../platform/scope.ts';
import { searchWhere } from '../../../../platform/search/index.ts';
import { findOrg, orgNames } from '../../../identity/index.ts';
import { OPEN_STATUSES, type ZComplaintListQuery } from '../../contract.ts';
import { addDays, shanghaiDate } from '../domain/calendar.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';
import { presentSummary } from './present.ts';

/** Lists report at most this many hits exactly. */
export const COUNT_CAP = 10_000;

/** The workbench and search list: always scoped, newest first, personal data masked. */
export const listComplaints = async (deps: ModuleDeps, actor: Actor, q: z.infer<typeof ZComplaintListQuery>) => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.read);
  const today = shanghaiDate(deps.clock.now());
  let base = deps.db.selectFrom('complaints as c').where(inScope(actor, 'c.org_path'));
  if (q.view === 'mine') base = base.where('c.owner_id', '=', actor.userId).where('c.status', 'in', [...OPEN_STATUSES]);
  if (q.view === 'due_soon')
    base = base
      .where('c.status', 'in', [...OPEN_STATUSES])
      .where('c.deadline', '>=', today)
      .where('c.deadline', '<=', addDays(today, 5));
  if (q.view === 'overdue') base = base.where('c.status', 'in', [...OPEN_STATUSES]).where('c.deadline', '<', today);
  if (q.view === 'awaiting_my_acceptance') {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('complaint_requests as r')
          .select('r.id')
          .whereRef('r.complaint_id', '=', 'c.id')
          .where('r.status', '=', 'pending')
          .where('r.kind', '=', 'handover')
          .where('r.assignee_id', '=', actor.userId),
      ),
    );
  }
  if (q.status) base = base.where('c.status', 'in', Array.isArray(q.status) ? q.status : [q.status]);
  if (q.channel) base = base.where('c.channel', '=', q.channel);
  if (q.businessCategory) base = base.where('c.business_category', 'like', `${escapeLike(q.businessCategory)}%`);
  if (q.orgId) {
    const org = await findOrg(deps.db, { id: q.orgId });
    base = base.where('c.org_path', 'like', `${escapeLike(org?.path ?? '/none/')}%`);
  }
  if (q.from) base = base.where('c.received_at', '>=', new Date(`${q.from}T00:00:00+08:00`));
  if (q.to) base = base.where('c.received_at', '<', new Date(`${addDays(q.to, 1)}T00:00:00+08:00`));
  // Hybrid Chinese search over tracking code, title, facts and request (exact substring semantics).
  if (q.q) base = base.where(searchWhere(q.q, 'c'));
  // Counting every hit of a common word at a million rows costs a second; beyond the cap the
  // list says "10,000+" (totalCapped) and still pages newest-first through the top.
  const counted = await deps.db
    .selectFrom(
      base
        .select('c.id')
        .limit(COUNT_CAP + 1)
        .as('hits'),
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirst();
  const total = Math.min(Number(counted?.total ?? 0), COUNT_CAP);
  const totalCapped = Number(counted?.total ?? 0) > COUNT_CAP;
  const rows = await base
    .select([
      'c.id',
      'c.tracking_code',
      'c.channel',
      'c.status',
      'c.title',
      'c.complainant_name',
      'c.phone',
      'c.org_id',
      'c.owner_name',
      'c.business_category',
      'c.cause',
      'c.received_at',
      'c.deadline',
      'c.stage',
      'c.flags',
    ])
    .orderBy('c.received_at', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const names = await orgNames(
    deps.db,
    rows.map((r) => r.org_id),
  );
  return { total, totalCapped, items: rows.map((r) => presentSummary(r, names.get(r.org_id) ?? '')) };
};
