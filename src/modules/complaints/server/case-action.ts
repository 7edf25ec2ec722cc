import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { inTransaction, type UnitOfWork } from '../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { userDisplayName } from '../../identity/index.ts';
import { loadCase, loadCaseFacts, refreshClock, requireAction } from './complaint-store.ts';
import { ClockError } from './domain/clock.ts';
import { complaintActions } from './policy.ts';

export type CaseRow = Awaited<ReturnType<typeof loadCase>>;

/**
 * The frame every case action runs in: one transaction, the case locked and scope-checked, the
 * action checked against the same policy that tells the UI what to show, then the change, its
 * audit record, and a fresh clock computed from the event history.
 */
const asConflict = (e: unknown): never => {
  // An event sequence the clock cannot accept (e.g. 15 → 60 days) is a refused request, not a crash.
  if (e instanceof ClockError) throw new AppError('CONFLICT', [{ issue: 'clock_rule', message: e.message }]);
  throw e;
};

export const runCaseAction = async <T>(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  action: string,
  fn: (ctx: UnitOfWork & { row: CaseRow; now: Date }) => Promise<T>,
): Promise<T> =>
  inTransaction(deps, actor, async (uow) => {
    const now = deps.clock.now();
    const row = await loadCase(uow.tx, actor, id);
    requireAction(complaintActions(actor, await loadCaseFacts(uow.tx, row, now)), action);
    // Timelines and owners show people's names; the audit trail keeps the login (uow.audit).
    const name = (actor.userId && (await userDisplayName(uow.tx, actor.userId))) || actor.username;
    const result = await fn({ ...uow, actor: { ...actor, username: name }, row, now });
    const after = await uow.tx.selectFrom('complaints').select(['status', 'owner_id', 'owner_name']).where('id', '=', id).executeTakeFirstOrThrow();
    await uow.audit({
      action: `complaint.${action}`,
      targetType: 'complaint',
      targetId: id,
      before: { status: row.status, owner_name: row.owner_name },
      after: { status: after.status, owner_name: after.owner_name },
    });
    await uow.emit(`complaint.${action}`, { complaintId: id, status: after.status });
    await refreshClock(uow.tx, id, now);
    return result;
  }).catch(asConflict);
