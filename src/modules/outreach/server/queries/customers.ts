import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import { escapeLike, inScope } from '../../../../platform/scope.ts';
import type { TCustomer } from '../../contract.ts';
import type { OutreachCustomersTable } from '../db/tables.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';

type Row = Pick<
  OutreachCustomersTable,
  'id' | 'name' | 'mobile' | 'email' | 'wechat_openid' | 'age_band' | 'gender' | 'occupation' | 'home_org_code' | 'consents' | 'opt_outs'
>;

export const CUSTOMER_COLUMNS = [
  'c.id',
  'c.name',
  'c.mobile',
  'c.email',
  'c.wechat_openid',
  'c.age_band',
  'c.gender',
  'c.occupation',
  'c.home_org_code',
  'c.consents',
  'c.opt_outs',
] as const;

/** Personal data is masked unless the caller went through the audited reveal. */
export const presentCustomer = (r: Row, reveal = false): TCustomer => ({
  id: r.id,
  name: reveal ? r.name : (mask('name', r.name) as string),
  mobile: reveal ? r.mobile : mask('phone', r.mobile),
  email: reveal ? r.email : mask('email', r.email),
  wechatOpenid: reveal || !r.wechat_openid ? r.wechat_openid : `${r.wechat_openid.slice(0, 4)}****`,
  ageBand: r.age_band,
  gender: r.gender,
  occupation: r.occupation,
  homeOrgCode: r.home_org_code,
  consents: r.consents,
  optOuts: r.opt_outs,
  masked: !reveal,
});

export const listCustomers = async (
  db: Executor,
  actor: Actor,
  q: { q?: string | undefined; ageBand?: string | undefined; limit: number; offset: number },
): Promise<{ items: TCustomer[]; total: number }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  let base = db.selectFrom('outreach_customers as c').where(inScope(actor, 'c.org_path'));
  if (q.ageBand) base = base.where('c.age_band', '=', q.ageBand);
  const text = q.q?.trim();
  // Searching by a full mobile number finds the customer without showing it.
  if (text) base = /^\d{11}$/.test(text) ? base.where('c.mobile', '=', text) : base.where('c.name', 'like', `%${escapeLike(text)}%`);
  const [rows, total] = await Promise.all([
    base.select(CUSTOMER_COLUMNS).orderBy('c.created_at', 'desc').orderBy('c.id').limit(q.limit).offset(q.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentCustomer(r)), total: total.n };
};
