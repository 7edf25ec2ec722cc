import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { escapeLike, isPathInScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/**
 * Grading rules (they apply bank-wide) in the order they are tried, with how often each fired on the
 * actor's posts in the last 7 days.
 */
export const listGradeRules = async (deps: ModuleDeps, actor: Actor) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  const since = new Date(deps.clock.now().getTime() - 7 * 86_400_000);
  // A post stores "<rule name>: <reasons>"; names may contain ':' themselves, so compare the prefix.
  const rules = await deps.db
    .selectFrom('monitor_grade_rules as r')
    .selectAll('r')
    .select(
      sql<number>`(select count(*)::int from monitor_posts p where left(p.grade_rule, length(r.name) + 2) = r.name || ': '
        and p.published_at > ${since} and p.org_path like ${`${escapeLike(actor.orgPath)}%`})`.as('fired'),
    )
    .orderBy('r.grade')
    .orderBy('r.priority')
    .execute();
  return {
    items: rules.map((r) => ({
      id: r.id,
      grade: r.grade,
      name: r.name,
      priority: r.priority,
      condition: r.condition,
      enabled: r.enabled,
      fired7d: Number(r.fired),
      canEdit: r.org_path === '/' || isPathInScope(actor, r.org_path),
    })),
  };
};
