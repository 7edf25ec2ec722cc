import ExcelJS from 'exceljs';
import type { Actor } from '../../../../kernel/actor.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import { AUDIENCE_LABELS, CHANNEL_LABELS, EVENT_STATUS_LABELS, type TAudience, VENUE_LABELS } from '../../contract.ts';
import { loadCampaign } from '../campaign-store.ts';
import { campaignPolicy } from '../policy.ts';
import { getCampaign } from './campaigns.ts';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Neutralise spreadsheet formulas (CSV injection), quote every cell.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};
const local = (isoString: string) => new Date(new Date(isoString).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const EVENT_HEADER = [
  '场次 Event',
  '状态 Status',
  '场地类型 Venue',
  '场地 Place',
  '机构 Org',
  '开始 Starts',
  '名额 Capacity',
  '报名 Registered',
  '到场 Attended',
  '现场参与 Walk-ins',
];

/**
 * A campaign's results as CSV (events) or XLSX (events, goals vs results, attendees with phones
 * masked). The export is audited with its format and row counts.
 */
export const exportCampaign = async (deps: ModuleDeps, actor: Actor, id: string, format: 'csv' | 'xlsx'): Promise<{ body: Buffer; fileName: string }> => {
  const c = await loadCampaign(deps.db, actor, id);
  authorize(campaignPolicy, 'export', actor, c);
  const detail = await getCampaign(deps.db, actor, id);
  const eventRows = detail.eventList.map((e) => [
    e.title,
    EVENT_STATUS_LABELS[e.status].zh,
    VENUE_LABELS[e.venueType].zh,
    e.venueName,
    e.orgName,
    local(e.startsAt),
    e.capacity,
    e.registered,
    e.attended,
    e.walkIns,
  ]);
  const stamp = new Date().toISOString().slice(0, 10);
  let body: Buffer;
  let attendees = 0;
  if (format === 'csv') {
    body = Buffer.from(`\uFEFF${[EVENT_HEADER, ...eventRows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
  } else {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Xiaobao';
    const goals = wb.addWorksheet('目标与成效 Goals');
    goals.addRow(['指标 Measure', '目标 Goal', '成效 Result']);
    goals.addRow(['触达人数 Reach', detail.goals.reach, detail.results.reach]);
    goals.addRow(['到场人数 Attendance', detail.goals.attendance, detail.results.attendance]);
    goals.addRow(['答题参与 Quiz participation', detail.goals.quizParticipation, detail.results.quizParticipation]);
    const events = wb.addWorksheet('活动场次 Events');
    events.addRow(EVENT_HEADER);
    for (const r of eventRows) events.addRow(r);
    const people = wb.addWorksheet('签到名单 Attendees');
    people.addRow(['场次 Event', '姓名 Name', '手机 Phone', '受众 Audience', '来源 Channel', '签到时间 Checked in']);
    const regs = await deps.db
      .selectFrom('cmp_registrations as r')
      .innerJoin('cmp_events as e', 'e.id', 'r.event_id')
      .select(['e.title', 'r.name', 'r.phone', 'r.audience', 'r.channel', 'r.checked_in_at'])
      .where('r.event_id', 'in', detail.eventList.map((e) => e.id).concat(['00000000-0000-0000-0000-000000000000']))
      .orderBy('e.starts_at')
      .orderBy('r.created_at')
      .execute();
    for (const r of regs)
      people.addRow([
        r.title,
        mask('name', r.name),
        mask('phone', r.phone),
        r.audience ? AUDIENCE_LABELS[r.audience as TAudience].zh : '',
        CHANNEL_LABELS[r.channel].zh,
        r.checked_in_at ? local(new Date(r.checked_in_at).toISOString()) : '',
      ]);
    attendees = regs.length;
    for (const ws of [goals, events, people]) ws.getRow(1).font = { bold: true };
    body = Buffer.from(await wb.xlsx.writeBuffer());
  }
  await inTransaction(deps, actor, ({ audit }) =>
    audit({ action: 'campaign.exported', targetType: 'campaign', targetId: id, note: { format, events: eventRows.length, attendees } }),
  );
  return { body, fileName: `campaign-${stamp}.${format}` };
};
