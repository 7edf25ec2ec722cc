import type { Selectable } from 'kysely';
import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requirePermission } from '../../../kernel/policy.ts';
import type { Tx } from '../../../platform/db/schema.ts';
import { inTransaction, type UnitOfWork } from '../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { assertInScope } from '../../../platform/scope.ts';
import type { MonitorIncidentsTable } from './db/tables.ts';
import { incidentActions, MONITORING_PERMISSIONS } from './policy.ts';

export type IncidentRow = Selectable<MonitorIncidentsTable>;

export const appendIncidentEvent = async (tx: Tx, incidentId: string, actor: Actor, type: string, data: Record<string, unknown>, at: Date) => {
  await tx
    .insertInto('monitor_incident_events')
    .values({ incident_id: incidentId, at, type, actor_id: actor.userId, actor_name: actor.username, data: JSON.stringify(data) })
    .execute();
};

/**
 * Every action on an incident: lock it, check the same policy that lists allowed actions for
 * the UI, change, timeline, audit and emit — in one transaction.
 */
export const runIncidentAction = async <T>(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  action: string,
  fn: (
    i: IncidentRow,
    uow: UnitOfWork,
    now: Date,
  ) => Promise<{ set?: Partial<Record<keyof MonitorIncidentsTable, unknown>>; data: Record<string, unknown>; result: T }>,
): Promise<T> =>
  inTransaction(deps, actor, async (uow) => {
    const i = (await uow.tx.selectFrom('monitor_incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as IncidentRow | undefined;
    assertInScope(actor, i);
    const row = i as IncidentRow;
    requirePermission(actor, MONITORING_PERMISSIONS.respond);
    if (!incidentActions(actor, row).includes(action))
      throw new AppError('OPINION_ACTION_NOT_ALLOWED', [{ issue: 'state', message: `${action} @ ${row.status}` }]);
    const now = deps.clock.now();
    const r = await fn(row, uow, now);
    if (r.set)
      await uow.tx
        .updateTable('monitor_incidents')
        .set({ ...r.set, updated_at: now } as never)
        .where('id', '=', id)
        .execute();
    await appendIncidentEvent(uow.tx, id, actor, action, r.data, now);
    await uow.audit({
      action: `monitoring.incident.${action}`,
      targetType: 'monitor_incident',
      targetId: id,
      before: { status: row.status },
      after: { ...(r.set?.status ? { status: r.set.status } : {}), ...r.data },
    });
    await uow.emit(`monitoring.incident_${action}`, { incidentId: id });
    return r.result;
  });
