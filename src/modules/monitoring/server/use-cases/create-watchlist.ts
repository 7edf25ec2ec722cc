import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZWatchlistInput } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';
import { assertQueryValid } from './update-watchlist.ts';

/** A saved Boolean query; posts ingested from now on are matched against it. */
export const createWatchlist = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZWatchlistInput>): Promise<{ id: string }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  assertQueryValid(input.query);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('monitor_watchlists')
      .values({
        id,
        name: input.name,
        kind: input.kind,
        query: input.query,
        spike_k: input.spikeK,
        spike_min_count: input.spikeMinCount,
        org_id: actor.orgId,
        org_path: actor.orgPath,
      })
      .execute();
    await uow.audit({ action: 'monitoring.watchlist_created', targetType: 'monitor_watchlist', targetId: id, after: { ...input } });
    await uow.emit('monitoring.watchlist_created', { watchlistId: id });
  });
  return { id };
};
