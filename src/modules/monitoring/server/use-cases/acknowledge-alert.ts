import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** A person (not an integration) confirms they have seen the alert. */
export const acknowledgeAlert = async (deps: ModuleDeps, actor: Actor, id: string): Promise<void> => {
  requirePermission(actor, MONITORING_PERMISSIONS.respond);
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', [{ issue: 'person_required' }]);
  await inTransaction(deps, actor, async (uow) => {
    const a = await uow.tx.selectFrom('monitor_alerts').select(['id', 'status', 'org_path']).where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, a);
    if (a?.status !== 'open') throw new AppError('OPINION_ALERT_HANDLED');
    const now = deps.clock.now();
    await uow.tx
      .updateTable('monitor_alerts')
      .set({ status: 'acknowledged', acknowledged_by: actor.userId, acknowledged_by_name: actor.username, acknowledged_at: now })
      .where('id', '=', id)
      .execute();
    await uow.audit({
      action: 'monitoring.alert_acknowledged',
      targetType: 'monitor_alert',
      targetId: id,
      before: { status: 'open' },
      after: { status: 'acknowledged' },
    });
    await uow.emit('monitoring.alert_acknowledged', { alertId: id });
  });
};
