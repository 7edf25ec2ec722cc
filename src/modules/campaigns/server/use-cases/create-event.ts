import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TEventInput } from '../../contract.ts';
import { dayEnd, dayStart, loadCampaign } from '../campaign-store.ts';
import { campaignPolicy } from '../policy.ts';
import { resolveOrg } from './resolve-org.ts';

/** Start before end, registration closing no later than the end, and the start inside the campaign period. */
const checkTimes = (input: TEventInput, period: { starts_on: string; ends_on: string }) => {
  const starts = new Date(input.startsAt);
  const ends = new Date(input.endsAt);
  const closes = new Date(input.registrationClosesAt ?? input.startsAt);
  if (ends <= starts) throw new AppError('CAMPAIGN_PERIOD_INVALID', [{ field: 'body.endsAt', issue: 'not_after_start' }]);
  if (closes > ends) throw new AppError('CAMPAIGN_PERIOD_INVALID', [{ field: 'body.registrationClosesAt', issue: 'after_end' }]);
  if (starts < dayStart(period.starts_on) || starts >= dayEnd(period.ends_on))
    throw new AppError('CAMPAIGN_PERIOD_INVALID', [{ field: 'body.startsAt', issue: 'outside_campaign_period' }]);
  return { starts, ends, closes };
};

/** A draft event under a campaign, run by the campaign's org or a named org (an outlet) inside the planner's scope. */
export const createEvent = async (deps: ModuleDeps, actor: Actor, campaignId: string, input: TEventInput): Promise<{ id: string }> => {
  const id = newId();
  return inTransaction(deps, actor, async (uow) => {
    const campaign = await loadCampaign(uow.tx, actor, campaignId);
    authorize(campaignPolicy, 'addEvent', actor, campaign);
    const t = checkTimes(input, campaign);
    const org = await resolveOrg(uow.tx, actor, input.orgId, { id: campaign.org_id, path: campaign.org_path });
    await uow.tx
      .insertInto('cmp_events')
      .values({
        id,
        campaign_id: campaignId,
        title: input.title,
        status: 'draft',
        venue_type: input.venueType,
        venue_name: input.venueName,
        address: input.address,
        description: input.description,
        starts_at: t.starts,
        ends_at: t.ends,
        registration_closes_at: t.closes,
        capacity: input.capacity,
        audiences: input.audiences,
        speakers: JSON.stringify(input.speakers),
        materials: input.materials,
        org_id: org.id,
        org_path: org.path,
      })
      .execute();
    await uow.audit({ action: 'campaign.event_created', targetType: 'campaign_event', targetId: id, after: { campaignId, ...input } });
    return { id };
  });
};
