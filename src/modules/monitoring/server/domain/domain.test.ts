import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCKS, endOfShanghaiDay, startClocks, viewClocks } from './clocks.ts';
import { DEFAULT_GRADE_RULES, type GradeFacts, gradePost } from './grading.ts';
import { detectSpike, hourlyHistory } from './spike.ts';

const rules = DEFAULT_GRADE_RULES.map((r, i) => ({ ...r, id: String(i) }));
const facts = (f: Partial<GradeFacts>): GradeFacts => ({
  reach: 0,
  followers: 0,
  tier: 'social',
  normalisedText: '',
  negative: true,
  storyPostsLastHour: 1,
  linkedComplaints: 0,
  ...f,
});

describe('grading', () => {
  it('fires the most severe rule and says why', () => {
    expect(gradePost(rules, facts({ normalisedText: '网点门口有人聚集挤兑' }))).toMatchObject({ grade: 'I', because: ['terms 挤兑/聚集', 'negative'] });
    expect(gradePost(rules, facts({ tier: 'national' }))?.grade).toBe('I');
    expect(gradePost(rules, facts({ storyPostsLastHour: 25 }))?.rule).toMatch(/Spreading/);
    expect(gradePost(rules, facts({ normalisedText: '遭遇暴力催收' }))?.grade).toBe('II');
    expect(gradePost(rules, facts({}))?.grade).toBe('III');
    expect(gradePost(rules, facts({ negative: false, normalisedText: '挤兑' }))).toBeNull();
  });
});

describe('spike detection', () => {
  it('compares the last hour with mean + kσ of the trailing hours', () => {
    const flat = Array.from({ length: 168 }, (_, i) => (i % 2 === 0 ? 2 : 4));
    expect(detectSpike(flat, 5, 3, 5)).toMatchObject({ isSpike: false, mean: 3, sd: 1, threshold: 6 });
    expect(detectSpike(flat, 7, 3, 5).isSpike).toBe(true);
    expect(detectSpike(new Array(168).fill(0), 4, 3, 5).isSpike).toBe(false);
    expect(detectSpike(new Array(168).fill(0), 5, 3, 5).isSpike).toBe(true);
  });
  it('zero-fills hourly buckets before the window', () => {
    const w = new Date('2026-11-27T10:00:00Z');
    const h = hourlyHistory(
      [
        { hour: new Date('2026-11-27T09:00:00Z'), n: 3 },
        { hour: new Date('2026-11-20T10:00:00Z'), n: 1 },
      ],
      w,
      168,
    );
    expect(h[167]).toBe(3);
    expect(h[0]).toBe(1);
    expect(h.reduce((a, b) => a + b)).toBe(4);
  });
});

describe('incident clocks', () => {
  it('grade I: leadership at once, regulator by phone ≤ 1 h and in writing ≤ 2 h; grade II the same day', () => {
    const opened = new Date('2026-11-27T02:00:00Z');
    const c = startClocks(DEFAULT_CLOCKS.I, opened);
    expect(c.map((x) => x.dueAt)).toEqual(['2026-11-27T02:15:00.000Z', '2026-11-27T03:00:00.000Z', '2026-11-27T04:00:00.000Z']);
    expect(startClocks(DEFAULT_CLOCKS.II, opened)[0]?.dueAt).toBe('2026-11-27T15:59:59.000Z');
    expect(endOfShanghaiDay(new Date('2026-11-27T17:00:00Z')).toISOString()).toBe('2026-11-28T15:59:59.000Z');
    const later = new Date('2026-11-27T03:30:00Z');
    const v = viewClocks([{ ...(c[0] as (typeof c)[0]), doneAt: '2026-11-27T02:10:00.000Z' }, ...c.slice(1)], later);
    expect(v.map((x) => x.state)).toEqual(['done', 'overdue', 'running']);
  });
});
