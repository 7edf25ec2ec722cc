import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZAction } from '../../contract.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

/** 办结: staff confirm the JR/T 0169 codes and record the root cause and the rectification (溯源整改). */
export const closeComplaint = (deps: ModuleDeps, actor: Actor, id: string, c: z.infer<typeof ZAction.close>) =>
  runCaseAction(deps, actor, id, 'close', async ({ actor, tx, now }) => {
    const codes = await tx
      .selectFrom('complaint_codes')
      .select(['dimension', 'code'])
      .where('active', '=', true)
      .where('code', 'in', [c.businessCategory, c.cause])
      .execute();
    if (!codes.some((x) => x.dimension === 'business' && x.code === c.businessCategory))
      throw new AppError('VALIDATION_FAILED', [{ field: 'body.businessCategory', issue: 'unknown_code' }]);
    if (!codes.some((x) => x.dimension === 'cause' && x.code === c.cause))
      throw new AppError('VALIDATION_FAILED', [{ field: 'body.cause', issue: 'unknown_code' }]);
    await tx
      .updateTable('complaints')
      .set({ status: 'closed', closed_at: now, root_cause: c.rootCause, rectification: c.rectification, business_category: c.businessCategory, cause: c.cause })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, id, actor, 'closed', { businessCategory: c.businessCategory, cause: c.cause }, now);
  });

/** Withdrawal ends handling on the day the request is received (办法 Art 15). */
export const withdrawComplaint = (deps: ModuleDeps, actor: Actor, id: string, note: string) =>
  runCaseAction(deps, actor, id, 'withdraw', async ({ actor, tx, now }) => {
    await tx.updateTable('complaints').set({ status: 'withdrawn', closed_at: now }).where('id', '=', id).execute();
    await appendEvent(tx, id, actor, 'withdrawn', { note }, now);
    await appendEvent(tx, id, actor, 'stopped', { reason: 'withdrawn' }, now);
  });

/** A repeat complaint within the period merges into the open case of the same complainant (办法 Art 18). */
export const mergeComplaint = (deps: ModuleDeps, actor: Actor, id: string, intoTrackingCode: string) =>
  runCaseAction(deps, actor, id, 'merge', async ({ actor, tx, row, now }) => {
    const target = await tx
      .selectFrom('complaints')
      .select(['id', 'phone', 'status', 'org_path', 'tracking_code'])
      .where('tracking_code', '=', intoTrackingCode)
      .executeTakeFirst();
    if (!target?.org_path.startsWith(actor.orgPath) || target.id === id)
      throw new AppError('VALIDATION_FAILED', [{ field: 'body.intoTrackingCode', issue: 'unknown_case' }]);
    if (target.phone !== row.phone) throw new AppError('VALIDATION_FAILED', [{ field: 'body.intoTrackingCode', issue: 'different_complainant' }]);
    if (['closed', 'withdrawn', 'merged', 'not_accepted'].includes(target.status))
      throw new AppError('VALIDATION_FAILED', [{ field: 'body.intoTrackingCode', issue: 'target_not_open' }]);
    await tx.updateTable('complaints').set({ status: 'merged', merged_into: target.id, closed_at: now }).where('id', '=', id).execute();
    await appendEvent(tx, id, actor, 'merged', { into: target.tracking_code }, now);
    await appendEvent(tx, id, actor, 'stopped', { reason: 'merged' }, now);
    await appendEvent(tx, target.id, actor, 'merged_from', { from: row.tracking_code, facts: row.facts.slice(0, 500) }, now);
  });
