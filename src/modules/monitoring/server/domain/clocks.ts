import type { TClockPolicy, TGrade } from '../../contract.ts';

/** Defaults from regulation.md §4 (design grading, not law; configurable per local rules). */
export const DEFAULT_CLOCKS: Record<TGrade, TClockPolicy[]> = {
  I: [
    { key: 'leadership', label: '报告高级管理层 Tell senior management', due: 15 },
    { key: 'regulator_phone', label: '电话报告监管 Phone the regulator', due: 60 },
    { key: 'regulator_written', label: '书面报告监管 Written report to the regulator', due: 120 },
  ],
  II: [{ key: 'report_same_day', label: '当日报告 Report the same day', due: 'end_of_day' }],
  III: [],
};

const SHANGHAI_OFFSET = 8 * 3600_000;

/** End of the opening day in Asia/Shanghai (UTC+8, no DST). */
export const endOfShanghaiDay = (at: Date): Date => {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 23, 59, 59);
  return new Date(end - SHANGHAI_OFFSET);
};

export type IncidentClock = { key: string; label: string; dueAt: string; doneAt: string | null; note: string | null };

export const startClocks = (policies: readonly TClockPolicy[], openedAt: Date): IncidentClock[] =>
  policies.map((p) => ({
    key: p.key,
    label: p.label,
    dueAt: (p.due === 'end_of_day' ? endOfShanghaiDay(openedAt) : new Date(openedAt.getTime() + p.due * 60_000)).toISOString(),
    doneAt: null,
    note: null,
  }));

export type ClockView = IncidentClock & { state: 'done' | 'done_late' | 'running' | 'overdue'; remainingMs: number };

export const viewClocks = (clocks: readonly IncidentClock[], now: Date): ClockView[] =>
  clocks.map((c) => {
    const due = Date.parse(c.dueAt);
    const state = c.doneAt ? (Date.parse(c.doneAt) <= due ? 'done' : 'done_late') : now.getTime() > due ? 'overdue' : 'running';
    return { ...c, state, remainingMs: c.doneAt ? 0 : due - now.getTime() };
  });
