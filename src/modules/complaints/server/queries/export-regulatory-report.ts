import type { Actor } from '../../../../kernel/actor.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { toXlsx } from './export-complaints.ts';
import { getRegulatoryReport, type Period } from './get-regulatory-report.ts';

/** The regulatory table as a workbook (summary, business × cause matrix, categories); counts only, audited. */
export const exportRegulatoryReport = async (deps: ModuleDeps, actor: Actor, period: Period, personalCustomers: number): Promise<Buffer> => {
  const r = await getRegulatoryReport(deps, actor, period, personalCustomers);
  const name = new Map(r.codes.map((c) => [c.code, c.nameZh]));
  const label = (code: string) => `${code} ${name.get(code) ?? ''}`.trim();
  const title = `${period.year}年${period.quarter ? `第${period.quarter}季度` : '年度'}`;
  const summary: unknown[][] = [
    ['项目 Item', '数值 Value'],
    ['期间 Period', title],
    ['投诉总量 Total complaints', r.total],
    ['网点数 Outlets', r.intensity.outlets],
    ['每千网点投诉量 Per 1,000 outlets', r.intensity.per1000Outlets ?? ''],
    ['每千万个人客户投诉量 Per 10 million customers', r.intensity.per10MillionCustomers ?? ''],
    ['已告知处理意见 Decided', r.timeliness.decided],
    ['按时告知 In time', r.timeliness.inTime],
    ['信用卡 Credit cards', r.productBuckets.credit_card ?? 0],
    ['个人贷款 Personal loans', r.productBuckets.personal_loans ?? 0],
    ['理财 Wealth management', r.productBuckets.wealth ?? 0],
  ];
  const matrix: unknown[][] = [
    ['业务类别 Business category (B)', '投诉原因 Cause (C)', '件数 Count'],
    ...r.matrix.map((m) => [label(m.businessCategory), label(m.cause), m.count]),
  ];
  const categories: unknown[][] = [
    ['业务类别 Business category', '件数 Count', '占比 Share'],
    ...r.byBusinessCategory.map((b) => [label(b.code), b.count, Math.round(b.share * 10000) / 10000]),
  ];
  await inTransaction(deps, actor, ({ audit }) =>
    audit({ action: 'complaint.stats_exported', targetType: 'complaint', note: { period, rows: r.matrix.length } }),
  );
  return toXlsx([
    { name: '汇总', rows: summary },
    { name: '业务类别×投诉原因', rows: matrix },
    { name: '业务类别', rows: categories },
  ]);
};
