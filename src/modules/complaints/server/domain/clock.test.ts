import { describe, expect, it } from 'vitest';
import { ClockError, type ClockEvent, computeClock } from './clock.ts';

// 09:30 Beijing time on the given date.
const at = (d: string, hhmm = '09:30') => new Date(`${d}T${hhmm}:00+08:00`);

describe('the statutory complaint clock', () => {
  it('gives 15 calendar days, not counting the day of receipt, ending at 24:00 Beijing time', () => {
    const c = computeClock([{ type: 'received', at: at('2026-03-01') }], at('2026-03-01'));
    expect(c.deadline).toBe('2026-03-16');
    expect(c.deadlineAt.toISOString()).toBe('2026-03-16T15:59:59.999Z');
    expect(c.daysLeft).toBe(15);
    expect(c.stage).toBe('on_track');
  });

  it('uses the Beijing date of receipt, not the UTC one', () => {
    // 23:30 UTC on 28 Feb is 07:30 on 1 March in Beijing.
    const c = computeClock([{ type: 'received', at: new Date('2026-02-28T23:30:00Z') }], new Date('2026-03-01T02:00:00Z'));
    expect(c.startDate).toBe('2026-03-01');
    expect(c.deadline).toBe('2026-03-16');
  });

  it('does not roll a deadline over public holidays (calendar days, safe default)', () => {
    const c = computeClock([{ type: 'received', at: at('2026-09-16') }], at('2026-09-16'));
    expect(c.deadline).toBe('2026-10-01');
  });

  it('warns at day 10, escalates at day 13 and is overdue after day 15', () => {
    const ev: ClockEvent[] = [{ type: 'received', at: at('2026-03-01') }];
    expect(computeClock(ev, at('2026-03-10')).stage).toBe('on_track');
    expect(computeClock(ev, at('2026-03-11')).stage).toBe('warning');
    expect(computeClock(ev, at('2026-03-14')).stage).toBe('escalated');
    expect(computeClock(ev, at('2026-03-16', '23:59')).stage).toBe('escalated');
    expect(computeClock(ev, at('2026-03-17', '00:01')).stage).toBe('overdue');
  });

  it('extends to 30 and then 60 days, in that order only', () => {
    const ev: ClockEvent[] = [
      { type: 'received', at: at('2026-03-01') },
      { type: 'extended', at: at('2026-03-12'), limitDays: 30 },
      { type: 'extended', at: at('2026-03-28'), limitDays: 60 },
    ];
    expect(computeClock(ev.slice(0, 2), at('2026-03-12')).deadline).toBe('2026-03-31');
    expect(computeClock(ev, at('2026-03-28')).deadline).toBe('2026-04-30');
    expect(() => computeClock([ev[0] as ClockEvent, { type: 'extended', at: at('2026-03-02'), limitDays: 60 }], at('2026-03-02'))).toThrow(ClockError);
  });

  it('excludes paused days (appraisal, mediation), including a pause still running', () => {
    const ev: ClockEvent[] = [
      { type: 'received', at: at('2026-03-01') },
      { type: 'paused', at: at('2026-03-05') },
      { type: 'resumed', at: at('2026-03-12') },
    ];
    const c = computeClock(ev, at('2026-03-13'));
    expect(c.pausedDays).toBe(7);
    expect(c.deadline).toBe('2026-03-23');
    expect(c.daysUsed).toBe(5);
    const running = computeClock(ev.slice(0, 2), at('2026-03-09'));
    expect(running.isPaused).toBe(true);
    expect(running.pauses).toEqual([{ from: '2026-03-05', to: null, days: 4 }]);
    expect(running.deadline).toBe('2026-03-20');
  });

  it('restarts a fresh 15-day clock on new facts, dropping earlier extensions and pauses', () => {
    const ev: ClockEvent[] = [
      { type: 'received', at: at('2026-03-01') },
      { type: 'paused', at: at('2026-03-02') },
      { type: 'resumed', at: at('2026-03-04') },
      { type: 'extended', at: at('2026-03-10'), limitDays: 30 },
      { type: 'restarted', at: at('2026-03-20') },
    ];
    const c = computeClock(ev, at('2026-03-21'));
    expect(c.startDate).toBe('2026-03-20');
    expect(c.limitDays).toBe(15);
    expect(c.pausedDays).toBe(0);
    expect(c.deadline).toBe('2026-04-04');
  });

  it('stops when the decision is notified and records whether the deadline was met', () => {
    const base: ClockEvent = { type: 'received', at: at('2026-03-01') };
    const met = computeClock([base, { type: 'stopped', at: at('2026-03-16', '22:00') }], at('2026-05-01'));
    expect(met).toMatchObject({ isStopped: true, stage: 'met', daysUsed: 15 });
    const missed = computeClock([base, { type: 'stopped', at: at('2026-03-17', '08:00') }], at('2026-05-01'));
    expect(missed.stage).toBe('missed');
  });

  it('is the same whatever order the events are stored in', () => {
    const ev: ClockEvent[] = [
      { type: 'resumed', at: at('2026-03-08') },
      { type: 'received', at: at('2026-03-01') },
      { type: 'paused', at: at('2026-03-03') },
    ];
    expect(computeClock(ev, at('2026-03-09')).deadline).toBe('2026-03-21');
  });
});
