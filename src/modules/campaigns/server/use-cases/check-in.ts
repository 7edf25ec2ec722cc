import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TCheckInResult } from '../../contract.ts';
import { recordAttendance } from '../attendance.ts';
import { factsOf, iso, loadEvent, parseCheckInCode } from '../campaign-store.ts';
import { assertAllowedNow, eventPolicy } from '../policy.ts';

/**
 * Check-in at the door with what the scanner read (the URL in the QR code, or the code typed from
 * the confirmation). A code is used once; a code for another event is refused at this door.
 */
export const checkIn = async (deps: ModuleDeps, actor: Actor, scanned: string, doorEventId?: string): Promise<TCheckInResult> => {
  const code = parseCheckInCode(scanned);
  if (!code) throw new AppError('CAMPAIGN_CODE_UNKNOWN', [{ field: 'body.code', issue: 'malformed' }]);
  return inTransaction(deps, actor, async (uow) => {
    const found = await uow.tx.selectFrom('cmp_registrations').select(['id', 'event_id']).where('code', '=', code).executeTakeFirst();
    if (!found) throw new AppError('CAMPAIGN_CODE_UNKNOWN', [{ field: 'body.code', issue: 'not_found' }]);
    if (doorEventId && found.event_id !== doorEventId) throw new AppError('CAMPAIGN_CODE_WRONG_EVENT', [{ field: 'body.code', issue: 'other_event' }]);
    const e = await loadEvent(uow.tx, actor, found.event_id, true);
    assertAllowedNow(actor, 'checkIn', factsOf(e));
    authorize(eventPolicy, 'checkIn', actor, factsOf(e));
    const reg = await uow.tx.selectFrom('cmp_registrations').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    if (reg.status === 'checked_in')
      throw new AppError('CAMPAIGN_CODE_USED', [{ field: 'body.code', issue: 'already_checked_in', message: reg.checked_in_at ? iso(reg.checked_in_at) : '' }]);
    return recordAttendance(uow, e, reg, deps.clock.now());
  });
};
