import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope, inScope } from '../../../../platform/scope.ts';
import { type ClockView, viewClocks } from '../domain/clocks.ts';
import type { IncidentRow } from '../incident-store.ts';
import { incidentActions, MONITORING_PERMISSIONS } from '../policy.ts';

const present = (i: IncidentRow, clocks: ClockView[]) => ({
  id: i.id,
  title: i.title,
  grade: i.grade,
  status: i.status,
  ownerName: i.owner_name,
  alertId: i.alert_id,
  storyId: i.story_id,
  openedAt: i.opened_at.toISOString(),
  closedAt: i.closed_at?.toISOString() ?? null,
  clocks,
  overdue: clocks.some((c) => c.state === 'overdue'),
});

export const listIncidents = async (deps: ModuleDeps, actor: Actor, q: { open?: boolean | undefined }) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  let base = deps.db.selectFrom('monitor_incidents').selectAll().where(inScope(actor));
  if (q.open) base = base.where('status', '<>', 'closed');
  const rows = (await base.orderBy('opened_at', 'desc').limit(200).execute()) as IncidentRow[];
  const now = deps.clock.now();
  return { items: rows.map((i) => present(i, viewClocks(i.clocks, now))) };
};

/** The incident page: clocks, findings, decision, response, review, referrals, linked complaints, timeline. */
export const getIncident = async (deps: ModuleDeps, actor: Actor, id: string) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  const i = (await deps.db.selectFrom('monitor_incidents').selectAll().where('id', '=', id).executeTakeFirst()) as IncidentRow | undefined;
  assertInScope(actor, i);
  const row = i as IncidentRow;
  const [events, referrals, complaints] = await Promise.all([
    deps.db.selectFrom('monitor_incident_events').selectAll().where('incident_id', '=', id).orderBy('id').execute(),
    deps.db.selectFrom('monitor_referrals').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    deps.db.selectFrom('monitor_incident_complaints').selectAll().where('incident_id', '=', id).orderBy('linked_at').execute(),
  ]);
  return {
    ...present(row, viewClocks(row.clocks, deps.clock.now())),
    findings: row.findings,
    decision: row.decision,
    response: row.response,
    review: row.review,
    allowedActions: incidentActions(actor, row),
    referrals: referrals.map((r) => ({
      id: r.id,
      partnerKind: r.partner_kind,
      partner: r.partner,
      shared: r.shared,
      reference: r.reference,
      outcome: r.outcome,
      createdBy: r.created_by_name,
      createdAt: r.created_at.toISOString(),
    })),
    complaints: complaints.map((c) => ({
      id: c.complaint_id,
      trackingCode: c.tracking_code,
      title: c.title,
      linkedBy: c.linked_by_name,
      linkedAt: c.linked_at.toISOString(),
    })),
    timeline: events.map((e) => ({ at: e.at.toISOString(), type: e.type, actorName: e.actor_name, data: e.data })),
  };
};

/** Incidents linked to a complaint, for the complaint page (scoped; the complaints module calls it through our index). */
export const incidentsForComplaint = async (db: Executor, actor: Actor, complaintId: string) =>
  db
    .selectFrom('monitor_incident_complaints as l')
    .innerJoin('monitor_incidents as i', 'i.id', 'l.incident_id')
    .select(['i.id', 'i.title', 'i.grade', 'i.status'])
    .where('l.complaint_id', '=', complaintId)
    .where(inScope(actor, 'i.org_path'))
    .execute();
