import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent, clockEventsOf, fileRequest } from '../complaint-store.ts';
import { computeClock } from '../domain/clock.ts';

/** Asks for 30 days (complex) or, after that, 60 days (especially complex), with a reason. */
export const requestExtension = (deps: ModuleDeps, actor: Actor, id: string, limitDays: 30 | 60, reason: string) =>
  runCaseAction(deps, actor, id, 'request_extension', async ({ actor, tx, now }) => {
    const clock = computeClock(await clockEventsOf(tx, id), now);
    const next = clock.limitDays === 15 ? 30 : 60;
    if (limitDays !== next) throw new AppError('VALIDATION_FAILED', [{ field: 'body.limitDays', issue: `next_extension_is_${next}` }]);
    await fileRequest(tx, actor, { complaintId: id, kind: 'extension', data: { limitDays, reason }, assigneeId: null, now });
    await appendEvent(tx, id, actor, 'extension_requested', { limitDays, reason }, now);
  });
