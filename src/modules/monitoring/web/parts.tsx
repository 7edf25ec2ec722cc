import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Clock, Grade } from './api.ts';
import type { OText } from './messages.ts';

const GRADE_COLOR: Record<Grade, string> = { I: 'red', II: 'orange', III: 'gold' };
const SENT_COLOR = { positive: 'green', neutral: 'default', negative: 'red' } as const;

export const GradeTag = ({ grade, t }: { grade: Grade | null; t: OText }) => (grade ? <Tag color={GRADE_COLOR[grade]}>{t(`grade.${grade}`)}</Tag> : null);

export const SentimentTag = ({ s, t }: { s: keyof typeof SENT_COLOR; t: OText }) => <Tag color={SENT_COLOR[s]}>{t(`sent.${s}`)}</Tag>;

const fmt = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)}h${m % 60}m` : `${m}m`;
};

/** A live countdown per clock: green done, blue running, red overdue. */
export const Clocks = ({ clocks, t, stopped = false }: { clocks: Clock[]; t: OText; stopped?: boolean }) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  return (
    <>
      {clocks.map((c) => {
        const left = Date.parse(c.dueAt) - now;
        const color = c.doneAt ? (c.state === 'done_late' ? 'orange' : 'green') : left < 0 ? 'red' : 'blue';
        return (
          <Tag key={c.key} color={color} data-testid={`clock-${c.key}`}>
            {c.label} · {c.doneAt ? t('inc.complete') : stopped ? '—' : `${left < 0 ? '-' : ''}${fmt(left)}`}
          </Tag>
        );
      })}
    </>
  );
};
