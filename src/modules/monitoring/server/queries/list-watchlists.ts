import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Watchlists of the actor's subtree with how many posts each matched in the last 7 days. */
export const listWatchlists = async (deps: ModuleDeps, actor: Actor) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  const since = new Date(deps.clock.now().getTime() - 7 * 86_400_000);
  const rows = await deps.db
    .selectFrom('monitor_watchlists as w')
    .selectAll('w')
    .select(sql<number>`(select count(*)::int from monitor_posts p where p.watchlist_ids @> array[w.id::text] and p.published_at > ${since})`.as('matched7d'))
    .where(inScope(actor, 'w.org_path'))
    .orderBy('w.created_at')
    .execute();
  return {
    items: rows.map((w) => ({
      id: w.id,
      name: w.name,
      kind: w.kind,
      query: w.query,
      spikeK: w.spike_k,
      spikeMinCount: w.spike_min_count,
      enabled: w.enabled,
      matched7d: Number(w.matched7d),
    })),
  };
};
