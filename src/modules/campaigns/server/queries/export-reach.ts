import ExcelJS from 'exceljs';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { AUDIENCE_LABELS, CHANNEL_LABELS, type TAudience, type TChannel, type TVenue, VENUE_LABELS } from '../../contract.ts';
import { CAMPAIGN_PERMISSIONS } from '../policy.ts';
import { getReach } from './reach.ts';

const cell = (v: unknown): string => {
  const s = String(v ?? '');
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** The reach dashboard as CSV (one row per dimension and value) or XLSX (one sheet per dimension); audited. */
export const exportReach = async (
  deps: ModuleDeps,
  actor: Actor,
  filter: Parameters<typeof getReach>[2],
  format: 'csv' | 'xlsx',
): Promise<{ body: Buffer; fileName: string }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.export);
  const r = await getReach(deps.db, actor, filter);
  const label = (k: string, labels: Record<string, { zh: string }>) => labels[k]?.zh ?? (k === 'unknown' ? '未填写' : k);
  const sections: [string, { key: string; people: number }[]][] = [
    ['人群 Audience', r.byAudience.map((x) => ({ ...x, key: label(x.key, AUDIENCE_LABELS as Record<TAudience, { zh: string }>) }))],
    ['网点 Outlet', r.byOutlet],
    ['渠道 Channel', r.byChannel.map((x) => ({ ...x, key: label(x.key, CHANNEL_LABELS as Record<TChannel, { zh: string }>) }))],
    ['场地 Venue', r.byVenue.map((x) => ({ ...x, key: label(x.key, VENUE_LABELS as Record<TVenue, { zh: string }>) }))],
  ];
  const totals: [string, number][] = [
    ['场次 Events', r.totals.events],
    ['报名 Registered', r.totals.registered],
    ['到场 Attended', r.totals.attended],
    ['现场参与 Walk-ins', r.totals.walkIns],
    ['场外触达 Reach beyond the room', r.totals.extraReach],
    ['总触达 Total reach', r.totals.reach],
  ];
  let body: Buffer;
  if (format === 'csv') {
    const lines = [
      ['维度 Dimension', '值 Value', '人数 People'],
      ...totals.map(([k, v]) => ['合计 Total', k, v]),
      ...sections.flatMap(([d, rows]) => rows.map((x) => [d, x.key, x.people])),
    ];
    body = Buffer.from(`\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
  } else {
    const wb = new ExcelJS.Workbook();
    const sum = wb.addWorksheet('合计 Totals');
    sum.addRow(['指标 Measure', '人数 People']);
    for (const t of totals) sum.addRow(t);
    for (const [d, rows] of sections) {
      const ws = wb.addWorksheet(d);
      ws.addRow([d, '到场人数 People present']);
      for (const x of rows) ws.addRow([x.key, x.people]);
    }
    for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
    body = Buffer.from(await wb.xlsx.writeBuffer());
  }
  await inTransaction(deps, actor, ({ audit }) => audit({ action: 'campaign.reach_exported', targetType: 'campaign', note: { format, filter } }));
  return { body, fileName: `campaign-reach-${new Date().toISOString().slice(0, 10)}.${format}` };
};
