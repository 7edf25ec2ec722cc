import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { findStaffCovering } from '../../../identity/index.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

/** The owner hands the case to a named colleague who covers its org; ownership moves only when they accept. */
export const requestHandover = (deps: ModuleDeps, actor: Actor, id: string, toUserId: string, reason: string) =>
  runCaseAction(deps, actor, id, 'handover', async ({ actor, tx, row, now }) => {
    if (toUserId === actor.userId) throw new AppError('VALIDATION_FAILED', [{ field: 'body.toUserId', issue: 'self' }]);
    const eligible = [...(await findStaffCovering(tx, row.org_path, 'complaint_handler')), ...(await findStaffCovering(tx, row.org_path, 'cp_admin'))];
    const to = eligible.find((s) => s.id === toUserId);
    if (!to) throw new AppError('VALIDATION_FAILED', [{ field: 'body.toUserId', issue: 'not_an_eligible_handler' }]);
    await tx
      .insertInto('complaint_requests')
      .values({
        id: newId(),
        complaint_id: id,
        kind: 'handover',
        status: 'pending',
        data: JSON.stringify({ toName: to.displayName, reason }),
        requested_by: actor.userId ?? '',
        requested_by_name: actor.username,
        assignee_id: to.id,
        created_at: now,
      })
      .execute();
    await appendEvent(tx, id, actor, 'handover_requested', { to: to.displayName, reason }, now);
  });
