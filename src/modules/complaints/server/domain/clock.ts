import { addDays, daysBetween, endOfShanghaiDay, type IsoDate, shanghaiDate } from './calendar.ts';

/**
 * The statutory complaint clock, computed from the case's clock events alone (so it can be
 * recomputed and audited at any time).
 *
 * - 办法 Art 18: decide and notify within 15 days of receipt; complex cases may be extended to 30,
 *   especially complex ones by a further 30 to at most 60 (approval by the higher-level
 *   institution or a head-office senior manager; the complainant is told).
 * - Art 18/23: time for external appraisal/testing/valuation and for mediation does not count.
 * - Art 18: new facts or reasons restart the clock from receipt of the new material.
 * - Art 43 + 民法典 Art 201: calendar days; the day of receipt is not counted; the deadline is
 *   the end (24:00) of the last day. No holiday roll-over (regulation.md §1.4: safe default).
 */
export type ClockEvent =
  | { type: 'received'; at: Date }
  | { type: 'extended'; at: Date; limitDays: 30 | 60 }
  | { type: 'paused'; at: Date }
  | { type: 'resumed'; at: Date }
  | { type: 'restarted'; at: Date }
  | { type: 'stopped'; at: Date };

export type ClockPolicy = { warnDaysBefore: number; escalateDaysBefore: number };
export const DEFAULT_CLOCK_POLICY: ClockPolicy = { warnDaysBefore: 5, escalateDaysBefore: 2 };

export type PauseSpan = { from: IsoDate; to: IsoDate | null; days: number };

export type ClockState = {
  startDate: IsoDate;
  limitDays: 15 | 30 | 60;
  pausedDays: number;
  pauses: PauseSpan[];
  deadline: IsoDate;
  deadlineAt: Date;
  isPaused: boolean;
  isStopped: boolean;
  stoppedOn: IsoDate | null;
  /** Counted days used so far (excluding pauses), as of `asOf` or the stop date. */
  daysUsed: number;
  daysLeft: number;
  stage: 'on_track' | 'warning' | 'escalated' | 'overdue' | 'met' | 'missed';
};

export class ClockError extends Error {}

export const computeClock = (events: readonly ClockEvent[], asOf: Date, policy: ClockPolicy = DEFAULT_CLOCK_POLICY): ClockState => {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = sorted[0];
  if (first?.type !== 'received') throw new ClockError('a clock starts with its receipt');
  let startDate = shanghaiDate(first.at);
  let limitDays: 15 | 30 | 60 = 15;
  let pauses: PauseSpan[] = [];
  let openPause: IsoDate | null = null;
  let stoppedOn: IsoDate | null = null;

  for (const e of sorted.slice(1)) {
    const day = shanghaiDate(e.at);
    if (stoppedOn && e.type !== 'restarted') continue;
    switch (e.type) {
      case 'received':
        throw new ClockError('receipt can only be the first clock event');
      case 'extended':
        if (e.limitDays <= limitDays) throw new ClockError(`cannot extend from ${limitDays} to ${e.limitDays} days`);
        if (e.limitDays === 60 && limitDays !== 30) throw new ClockError('the 60-day limit follows the 30-day extension');
        limitDays = e.limitDays;
        break;
      case 'paused':
        if (openPause === null) openPause = day;
        break;
      case 'resumed':
        if (openPause !== null) {
          pauses.push({ from: openPause, to: day, days: daysBetween(openPause, day) });
          openPause = null;
        }
        break;
      case 'restarted':
        // New material: a fresh 15-day clock from its receipt.
        startDate = day;
        limitDays = 15;
        pauses = [];
        openPause = null;
        stoppedOn = null;
        break;
      case 'stopped':
        if (openPause !== null) {
          pauses.push({ from: openPause, to: day, days: daysBetween(openPause, day) });
          openPause = null;
        }
        stoppedOn = day;
        break;
    }
  }

  const today = shanghaiDate(asOf);
  if (openPause !== null) pauses.push({ from: openPause, to: null, days: Math.max(0, daysBetween(openPause, today)) });
  const pausedDays = pauses.reduce((s, p) => s + p.days, 0);
  const deadline = addDays(startDate, limitDays + pausedDays);
  const refDay = stoppedOn ?? today;
  const daysUsed = Math.max(0, daysBetween(startDate, refDay) - pausedDays);
  const daysLeft = daysBetween(refDay, deadline);
  const stage: ClockState['stage'] = stoppedOn
    ? stoppedOn <= deadline
      ? 'met'
      : 'missed'
    : today > deadline
      ? 'overdue'
      : daysLeft <= policy.escalateDaysBefore
        ? 'escalated'
        : daysLeft <= policy.warnDaysBefore
          ? 'warning'
          : 'on_track';
  return {
    startDate,
    limitDays,
    pausedDays,
    pauses,
    deadline,
    deadlineAt: endOfShanghaiDay(deadline),
    isPaused: openPause !== null,
    isStopped: stoppedOn !== null,
    stoppedOn,
    daysUsed,
    daysLeft,
    stage,
  };
};
