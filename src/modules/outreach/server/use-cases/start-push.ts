import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { ZRule } from '../../contract.ts';
import { outreachJobs } from '../jobs.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';
import { segmentWhere } from '../queries/evaluate-segment.ts';
import { getChannelSettings, getPolicySettings } from '../settings.ts';

const ADDRESS = sql`case ch.channel when 'email' then c.email when 'sms' then c.mobile when 'wechat' then c.wechat_openid else c.id::text end`;

/**
 * Materialises the push: ONE INSERT … SELECT writes a delivery row per recipient × channel, with
 * consent, opt-out, missing address and the weekly frequency cap decided in the same statement
 * (skipped rows keep their reason for the report). Nothing is written when no one may be reached.
 */
export const startPush = async (
  deps: ModuleDeps,
  actor: Actor,
  pushId: string,
  opts: { fromSchedule?: boolean } = {},
): Promise<{ queued: number; skipped: number }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.push);
  const [policy, channels] = await Promise.all([getPolicySettings(deps.db), getChannelSettings(deps.db, deps.config)]);
  const result = await inTransaction(deps, actor, async (uow) => {
    const push = await uow.tx.selectFrom('outreach_pushes').selectAll().where('id', '=', pushId).forUpdate().executeTakeFirst();
    assertInScope(actor, push);
    const p = push as NonNullable<typeof push>;
    if (!(p.status === 'draft' || (opts.fromSchedule && p.status === 'scheduled') || (p.status === 'scheduled' && !opts.fromSchedule)))
      throw new AppError('OUTREACH_INVALID_STATE', [{ issue: `status_${p.status}`, message: 'start' }]);
    const missing = p.channels.filter((c) => c !== 'inbox' && !channels[c as 'email' | 'sms' | 'wechat']);
    if (missing.length)
      throw new AppError(
        'OUTREACH_CHANNEL_NOT_CONFIGURED',
        missing.map((c) => ({ field: 'channels', issue: 'not_configured', message: c })),
      );
    const seg = await uow.tx.selectFrom('outreach_segments').select(['rule']).where('id', '=', p.segment_id).executeTakeFirstOrThrow();
    const now = deps.clock.now();
    const where = await segmentWhere(uow.tx, p.org_path, ZRule.parse(seg.rule), now);
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const reason = sql`case
      when ch.channel = any(c.opt_outs) then 'opted_out'
      when not (ch.channel = any(c.consents)) then 'no_consent'
      when (${ADDRESS}) is null then 'no_address'
      when ch.channel <> 'inbox' and coalesce(f.n, 0) >= ${policy.frequencyCapPerWeek} then 'frequency_cap'
      end`;
    await sql`
      insert into outreach_deliveries (push_id, customer_id, channel, address, status, skip_reason, next_attempt_at)
      select ${pushId}::uuid, c.id, ch.channel, ${ADDRESS}, case when r.reason is null then 'queued' else 'skipped' end, r.reason, ${now}::timestamptz
      from outreach_customers c
      cross join unnest(${sql.val(p.channels)}::text[]) as ch(channel)
      left join (
        select customer_id, count(distinct push_id)::int as n from outreach_deliveries
        where sent_at > ${weekAgo} and channel <> 'inbox' group by customer_id) f on f.customer_id = c.id
      cross join lateral (select ${reason} as reason) r
      where ${where}`.execute(uow.tx);
    const counts = await sql<{ queued: number; skipped: number; recipients: number }>`
      select count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'skipped')::int as skipped,
             count(distinct customer_id)::int as recipients
      from outreach_deliveries where push_id = ${pushId}`.execute(uow.tx);
    const { queued, skipped, recipients } = counts.rows[0] ?? { queued: 0, skipped: 0, recipients: 0 };
    if (recipients === 0) throw new AppError('OUTREACH_SEGMENT_EMPTY');
    if (queued === 0) throw new AppError('OUTREACH_NO_CONSENT', [{ issue: 'all_skipped', message: `${skipped}` }]);
    await uow.tx.updateTable('outreach_pushes').set({ status: 'running', started_at: now, recipients }).where('id', '=', pushId).execute();
    await uow.audit({ action: 'outreach.push.start', targetType: 'outreach_push', targetId: pushId, after: { recipients, queued, skipped } });
    await uow.emit('outreach.push_started', { pushId, recipients, queued, skipped });
    return { queued, skipped };
  });
  // After commit: a crash before this line is caught by the outreach.resume sweep.
  await deps.jobs.send(outreachJobs(deps).deliver, { pushId });
  return result;
};
