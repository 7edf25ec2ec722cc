import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { listOrgRefs } from '../../../identity/index.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';

/** Product buckets of the NFRA quarterly bulletins (regulation.md §3). */
const BUCKETS: Record<string, string[]> = { credit_card: ['B04'], personal_loans: ['B02'], wealth: ['B09'] };

export type Period = { year: number; quarter?: number | undefined };

/** First day of the period's first month and of the month after it (Asia/Shanghai calendar). */
const monthsOf = ({ year, quarter }: Period): [string, string] => {
  const first = quarter ? (quarter - 1) * 3 + 1 : 1;
  const after = quarter ? first + 3 : 13;
  const ym = (y: number, m: number) => `${m > 12 ? y + 1 : y}-${String(m > 12 ? m - 12 : m).padStart(2, '0')}-01`;
  return [ym(year, first), ym(year, after)];
};

const range = ({ year, quarter }: Period): [Date, Date] => {
  const from = quarter ? `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01` : `${year}-01-01`;
  const toYear = quarter === 4 || !quarter ? year + 1 : year;
  const to = quarter && quarter < 4 ? `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01` : `${toYear}-01-01`;
  return [new Date(`${from}T00:00:00+08:00`), new Date(`${to}T00:00:00+08:00`)];
};

/**
 * The regulatory statistics table for a quarter (or the annual disclosure for a year): business
 * category × cause per JR/T 0169, the bulletin's product buckets, complaint intensity per 1,000
 * outlets and per 10 million personal customers, and timeliness. Merged repeats are not counted.
 */
export const getRegulatoryReport = async (deps: ModuleDeps, actor: Actor, period: Period, personalCustomers: number) => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.stats);
  const [from, to] = range(period);
  // Read from the monthly counts the triggers keep (quarters and years are whole months).
  const months = monthsOf(period);
  const counts = deps.db
    .selectFrom('complaint_monthly_counts as m')
    .where(inScope(actor, 'm.org_path'))
    .where('m.month', '>=', months[0])
    .where('m.month', '<', months[1]);
  const cells = (
    await counts
      .select(['m.business_category as b', 'm.cause as c', (eb) => eb.fn.sum<number>('m.complaints').as('n')])
      .groupBy(['m.business_category', 'm.cause'])
      .execute()
  ).filter((r) => Number(r.n) > 0);
  const total = cells.reduce((s, r) => s + Number(r.n), 0);
  const byBusiness = new Map<string, number>();
  for (const r of cells) byBusiness.set(r.b, (byBusiness.get(r.b) ?? 0) + Number(r.n));
  const outlets = (await listOrgRefs(deps.db, 'outlet')).filter((o) => o.path.startsWith(actor.orgPath)).length;
  const timely = await counts
    .select([(eb) => eb.fn.sum<number>('m.decided').as('decided'), (eb) => eb.fn.sum<number>('m.in_time').as('in_time')])
    .executeTakeFirst();
  const codes = await deps.db
    .selectFrom('complaint_codes')
    .select(['code', 'name_zh', 'name_en', 'dimension'])
    .where('dimension', 'in', ['business', 'cause'])
    .orderBy('sort')
    .execute();
  return {
    period: { ...period, from: from.toISOString(), to: to.toISOString() },
    total,
    matrix: cells
      .map((r) => ({ businessCategory: r.b, cause: r.c, count: Number(r.n) }))
      .sort((a, b) => a.businessCategory.localeCompare(b.businessCategory) || a.cause.localeCompare(b.cause)),
    byBusinessCategory: [...byBusiness].map(([code, count]) => ({ code, count, share: total ? count / total : 0 })).sort((a, b) => b.count - a.count),
    productBuckets: Object.fromEntries(Object.entries(BUCKETS).map(([k, bs]) => [k, bs.reduce((s, b) => s + (byBusiness.get(b) ?? 0), 0)])),
    intensity: {
      outlets,
      personalCustomers,
      per1000Outlets: outlets ? (total / outlets) * 1000 : null,
      per10MillionCustomers: personalCustomers ? (total / personalCustomers) * 10_000_000 : null,
    },
    timeliness: { decided: Number(timely?.decided ?? 0), inTime: Number(timely?.in_time ?? 0) },
    codes: codes.map((c) => ({ code: c.code, dimension: c.dimension, nameZh: c.name_zh, nameEn: c.name_en })),
  };
};
