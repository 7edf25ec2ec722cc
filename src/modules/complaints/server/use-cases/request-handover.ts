import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { findStaffCovering } from '../../../identity/index.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent, fileRequest } from '../complaint-store.ts';

/** The owner hands the case to a named colleague who covers its org; ownership moves only when they accept. */
export const requestHandover = (deps: ModuleDeps, actor: Actor, id: string, toUserId: string, reason: string) =>
  runCaseAction(deps, actor, id, 'handover', async ({ actor, tx, row, now }) => {
    if (toUserId === actor.userId) throw new AppError('VALIDATION_FAILED', [{ field: 'body.toUserId', issue: 'self' }]);
    const eligible = [...(await findStaffCovering(tx, row.org_path, 'complaint_handler')), ...(await findStaffCovering(tx, row.org_path, 'cp_admin'))];
    const to = eligible.find((s) => s.id === toUserId);
    if (!to) throw new AppError('VALIDATION_FAILED', [{ field: 'body.toUserId', issue: 'not_an_eligible_handler' }]);
    await fileRequest(tx, actor, { complaintId: id, kind: 'handover', data: { toName: to.displayName, reason }, assigneeId: to.id, now });
    await appendEvent(tx, id, actor, 'handover_requested', { to: to.displayName, reason }, now);
  });
