import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { authorize, requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TCampaignInput } from '../../contract.ts';
import { dayEnd, dayStart, loadCampaign } from '../campaign-store.ts';
import { CAMPAIGN_PERMISSIONS, campaignPolicy } from '../policy.ts';
import { resolveOrg } from './resolve-org.ts';

const checkPeriod = (input: TCampaignInput) => {
  if (input.endsOn < input.startsOn) throw new AppError('CAMPAIGN_PERIOD_INVALID', [{ field: 'body.endsOn', issue: 'before_start' }]);
};

const rowOf = (input: TCampaignInput) => ({
  theme: input.theme,
  title: input.title,
  description: input.description,
  starts_on: input.startsOn,
  ends_on: input.endsOn,
  audiences: input.audiences,
  goals: JSON.stringify(input.goals),
  quiz_ids: input.quizIds,
});

/** A campaign owned by the planner's org (or a named org inside their scope). */
export const createCampaign = async (deps: ModuleDeps, actor: Actor, input: TCampaignInput): Promise<{ id: string }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.manage);
  checkPeriod(input);
  const org = await resolveOrg(deps.db, actor, input.orgId, { id: actor.orgId, path: actor.orgPath });
  const id = newId();
  return inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('cmp_campaigns')
      .values({ id, ...rowOf(input), org_id: org.id, org_path: org.path, created_by: actor.username })
      .execute();
    await uow.audit({ action: 'campaign.created', targetType: 'campaign', targetId: id, after: { ...input } });
    return { id };
  });
};

export const updateCampaign = async (deps: ModuleDeps, actor: Actor, id: string, input: TCampaignInput): Promise<void> => {
  checkPeriod(input);
  await inTransaction(deps, actor, async (uow) => {
    const before = await loadCampaign(uow.tx, actor, id);
    authorize(campaignPolicy, 'edit', actor, before);
    const outside = await uow.tx
      .selectFrom('cmp_events')
      .select('id')
      .where('campaign_id', '=', id)
      .where('status', '!=', 'cancelled')
      .where((eb) => eb.or([eb('starts_at', '<', dayStart(input.startsOn)), eb('starts_at', '>=', dayEnd(input.endsOn))]))
      .executeTakeFirst();
    if (outside) throw new AppError('CAMPAIGN_PERIOD_INVALID', [{ field: 'body.startsOn', issue: 'events_outside_period' }]);
    const org = await resolveOrg(uow.tx, actor, input.orgId, { id: before.org_id, path: before.org_path });
    await uow.tx
      .updateTable('cmp_campaigns')
      .set({ ...rowOf(input), org_id: org.id, org_path: org.path, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await uow.audit({
      action: 'campaign.updated',
      targetType: 'campaign',
      targetId: id,
      before: { title: before.title, startsOn: before.starts_on, endsOn: before.ends_on, goals: before.goals },
      after: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, goals: input.goals },
    });
  });
};
