import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { TAssistInput } from '../../contract.ts';
import { loadEvent } from '../campaign-store.ts';
import { CAMPAIGN_PERMISSIONS } from '../policy.ts';

/** 一对一帮扶: recorded by the outlet that helped; tied to an event when it happened there. */
export const recordAssist = async (deps: ModuleDeps, actor: Actor, input: TAssistInput): Promise<{ id: string }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.assist);
  const id = newId();
  return inTransaction(deps, actor, async (uow) => {
    let org = { id: actor.orgId, path: actor.orgPath };
    if (input.eventId) {
      const e = await loadEvent(uow.tx, actor, input.eventId);
      assertInScope(actor, { org_path: e.org_path });
      org = { id: e.org_id, path: e.org_path };
    }
    await uow.tx
      .insertInto('cmp_assists')
      .values({
        id,
        event_id: input.eventId ?? null,
        customer_name: input.customerName,
        phone: input.phone ?? null,
        age: input.age ?? null,
        topics: input.topics,
        explained: input.explained,
        follow_up: input.followUp,
        follow_up_due: input.followUpDue ?? null,
        follow_up_done_at: null,
        staff_id: actor.userId,
        staff_name: actor.username,
        org_id: org.id,
        org_path: org.path,
      })
      .execute();
    await uow.audit({ action: 'campaign.assist_recorded', targetType: 'campaign_assist', targetId: id, after: { ...input } });
    return { id };
  });
};

/** Marks the promised follow-up as done (a note is appended to the follow-up text). */
export const completeFollowUp = async (deps: ModuleDeps, actor: Actor, id: string, note: string): Promise<void> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.assist);
  await inTransaction(deps, actor, async (uow) => {
    const a = await uow.tx.selectFrom('cmp_assists').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, a);
    if (!a) throw new AppError('NOT_FOUND');
    if (a.follow_up_done_at) throw new AppError('CAMPAIGN_INVALID_STATE', [{ issue: 'follow_up_already_done' }]);
    const now = deps.clock.now();
    await uow.tx
      .updateTable('cmp_assists')
      .set({ follow_up_done_at: now, follow_up: a.follow_up ? `${a.follow_up}\n【已回访】${note}` : `【已回访】${note}` })
      .where('id', '=', id)
      .execute();
    await uow.audit({ action: 'campaign.assist_followed_up', targetType: 'campaign_assist', targetId: id, note: { note } });
  });
};
