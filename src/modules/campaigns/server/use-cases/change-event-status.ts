import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TEventStatus } from '../../contract.ts';
import { factsOf, iso, loadEvent, publicEventPath } from '../campaign-store.ts';
import { assertAllowedNow, eventPolicy } from '../policy.ts';

const TARGET: Record<'publish' | 'close' | 'cancel', TEventStatus> = { publish: 'open', close: 'closed', cancel: 'cancelled' };

/**
 * Publish opens registration (and tells other modules, e.g. outreach, through `campaigns.event_published`);
 * close stops new registrations but keeps the door open; cancel ends the event.
 */
export const changeEventStatus = async (deps: ModuleDeps, actor: Actor, eventId: string, action: 'publish' | 'close' | 'cancel'): Promise<void> => {
  await inTransaction(deps, actor, async (uow) => {
    const e = await loadEvent(uow.tx, actor, eventId, true);
    assertAllowedNow(actor, action, factsOf(e));
    authorize(eventPolicy, action, actor, factsOf(e));
    const now = deps.clock.now();
    if (action === 'publish' && new Date(e.registration_closes_at) <= now)
      throw new AppError('CAMPAIGN_REGISTRATION_CLOSED', [{ field: 'registrationClosesAt', issue: 'already_passed' }]);
    const status = TARGET[action];
    await uow.tx
      .updateTable('cmp_events')
      .set({ status, updated_at: now, ...(action === 'publish' ? { published_at: e.published_at ?? now } : {}) })
      .where('id', '=', eventId)
      .execute();
    await uow.audit({ action: `campaign.event_${action}`, targetType: 'campaign_event', targetId: eventId, before: { status: e.status }, after: { status } });
    if (action === 'publish')
      await uow.emit('campaigns.event_published', {
        eventId,
        campaignId: e.campaign_id,
        title: e.title,
        startsAt: iso(e.starts_at),
        venueName: e.venue_name,
        orgId: e.org_id,
        orgPath: e.org_path,
        publicPath: publicEventPath(eventId),
      });
  });
};
