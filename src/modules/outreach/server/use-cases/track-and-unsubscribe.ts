import { systemActor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { verifyToken } from '../domain/tokens.ts';

/** Public unsubscribe through a signed link: the channel goes to opt_outs and queued messages on it are skipped. */
export const unsubscribe = async (deps: ModuleDeps, token: string): Promise<{ channel: string }> => {
  const payload = verifyToken(deps.config.sessionSecret, token);
  const [kind, customerId, channel] = payload?.split('|') ?? [];
  if (kind !== 'u' || !customerId || !channel) throw new AppError('OUTREACH_TOKEN_INVALID');
  await inTransaction(deps, systemActor('outreach.unsubscribe'), async (uow) => {
    const row = await uow.tx.selectFrom('outreach_customers').select(['opt_outs']).where('id', '=', customerId).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('OUTREACH_TOKEN_INVALID');
    if (!row.opt_outs.includes(channel))
      await uow.tx
        .updateTable('outreach_customers')
        .set({ opt_outs: [...row.opt_outs, channel], updated_at: deps.clock.now() })
        .where('id', '=', customerId)
        .execute();
    await uow.tx
      .updateTable('outreach_deliveries')
      .set({ status: 'skipped', skip_reason: 'opted_out' })
      .where('customer_id', '=', customerId)
      .where('channel', '=', channel as never)
      .where('status', '=', 'queued')
      .execute();
    await uow.audit({ action: 'outreach.customer.unsubscribe', targetType: 'outreach_customer', targetId: customerId, note: { channel } });
    await uow.emit('outreach.customer_unsubscribed', { customerId, channel });
  });
  return { channel };
};

/** Open pixel / click redirect: first time only, no audit (tracking traffic is not a staff action). Returns the link to redirect to. */
export const recordTracking = async (deps: ModuleDeps, token: string, what: 'open' | 'click'): Promise<string | null> => {
  const payload = verifyToken(deps.config.sessionSecret, token);
  const [kind, id] = payload?.split('|') ?? [];
  if (kind !== 't' || !id || !/^\d+$/.test(id)) throw new AppError('OUTREACH_TOKEN_INVALID');
  const now = deps.clock.now();
  const col = what === 'open' ? 'opened_at' : 'clicked_at';
  await deps.db
    .updateTable('outreach_deliveries')
    .set({ [col]: now, ...(what === 'click' ? { opened_at: now } : {}) })
    .where('id', '=', Number(id))
    .where(col, 'is', null)
    .execute();
  if (what === 'open') return null;
  const row = await deps.db
    .selectFrom('outreach_deliveries as d')
    .innerJoin('outreach_pushes as p', 'p.id', 'd.push_id')
    .select('p.link_path')
    .where('d.id', '=', Number(id))
    .executeTakeFirst();
  return row?.link_path ?? '/portal';
};
