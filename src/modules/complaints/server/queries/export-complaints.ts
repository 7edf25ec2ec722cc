import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { CHANNEL_LABELS, STATUS_LABELS, type ZComplaintListQuery } from '../../contract.ts';
import { listComplaints } from './list-complaints.ts';

const MAX_ROWS = 50_000;

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote every cell; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

/**
 * Any filtered list as CSV (UTF-8 with BOM so Excel opens Chinese correctly). Personal data stays
 * masked; the export itself is audited with its filters and row count.
 */
export const exportComplaintsCsv = async (deps: ModuleDeps, actor: Actor, q: z.infer<typeof ZComplaintListQuery>): Promise<string> => {
  const header = [
    '受理编号 Tracking code',
    '状态 Status',
    '渠道 Channel',
    '标题 Title',
    '投诉人 Complainant',
    '电话 Phone',
    '机构 Org',
    '承办人 Owner',
    '业务类别 B',
    '投诉原因 C',
    '受理时间 Received',
    '办理时限 Deadline',
    '时限状态 Clock',
    '标记 Flags',
  ];
  const lines = [header.map(cell).join(',')];
  for (let page = 1; (page - 1) * 100 < MAX_ROWS; page++) {
    const { items } = await listComplaints(deps, actor, { ...q, page, pageSize: 100 });
    for (const c of items) {
      lines.push(
        [
          c.trackingCode,
          STATUS_LABELS[c.status].zh,
          CHANNEL_LABELS[c.channel].zh,
          c.title,
          c.complainantNameMasked,
          c.phoneMasked,
          c.orgName,
          c.ownerName,
          c.businessCategory,
          c.cause,
          c.receivedAt,
          c.deadline,
          c.stage,
          c.flags.join(' '),
        ]
          .map(cell)
          .join(','),
      );
    }
    if (items.length < 100) break;
  }
  await inTransaction(deps, actor, ({ audit }) =>
    audit({ action: 'complaint.exported', targetType: 'complaint', note: { filters: q, rows: lines.length - 1 } }),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};
