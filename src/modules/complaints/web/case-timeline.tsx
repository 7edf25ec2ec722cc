import { Timeline, Typography } from 'antd';
import { type Bilingual, useI18n } from '../../../web/i18n.ts';
import { formatDateTime } from '../../../web/ui/format.ts';
import { CHANNEL_LABELS, type TComplaintDetail, ZChannel } from '../contract.ts';
import { EVENT_LABELS, labelOf, METHOD_LABELS, NOTICE_KIND_LABELS, PAUSE_LABELS, REMEDY_LABELS } from './labels.ts';

type Entry = TComplaintDetail['timeline'][number];
const COLORS: Record<string, string> = {
  extended: 'orange',
  extension_requested: 'orange',
  paused: 'gold',
  resumed: 'green',
  closed: 'green',
  notice_sent: 'blue',
  stopped: 'gray',
  withdrawn: 'gray',
  merged: 'gray',
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A one-line summary of an event's data in the reader's language; unknown data is left out. */
const summary = (e: Entry, pick: (l: Bilingual) => string): string => {
  const d = e.data;
  const L = (labels: Record<string, Bilingual>, k: unknown) => labelOf(labels, str(k), pick);
  const parts: string[] = [];
  const channel = ZChannel.safeParse(d.channel);
  if (channel.success) parts.push(pick(CHANNEL_LABELS[channel.data]));
  if (d.to) parts.push(pick({ zh: `移交给 ${str(d.to)}`, en: `to ${str(d.to)}` }));
  if (d.limitDays) parts.push(pick({ zh: `时限 ${str(d.limitDays)} 天`, en: `${str(d.limitDays)}-day limit` }));
  if (d.kind) parts.push(L(NOTICE_KIND_LABELS, d.kind));
  if (d.method) parts.push(L(METHOD_LABELS, d.method));
  if (typeof d.inTime === 'boolean') parts.push(pick(d.inTime ? { zh: '按时', en: 'in time' } : { zh: '超时', en: 'late' }));
  if (e.type === 'paused' && d.reason) parts.push(L(PAUSE_LABELS, d.reason));
  if (Array.isArray(d.remedies)) parts.push(d.remedies.map((r) => L(REMEDY_LABELS, r)).join('、'));
  if (d.into) parts.push(str(d.into));
  if (d.from && e.type === 'merged_from') parts.push(str(d.from));
  for (const k of ['reason', 'outcome', 'note', 'comment', 'explanation'] as const)
    if (typeof d[k] === 'string' && !(e.type === 'paused' && k === 'reason') && !(e.type === 'stopped')) parts.push(d[k] as string);
  if (d.businessCategory) parts.push(`${str(d.businessCategory)} / ${str(d.cause)}`);
  return parts.filter(Boolean).join(' · ');
};

export const CaseTimeline = ({ timeline }: { timeline: TComplaintDetail['timeline'] }) => {
  const { pick, locale } = useI18n();
  return (
    <Timeline
      data-testid="case-timeline"
      items={timeline.map((e) => ({
        key: e.id,
        color: COLORS[e.type] ?? 'blue',
        content: (
          <div data-testid={`tl-${e.type}`}>
            <Typography.Text strong>{labelOf(EVENT_LABELS, e.type, pick)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(e.at, locale)} · {e.actorName}
            </Typography.Text>
            {summary(e, pick) ? <div style={{ color: '#595959' }}>{summary(e, pick)}</div> : null}
          </div>
        ),
      }))}
    />
  );
};
