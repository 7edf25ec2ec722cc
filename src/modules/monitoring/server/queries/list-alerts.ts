import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** The in-app alert inbox: open first, newest first, with explanation and delivery state. */
export const listAlerts = async (deps: ModuleDeps, actor: Actor, q: { status?: 'open' | 'acknowledged' | undefined }) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  let base = deps.db.selectFrom('monitor_alerts').selectAll().where(inScope(actor));
  if (q.status) base = base.where('status', '=', q.status);
  const rows = await base.orderBy('status', 'desc').orderBy('created_at', 'desc').limit(200).execute();
  const deliveries = rows.length
    ? await deps.db
        .selectFrom('monitor_deliveries as d')
        .innerJoin('monitor_channels as c', 'c.id', 'd.channel_id')
        .select(['d.alert_id', 'c.name', 'c.kind', 'd.status', 'd.attempts', 'd.last_error'])
        .where(
          'd.alert_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    items: rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      subjectType: a.subject_type,
      subjectId: a.subject_id,
      subjectName: a.subject_name,
      grade: a.grade,
      windowStart: a.window_start.toISOString(),
      count: a.count,
      baselineMean: a.baseline_mean,
      baselineSd: a.baseline_sd,
      threshold: a.threshold,
      explanation: a.explanation,
      status: a.status,
      acknowledgedBy: a.acknowledged_by_name,
      acknowledgedAt: a.acknowledged_at?.toISOString() ?? null,
      incidentId: a.incident_id,
      createdAt: a.created_at.toISOString(),
      deliveries: deliveries
        .filter((d) => d.alert_id === a.id)
        .map((d) => ({ channel: d.name, kind: d.kind, status: d.status, attempts: d.attempts, lastError: d.last_error })),
    })),
  };
};
