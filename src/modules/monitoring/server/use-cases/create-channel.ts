import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZChannelInput } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** A 企业微信 / 钉钉 group robot or an e-mail list that receives alerts of the actor's org subtree (e-mail goes through XIAOBAO_SMTP_URL). */
export const createChannel = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZChannelInput>): Promise<{ id: string }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    const url = input.kind === 'email' ? `mailto:${input.to.join(',')}` : input.url;
    await uow.tx.insertInto('monitor_channels').values({ id, kind: input.kind, name: input.name, url, org_path: actor.orgPath }).execute();
    // The robot URL carries its access token: keep it out of the audit log.
    await uow.audit({ action: 'monitoring.channel_created', targetType: 'monitor_channel', targetId: id, after: { kind: input.kind, name: input.name } });
    await uow.emit('monitoring.channel_created', { channelId: id });
  });
  return { id };
};
