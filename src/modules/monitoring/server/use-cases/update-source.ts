import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { ZSourceUpdate } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Renames, re-points, re-tiers or disables a source. Push/file sources have no URL or schedule. */
export const updateSource = async (deps: ModuleDeps, actor: Actor, id: string, input: z.infer<typeof ZSourceUpdate>): Promise<void> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  await inTransaction(deps, actor, async (uow) => {
    const src = await uow.tx.selectFrom('monitor_sources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, src);
    if (!src) return;
    if (src.kind !== 'rss' && (input.url !== undefined || input.pollMinutes !== undefined))
      throw new AppError('VALIDATION_FAILED', [{ field: input.url !== undefined ? 'body.url' : 'body.pollMinutes', issue: 'not_a_feed' }]);
    const repoint = input.url !== undefined && input.url !== src.url;
    const resume = input.enabled === true && !src.enabled;
    await uow.tx
      .updateTable('monitor_sources')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.mediaTier !== undefined ? { media_tier: input.mediaTier } : {}),
        ...(input.pollMinutes !== undefined ? { poll_minutes: input.pollMinutes } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        // A new URL is a new feed: forget the old validators and health, poll at once.
        ...(repoint ? { etag: null, last_modified: null, last_error: null, last_error_code: null, consecutive_failures: 0 } : {}),
        ...(repoint || resume ? { next_poll_at: deps.clock.now() } : {}),
      })
      .where('id', '=', id)
      .execute();
    const before = { name: src.name, url: src.url, mediaTier: src.media_tier, pollMinutes: src.poll_minutes, enabled: src.enabled };
    const changed = Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof typeof before]]));
    await uow.audit({ action: 'monitoring.source_updated', targetType: 'monitor_source', targetId: id, before: changed, after: { ...input } });
    await uow.emit('monitoring.source_updated', { sourceId: id, enabled: input.enabled ?? src.enabled });
  });
};
