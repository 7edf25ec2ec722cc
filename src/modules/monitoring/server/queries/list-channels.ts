import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { maskEmail } from '../../../../platform/pii/mask.ts';
import { inScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** A robot URL carries its access token: lists show the host only. */
const showTarget = (kind: string, url: string): string => {
  if (kind === 'email')
    return url
      .replace(/^mailto:/, '')
      .split(',')
      .map((a) => maskEmail(a))
      .join(', ');
  try {
    return `${new URL(url).host}/…`;
  } catch {
    return '…';
  }
};

/** Alert channels of the actor's subtree with their delivery record (sent / failed / pending, last error). */
export const listChannels = async (deps: ModuleDeps, actor: Actor) => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const rows = await deps.db
    .selectFrom('monitor_channels as c')
    .selectAll('c')
    .select([
      sql<number>`(select count(*)::int from monitor_deliveries d where d.channel_id = c.id and d.status = 'sent')`.as('sent'),
      sql<number>`(select count(*)::int from monitor_deliveries d where d.channel_id = c.id and d.status = 'failed')`.as('failed'),
      sql<number>`(select count(*)::int from monitor_deliveries d where d.channel_id = c.id and d.status = 'pending')`.as('pending'),
      sql<string | null>`(select d.last_error from monitor_deliveries d where d.channel_id = c.id and d.last_error is not null order by d.id desc limit 1)`.as(
        'lastError',
      ),
    ])
    .where(inScope(actor, 'c.org_path'))
    .orderBy('c.name')
    .execute();
  return {
    items: rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      target: showTarget(c.kind, c.url),
      enabled: c.enabled,
      sent: Number(c.sent),
      failed: Number(c.failed),
      pending: Number(c.pending),
      lastError: c.lastError,
    })),
  };
};
