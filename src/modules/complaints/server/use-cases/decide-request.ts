import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { Tx } from '../../../../platform/db/schema.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

const pendingOf = async (tx: Tx, id: string, kind: 'extension' | 'not_accepted' | 'handover') => {
  const r = await tx
    .selectFrom('complaint_requests')
    .selectAll()
    .where('complaint_id', '=', id)
    .where('kind', '=', kind)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new AppError('CONFLICT', [{ issue: 'no_pending_request', message: kind }]);
  return r;
};

const settle = (tx: Tx, requestId: string, approve: boolean, actor: Actor, now: Date) =>
  tx
    .updateTable('complaint_requests')
    .set({ status: approve ? 'approved' : 'declined', decided_by: actor.userId, decided_at: now })
    .where('id', '=', requestId)
    .execute();

/**
 * Approval of an extension (30 days: department head; 60 days: higher-level organisation,
 * 办法 Art 18). On approval the clock gets an 'extended' event; the complainant must then be
 * told (the case shows the extension notice as due).
 */
export const decideExtension = (deps: ModuleDeps, actor: Actor, id: string, approve: boolean, comment?: string) =>
  runCaseAction(deps, actor, id, 'decide_extension', async ({ actor, tx, now }) => {
    const req = await pendingOf(tx, id, 'extension');
    await settle(tx, req.id, approve, actor, now);
    if (approve)
      await appendEvent(tx, id, actor, 'extended', { limitDays: req.data.limitDays, reason: req.data.reason, approvedBy: actor.username, comment }, now);
    else await appendEvent(tx, id, actor, 'extension_declined', { limitDays: req.data.limitDays, comment }, now);
  });

/** Approval of 不予受理: the case ends (clock stopped); the complainant must be told why. */
export const decideNotAccepted = (deps: ModuleDeps, actor: Actor, id: string, approve: boolean, comment?: string) =>
  runCaseAction(deps, actor, id, 'decide_not_accepted', async ({ actor, tx, now }) => {
    const req = await pendingOf(tx, id, 'not_accepted');
    await settle(tx, req.id, approve, actor, now);
    if (!approve) return appendEvent(tx, id, actor, 'not_accepted_declined', { comment }, now);
    await tx.updateTable('complaints').set({ status: 'not_accepted', closed_at: now }).where('id', '=', id).execute();
    await appendEvent(tx, id, actor, 'not_accepted', { ...req.data, approvedBy: actor.username }, now);
    await appendEvent(tx, id, actor, 'stopped', { reason: 'not_accepted' }, now);
  });

/** 首问负责: the named colleague accepts the hand-over and becomes the owner. */
export const acceptHandover = (deps: ModuleDeps, actor: Actor, id: string) =>
  runCaseAction(deps, actor, id, 'accept_handover', async ({ actor, tx, row, now }) => {
    const req = await pendingOf(tx, id, 'handover');
    await settle(tx, req.id, true, actor, now);
    await tx
      .updateTable('complaints')
      .set({ owner_id: actor.userId, owner_name: String(req.data.toName ?? actor.username) })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, id, actor, 'handover_accepted', { from: row.owner_name, to: req.data.toName }, now);
  });

/** Declining a hand-over leaves the case with its current owner: nobody can bounce it without a new owner. */
export const declineHandover = (deps: ModuleDeps, actor: Actor, id: string, comment?: string) =>
  runCaseAction(deps, actor, id, 'decline_handover', async ({ actor, tx, now }) => {
    const req = await pendingOf(tx, id, 'handover');
    await settle(tx, req.id, false, actor, now);
    await appendEvent(tx, id, actor, 'handover_declined', { to: req.data.toName, comment }, now);
  });
