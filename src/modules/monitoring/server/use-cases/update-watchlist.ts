import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { ZWatchlistUpdate } from '../../contract.ts';
import { compileWatchlist } from '../analysis.ts';
import { QuerySyntaxError } from '../domain/boolean-query.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Refuses a query that does not parse, naming the position (the editor shows it). */
export const assertQueryValid = (query: string, field = 'body.query'): void => {
  try {
    compileWatchlist({ id: '', name: '', kind: 'topic', query });
  } catch (e) {
    if (e instanceof QuerySyntaxError) throw new AppError('VALIDATION_FAILED', [{ field, issue: e.issue, message: `position ${e.position}` }]);
    throw e;
  }
};

/** Edits or disables a watchlist; posts ingested from now on are matched with the new query. */
export const updateWatchlist = async (deps: ModuleDeps, actor: Actor, id: string, input: z.infer<typeof ZWatchlistUpdate>): Promise<void> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  if (input.query !== undefined) assertQueryValid(input.query);
  await inTransaction(deps, actor, async (uow) => {
    const w = await uow.tx.selectFrom('monitor_watchlists').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, w);
    if (!w) return;
    await uow.tx
      .updateTable('monitor_watchlists')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.query !== undefined ? { query: input.query } : {}),
        ...(input.spikeK !== undefined ? { spike_k: input.spikeK } : {}),
        ...(input.spikeMinCount !== undefined ? { spike_min_count: input.spikeMinCount } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      })
      .where('id', '=', id)
      .execute();
    const before = { name: w.name, kind: w.kind, query: w.query, spikeK: w.spike_k, spikeMinCount: w.spike_min_count, enabled: w.enabled };
    await uow.audit({
      action: 'monitoring.watchlist_updated',
      targetType: 'monitor_watchlist',
      targetId: id,
      before: Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof typeof before]])),
      after: { ...input },
    });
    await uow.emit('monitoring.watchlist_updated', { watchlistId: id });
  });
};
