import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Sources with their health (what the poller last saw). */
export const listSources = async (deps: ModuleDeps, actor: Actor) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  const rows = await deps.db.selectFrom('monitor_sources').selectAll().where(inScope(actor)).orderBy('code').execute();
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    items: rows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      url: s.url,
      mediaTier: s.media_tier,
      enabled: s.enabled,
      health: (s.kind !== 'rss' ? 'idle' : s.last_error_code ? 'failing' : s.last_ok_at ? 'ok' : 'never') as 'ok' | 'failing' | 'never' | 'idle',
      lastPolledAt: iso(s.last_polled_at),
      lastOkAt: iso(s.last_ok_at),
      lastError: s.last_error,
      lastErrorCode: s.last_error_code,
      consecutiveFailures: s.consecutive_failures,
      nextPollAt: iso(s.next_poll_at),
      postCount: s.post_count,
      pollMinutes: s.poll_minutes,
    })),
  };
};
