import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { authorize, requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { factsOf, loadEvent } from '../campaign-store.ts';
import { CAMPAIGN_PERMISSIONS, eventPolicy } from '../policy.ts';

/** Shows an attendee's or assisted customer's phone in full; the access and its reason are audited. */
export const revealPhone = async (deps: ModuleDeps, actor: Actor, kind: 'registration' | 'assist', id: string, reason: string) => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.reveal);
  return inTransaction(deps, actor, async (uow) => {
    let phone: string | null;
    if (kind === 'registration') {
      const r = await uow.tx.selectFrom('cmp_registrations').select(['event_id', 'phone']).where('id', '=', id).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND');
      const e = await loadEvent(uow.tx, actor, r.event_id);
      authorize(eventPolicy, 'reveal', actor, factsOf(e));
      phone = r.phone;
    } else {
      const a = await uow.tx.selectFrom('cmp_assists').select(['org_path', 'phone']).where('id', '=', id).executeTakeFirst();
      assertInScope(actor, a);
      phone = a?.phone ?? null;
    }
    await uow.audit({
      action: 'pii.revealed',
      targetType: kind === 'registration' ? 'campaign_registration' : 'campaign_assist',
      targetId: id,
      note: { field: 'phone', reason },
    });
    return { field: 'phone' as const, value: phone ?? '' };
  });
};
