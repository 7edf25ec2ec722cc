import { describe, expect, it } from 'vitest';
import { MEMO_MAX_CHARS, memoText } from './memo.ts';
import { normalize } from './normalize.ts';
import { segment } from './segment.ts';

describe('text memo', () => {
  it('computes once per text and variant, evicts the least recently used, skips long texts', () => {
    const calls: string[] = [];
    const f = memoText(2, (t, v) => {
      calls.push(`${v}:${t}`);
      return `${t}!${v}`;
    });
    expect([f('a', 'x'), f('a', 'x'), f('a', 'y'), f('a', 'x')]).toEqual(['a!x', 'a!x', 'a!y', 'a!x']);
    expect(calls).toEqual(['x:a', 'y:a']);
    f('b', 'x'); // evicts a/y, the least recently used
    f('a', 'y');
    expect(calls).toEqual(['x:a', 'y:a', 'x:b', 'y:a']);
    const long = '长'.repeat(MEMO_MAX_CHARS + 1);
    f(long, 'x');
    f(long, 'x');
    expect(calls.filter((c) => c.endsWith(long))).toHaveLength(2);
  });

  it('keeps normalize and segment results exact and safe from callers changing them', () => {
    expect(normalize('工商銀行ＡＴＭ吞卡 https://x.cn', { stripUrls: true })).toBe('工商银行atm吞卡');
    expect(normalize('工商銀行ＡＴＭ吞卡 https://x.cn')).toBe('工商银行atm吞卡 https://x.cn');
    const words = segment('工商银行信用卡年费');
    words.push('改动');
    expect(segment('工商银行信用卡年费')).not.toContain('改动');
    expect(segment('工商银行信用卡年费', { forSearch: true }).length).toBeGreaterThanOrEqual(segment('工商银行信用卡年费').length);
  });
});
