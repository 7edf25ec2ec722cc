import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope, isPathInScope } from '../../../../platform/scope.ts';
import { findStaffCovering } from '../../../identity/index.ts';
import type { TClockPolicy, ZOpenIncident } from '../../contract.ts';
import { DEFAULT_CLOCKS, startClocks } from '../domain/clocks.ts';
import { appendIncidentEvent } from '../incident-store.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Clock policy for a grade: the most specific configured policy covering the org, else the defaults. */
export const clockPolicyFor = async (deps: ModuleDeps, grade: 'I' | 'II' | 'III', orgPath: string): Promise<TClockPolicy[]> => {
  const rows = await deps.db.selectFrom('monitor_clock_policies').select(['org_path', 'clocks']).where('grade', '=', grade).execute();
  const best = rows.filter((r) => orgPath.startsWith(r.org_path)).sort((a, b) => b.org_path.length - a.org_path.length)[0];
  return best ? best.clocks : DEFAULT_CLOCKS[grade];
};

/** Opens an incident (from an alert, which it acknowledges, or by hand) with its reporting clocks running. */
export const openIncident = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZOpenIncident>): Promise<{ id: string }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.respond);
  if (actor.kind !== 'user' || !actor.userId) throw new AppError('FORBIDDEN', [{ issue: 'person_required' }]);
  let owner = { id: actor.userId, name: actor.username };
  if (input.ownerId && input.ownerId !== actor.userId) {
    const staff = await findStaffCovering(deps.db, actor.orgPath, 'complaint_handler');
    const s = staff.find((x) => x.id === input.ownerId);
    if (!s) throw new AppError('VALIDATION_FAILED', [{ field: 'body.ownerId', issue: 'not_a_responder_in_scope' }]);
    owner = { id: s.id, name: s.displayName };
  }
  const now = deps.clock.now();
  const clocks = startClocks(await clockPolicyFor(deps, input.grade, actor.orgPath), now);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    let storyId: string | null = null;
    let orgPath = actor.orgPath;
    if (input.alertId) {
      const a = await uow.tx.selectFrom('monitor_alerts').selectAll().where('id', '=', input.alertId).forUpdate().executeTakeFirst();
      assertInScope(actor, a);
      if (a?.incident_id) throw new AppError('OPINION_ALERT_HANDLED', [{ field: 'body.alertId', issue: 'already_has_incident' }]);
      storyId = a?.subject_type === 'story' ? a.subject_id : null;
      if (a && isPathInScope(actor, a.org_path)) orgPath = a.org_path.length > orgPath.length ? a.org_path : orgPath;
      await uow.tx
        .updateTable('monitor_alerts')
        .set({ incident_id: id, status: 'acknowledged', acknowledged_by: actor.userId, acknowledged_by_name: actor.username, acknowledged_at: now })
        .where('id', '=', input.alertId)
        .where('status', '=', 'open')
        .execute();
      await uow.tx.updateTable('monitor_alerts').set({ incident_id: id }).where('id', '=', input.alertId).execute();
    }
    await uow.tx
      .insertInto('monitor_incidents')
      .values({
        id,
        title: input.title,
        grade: input.grade,
        status: 'investigating',
        owner_id: owner.id,
        owner_name: owner.name,
        alert_id: input.alertId ?? null,
        story_id: storyId,
        org_id: actor.orgId,
        org_path: orgPath,
        opened_at: now,
        clocks: JSON.stringify(clocks),
        findings: null,
        decision: null,
        response: null,
        review: null,
      })
      .execute();
    await appendIncidentEvent(uow.tx, id, actor, 'opened', { grade: input.grade, alertId: input.alertId ?? null, clocks: clocks.map((c) => c.key) }, now);
    await uow.audit({
      action: 'monitoring.incident.opened',
      targetType: 'monitor_incident',
      targetId: id,
      after: { title: input.title, grade: input.grade, owner: owner.name },
    });
    await uow.emit('monitoring.incident_opened', { incidentId: id, grade: input.grade });
  });
  return { id };
};
