import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TCheckInResult, TRegistrationInput } from '../../contract.ts';
import { recordAttendance } from '../attendance.ts';
import { factsOf, iso, loadEvent, newCheckInCode } from '../campaign-store.ts';
import { assertAllowedNow, eventPolicy } from '../policy.ts';

/**
 * Someone at the door without a code. A person who registered but lost the confirmation is checked in
 * on their registration (found by phone); anyone else becomes a walk-in while the room has space.
 */
export const registerWalkIn = async (deps: ModuleDeps, actor: Actor, eventId: string, input: TRegistrationInput): Promise<TCheckInResult> =>
  inTransaction(deps, actor, async (uow) => {
    const e = await loadEvent(uow.tx, actor, eventId, true);
    assertAllowedNow(actor, 'walkIn', factsOf(e));
    authorize(eventPolicy, 'walkIn', actor, factsOf(e));
    const now = deps.clock.now();
    const existing = await uow.tx
      .selectFrom('cmp_registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('phone', '=', input.phone)
      .executeTakeFirst();
    if (existing?.status === 'checked_in')
      throw new AppError('CAMPAIGN_CODE_USED', [
        { field: 'body.phone', issue: 'already_checked_in', message: existing.checked_in_at ? iso(existing.checked_in_at) : '' },
      ]);
    if (existing) return recordAttendance(uow, e, existing, now);
    const { n } = await uow.tx
      .selectFrom('cmp_registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'checked_in')
      .executeTakeFirstOrThrow();
    if (Number(n) >= e.capacity) throw new AppError('CAMPAIGN_EVENT_FULL', [{ issue: `capacity_${e.capacity}` }]);
    const reg = {
      id: newId(),
      event_id: eventId,
      name: input.name,
      phone: input.phone,
      audience: input.audience ?? null,
      channel: 'walk_in' as const,
      code: newCheckInCode(),
      status: 'registered' as const,
      walk_in: true,
      checked_in_at: null,
      checked_in_by: null,
      org_path: e.org_path,
      created_at: now,
    };
    await uow.tx.insertInto('cmp_registrations').values(reg).execute();
    return recordAttendance(uow, e, reg, now);
  });
