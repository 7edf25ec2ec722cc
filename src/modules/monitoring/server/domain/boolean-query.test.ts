import { describe, expect, it } from 'vitest';
import { matchQuery, parseQuery, type QuerySyntaxError } from './boolean-query.ts';

const m = (q: string, text: string) => matchQuery(parseQuery(q), text.toLowerCase());

describe('watchlist boolean queries', () => {
  it('handles AND / OR / NOT, precedence, parentheses and phrases', () => {
    expect(m('工行 OR icbc', '我在ICBC开户')).toBe(true);
    expect(m('工行 AND 吞卡', '工行ATM吞卡了')).toBe(true);
    expect(m('工行 吞卡', '工行ATM正常')).toBe(false);
    expect(m('(工行 OR 工商银行) NOT 招聘', '工商银行招聘公告')).toBe(false);
    expect(m('(工行 OR 工商银行) -招聘', '工商银行乱扣费')).toBe(true);
    expect(m('a OR b AND c', 'a')).toBe(true);
    expect(m('"暴力 催收"', '暴力催收')).toBe(false);
    expect(m('"暴力 催收"', '遭遇暴力 催收')).toBe(true);
    expect(m('挤兑 或 群体 与 维权', '挤兑')).toBe(true);
  });

  it('refuses malformed queries with a stable issue', () => {
    const issue = (q: string) => {
      try {
        parseQuery(q);
        return 'ok';
      } catch (e) {
        return (e as QuerySyntaxError).issue;
      }
    };
    expect(issue('(工行 OR')).toBe('unexpected_end');
    expect(issue('(工行')).toBe('unclosed_parenthesis');
    expect(issue('"工行')).toBe('unclosed_quote');
    expect(issue('NOT 工行')).toBe('only_negative_terms');
    expect(issue('工行 )')).toBe('unexpected_rp');
    expect(issue('OR 工行')).toBe('unexpected_or');
  });
});
