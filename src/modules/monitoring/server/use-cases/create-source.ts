import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZSourceInput } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Registers an RSS/Atom feed, polled from now on by the poll-feeds job. */
export const createSource = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZSourceInput>): Promise<{ id: string }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const taken = await deps.db.selectFrom('monitor_sources').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', [{ field: 'body.code', issue: 'taken' }]);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('monitor_sources')
      .values({
        id,
        code: input.code,
        name: input.name,
        kind: 'rss',
        url: input.url,
        media_tier: input.mediaTier,
        poll_minutes: input.pollMinutes,
        org_id: actor.orgId,
        org_path: actor.orgPath,
        next_poll_at: deps.clock.now(),
      })
      .execute();
    await uow.audit({ action: 'monitoring.source_created', targetType: 'monitor_source', targetId: id, after: { ...input } });
    await uow.emit('monitoring.source_created', { sourceId: id });
  });
  return { id };
};
