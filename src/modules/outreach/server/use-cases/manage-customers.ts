import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope, isPathInScope } from '../../../../platform/scope.ts';
import { findOrg } from '../../../identity/index.ts';
import type { TChannelCode, TCustomer, TCustomerInput } from '../../contract.ts';
import { ZCustomerInput } from '../../contract.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';
import { CUSTOMER_COLUMNS, presentCustomer } from '../queries/customers.ts';

export const createCustomer = async (deps: ModuleDeps, actor: Actor, raw: TCustomerInput): Promise<{ id: string }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.customers);
  const input = ZCustomerInput.parse(raw);
  const org = await findOrg(deps.db, { code: input.homeOrgCode });
  if (!org || !isPathInScope(actor, org.path)) throw new AppError('VALIDATION_FAILED', [{ field: 'body.homeOrgCode', issue: 'unknown_org' }]);
  if (input.mobile && (await deps.db.selectFrom('outreach_customers').select('id').where('mobile', '=', input.mobile).executeTakeFirst()))
    throw new AppError('OUTREACH_DUPLICATE_CUSTOMER', [{ field: 'body.mobile', issue: 'duplicate' }]);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('outreach_customers')
      .values({
        id,
        name: input.name,
        mobile: input.mobile ?? null,
        email: input.email ?? null,
        wechat_openid: input.wechatOpenid ?? null,
        age_band: input.ageBand,
        gender: input.gender,
        occupation: input.occupation,
        home_org_id: org.id,
        home_org_code: org.code,
        org_path: org.path,
        consents: [...new Set(input.consents)],
        opt_outs: [],
        import_id: null,
      })
      .execute();
    await uow.audit({
      action: 'outreach.customer.create',
      targetType: 'outreach_customer',
      targetId: id,
      after: { mobile: input.mobile ?? null, homeOrgCode: org.code },
    });
  });
  return { id };
};

/** Shows one customer's personal data in full; the reason is written to the audit log. */
export const revealCustomer = async (deps: ModuleDeps, actor: Actor, id: string, reason: string): Promise<TCustomer> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.reveal);
  const row = await deps.db
    .selectFrom('outreach_customers as c')
    .select([...CUSTOMER_COLUMNS, 'c.org_path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  assertInScope(actor, row);
  await inTransaction(deps, actor, (uow) =>
    uow.audit({ action: 'outreach.customer.reveal', targetType: 'outreach_customer', targetId: id, note: { reason, fields: 'name,mobile,email,openid' } }),
  );
  return presentCustomer(row as NonNullable<typeof row>, true);
};

/** Consent per channel, recorded by staff (e.g. from a signed form); withdrawing also stops queued messages. */
export const setConsents = async (deps: ModuleDeps, actor: Actor, id: string, consents: TChannelCode[]): Promise<void> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.customers);
  await inTransaction(deps, actor, async (uow) => {
    const row = await uow.tx.selectFrom('outreach_customers').select(['org_path', 'consents']).where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, row);
    const next = [...new Set(consents)];
    await uow.tx.updateTable('outreach_customers').set({ consents: next, updated_at: deps.clock.now() }).where('id', '=', id).execute();
    await uow.tx
      .updateTable('outreach_deliveries')
      .set({ status: 'skipped', skip_reason: 'consent_withdrawn' })
      .where('customer_id', '=', id)
      .where('status', '=', 'queued')
      .where('channel', 'not in', next.length ? next : (['-'] as never[]))
      .execute();
    await uow.audit({
      action: 'outreach.customer.consents',
      targetType: 'outreach_customer',
      targetId: id,
      before: { consents: row?.consents },
      after: { consents: next },
    });
  });
};
