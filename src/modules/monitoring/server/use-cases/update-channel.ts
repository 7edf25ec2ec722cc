import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { ZChannelUpdate } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Renames, re-targets or disables an alert channel. A robot takes `url`, an e-mail list takes `to`. */
export const updateChannel = async (deps: ModuleDeps, actor: Actor, id: string, input: z.infer<typeof ZChannelUpdate>): Promise<void> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  await inTransaction(deps, actor, async (uow) => {
    const c = await uow.tx.selectFrom('monitor_channels').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, c);
    if (!c) return;
    if (c.kind === 'email' && input.url !== undefined) throw new AppError('VALIDATION_FAILED', [{ field: 'body.url', issue: 'email_channel_takes_to' }]);
    if (c.kind !== 'email' && input.to !== undefined) throw new AppError('VALIDATION_FAILED', [{ field: 'body.to', issue: 'robot_channel_takes_url' }]);
    const url = input.to ? `mailto:${input.to.join(',')}` : input.url;
    await uow.tx
      .updateTable('monitor_channels')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(url !== undefined ? { url } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      })
      .where('id', '=', id)
      .execute();
    // Robot URLs carry their access token: the audit records that it changed, not the value.
    await uow.audit({
      action: 'monitoring.channel_updated',
      targetType: 'monitor_channel',
      targetId: id,
      before: { name: c.name, enabled: c.enabled },
      after: { name: input.name ?? c.name, enabled: input.enabled ?? c.enabled, targetChanged: url !== undefined },
    });
    await uow.emit('monitoring.channel_updated', { channelId: id });
  });
};
