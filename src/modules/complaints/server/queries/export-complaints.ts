import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { hasPermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { CHANNEL_LABELS, STATUS_LABELS, type ZComplaintListQuery } from '../../contract.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';
import { listComplaints } from './list-complaints.ts';

const MAX_ROWS = 50_000;

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFile = { body: Buffer | string; contentType: string; extension: ExportFormat };

const HEADER = [
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

/** Neutralise spreadsheet formulas (CSV/XLSX injection): a cell never starts with = + - @. */
const safeText = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};
const csvCell = (v: unknown): string => `"${safeText(v).replaceAll('"', '""')}"`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows as a one-sheet workbook; every value is written as text, so nothing is evaluated. */
export const toXlsx = async (sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xiaobao';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'number' ? v : safeText(v))));
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/**
 * Any filtered list as CSV (UTF-8 with BOM so Excel opens Chinese correctly) or XLSX. Personal
 * data stays masked unless the user holds complaint.reveal_pii and states a reason; the export is
 * audited with its filters, row count and — when revealed — that reason.
 */
export const exportComplaints = async (
  deps: ModuleDeps,
  actor: Actor,
  q: z.infer<typeof ZComplaintListQuery>,
  opts: { format: ExportFormat; revealReason?: string | undefined },
): Promise<ExportFile> => {
  const reveal = opts.revealReason !== undefined;
  if (reveal && !hasPermission(actor, COMPLAINT_PERMISSIONS.revealPii))
    throw new AppError('FORBIDDEN', [{ issue: 'missing_permission', message: COMPLAINT_PERMISSIONS.revealPii }]);
  const rows: unknown[][] = [HEADER];
  for (let page = 1; (page - 1) * 100 < MAX_ROWS; page++) {
    const { items } = await listComplaints(deps, actor, { ...q, page, pageSize: 100 });
    const raw =
      reveal && items.length > 0
        ? new Map(
            (
              await deps.db
                .selectFrom('complaints')
                .select(['id', 'complainant_name', 'phone'])
                .where(
                  'id',
                  'in',
                  items.map((c) => c.id),
                )
                .execute()
            ).map((r) => [r.id, r]),
          )
        : null;
    for (const c of items) {
      const pii = raw?.get(c.id);
      rows.push([
        c.trackingCode,
        STATUS_LABELS[c.status].zh,
        CHANNEL_LABELS[c.channel].zh,
        c.title,
        pii?.complainant_name ?? c.complainantNameMasked,
        pii?.phone ?? c.phoneMasked,
        c.orgName,
        c.ownerName,
        c.businessCategory,
        c.cause,
        c.receivedAt,
        c.deadline,
        c.stage,
        c.flags.join(' '),
      ]);
    }
    if (items.length < 100) break;
  }
  await inTransaction(deps, actor, ({ audit }) =>
    audit({
      action: reveal ? 'complaint.exported_unmasked' : 'complaint.exported',
      targetType: 'complaint',
      note: { filters: q, rows: rows.length - 1, format: opts.format, ...(reveal ? { reason: opts.revealReason } : {}) },
    }),
  );
  if (opts.format === 'xlsx') return { body: await toXlsx([{ name: '投诉清单', rows }]), contentType: XLSX_TYPE, extension: 'xlsx' };
  return { body: `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, contentType: 'text/csv; charset=utf-8', extension: 'csv' };
};
