import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TRegistrationInput } from '../../contract.ts';
import { factsOf, isUniqueViolation, loadEvent, newCheckInCode } from '../campaign-store.ts';
import { eventPolicy } from '../policy.ts';

/**
 * Registration, from the portal (anyone) or entered by staff for someone at the counter. The event row
 * is locked, so the seat count and the duplicate check hold under concurrent sign-ups; the unique
 * (event, phone) index is the last line of defence. Answers the check-in code the QR code carries.
 */
export const registerForEvent = async (
  deps: ModuleDeps,
  actor: Actor,
  eventId: string,
  input: TRegistrationInput,
  channel: 'portal' | 'staff',
): Promise<{ registrationId: string; code: string }> => {
  try {
    return await inTransaction(deps, actor, async (uow) => {
      const e = await loadEvent(uow.tx, channel === 'staff' ? actor : null, eventId, true);
      if (channel === 'staff') authorize(eventPolicy, 'walkIn', actor, factsOf(e));
      const now = deps.clock.now();
      if (e.status !== 'open' || new Date(e.registration_closes_at) <= now)
        throw new AppError('CAMPAIGN_REGISTRATION_CLOSED', [{ issue: e.status !== 'open' ? `status_${e.status}` : 'deadline_passed' }]);
      const dup = await uow.tx.selectFrom('cmp_registrations').select('id').where('event_id', '=', eventId).where('phone', '=', input.phone).executeTakeFirst();
      if (dup) throw new AppError('CAMPAIGN_ALREADY_REGISTERED', [{ field: 'body.phone', issue: 'duplicate' }]);
      const { n } = await uow.tx
        .selectFrom('cmp_registrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .where('walk_in', '=', false)
        .executeTakeFirstOrThrow();
      if (Number(n) >= e.capacity) throw new AppError('CAMPAIGN_EVENT_FULL', [{ issue: `capacity_${e.capacity}` }]);
      const id = newId();
      const code = newCheckInCode();
      await uow.tx
        .insertInto('cmp_registrations')
        .values({
          id,
          event_id: eventId,
          name: input.name,
          phone: input.phone,
          audience: input.audience ?? null,
          channel,
          code,
          status: 'registered',
          walk_in: false,
          checked_in_at: null,
          checked_in_by: null,
          org_path: e.org_path,
          created_at: now,
        })
        .execute();
      await uow.audit({
        action: 'campaign.registered',
        targetType: 'campaign_event',
        targetId: eventId,
        after: { registrationId: id, channel, phone: input.phone },
      });
      return { registrationId: id, code };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'event_phone')) throw new AppError('CAMPAIGN_ALREADY_REGISTERED', [{ field: 'body.phone', issue: 'duplicate' }]);
    throw err;
  }
};
