import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZAction } from '../../contract.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent, clockEventsOf } from '../complaint-store.ts';
import { computeClock } from '../domain/clock.ts';

/**
 * Notice evidence (办法 Art 21): a letter counts when handed over or posted, SMS/email when sent,
 * a phone notice when the call is placed — within the deadline. A decision notice stops the
 * clock at the time it was sent and moves the case to 'notified'.
 */
export const recordNotice = (deps: ModuleDeps, actor: Actor, id: string, n: z.infer<typeof ZAction.notice>) =>
  runCaseAction(deps, actor, id, n.kind === 'decision' ? 'notify_decision' : 'record_notice', async ({ actor, tx, row, now }) => {
    const sentAt = new Date(n.sentAt);
    if (sentAt.getTime() > now.getTime() + 60_000) throw new AppError('VALIDATION_FAILED', [{ field: 'body.sentAt', issue: 'in_the_future' }]);
    if (sentAt.getTime() < row.received_at.getTime()) throw new AppError('VALIDATION_FAILED', [{ field: 'body.sentAt', issue: 'before_receipt' }]);
    const clock = computeClock(await clockEventsOf(tx, id), now);
    const inTime = sentAt.getTime() <= clock.deadlineAt.getTime();
    await tx
      .insertInto('complaint_notices')
      .values({
        id: newId(),
        complaint_id: id,
        kind: n.kind,
        method: n.method,
        sent_at: sentAt,
        evidence: n.evidence,
        in_time: inTime,
        recorded_by: actor.username,
        created_at: now,
      })
      .execute();
    await appendEvent(tx, id, actor, 'notice_sent', { kind: n.kind, method: n.method, inTime }, now);
    if (n.kind === 'decision') {
      await tx.updateTable('complaints').set({ status: 'notified' }).where('id', '=', id).execute();
      await appendEvent(tx, id, actor, 'stopped', { reason: 'decision_notified' }, sentAt);
    }
    return { inTime };
  });
