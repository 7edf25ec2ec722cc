import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { addDays } from '../domain/calendar.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';

/** Counts by JR/T 0169 business category, cause, channel, status and month, and SLA compliance, in the actor's scope. */
export const getComplaintStats = async (deps: ModuleDeps, actor: Actor, q: { from?: string | undefined; to?: string | undefined }) => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.stats);
  let base = deps.db.selectFrom('complaints as c').where(inScope(actor, 'c.org_path')).where('c.status', '!=', 'merged');
  if (q.from) base = base.where('c.received_at', '>=', new Date(`${q.from}T00:00:00+08:00`));
  if (q.to) base = base.where('c.received_at', '<', new Date(`${addDays(q.to, 1)}T00:00:00+08:00`));
  const by = async (col: 'c.business_category' | 'c.cause' | 'c.channel' | 'c.status') =>
    (
      await base
        .select([sql<string>`coalesce(${sql.ref(col)}, 'uncoded')`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(col)
        .orderBy('n', 'desc')
        .execute()
    ).map((r) => ({ key: r.key, count: Number(r.n) }));
  const months = await base
    .select([sql<string>`to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY-MM')`.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('month')
    .orderBy('month')
    .execute();
  const sla = await base
    .innerJoin('complaint_notices as n', (j) => j.onRef('n.complaint_id', '=', 'c.id').on('n.kind', '=', 'decision'))
    .select([(eb) => eb.fn.countAll<number>().as('decided'), sql<number>`count(*) filter (where n.in_time)`.as('in_time')])
    .executeTakeFirst();
  const decided = Number(sla?.decided ?? 0);
  return {
    byBusinessCategory: await by('c.business_category'),
    byCause: await by('c.cause'),
    byChannel: await by('c.channel'),
    byStatus: await by('c.status'),
    byMonth: months.map((m) => ({ month: m.month, count: Number(m.n) })),
    sla: { decided, inTime: Number(sla?.in_time ?? 0), rate: decided ? Number(sla?.in_time ?? 0) / decided : null },
  };
};
