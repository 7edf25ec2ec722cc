import { describe, expect, it } from 'vitest';
import { ZRule } from '../../contract.ts';
import { quietUntil } from '../settings.ts';
import { orgCodesOf } from './rule-sql.ts';
import { signToken, verifyToken } from './tokens.ts';

describe('outreach domain', () => {
  it('quiet hours are evaluated in Asia/Shanghai and end at the configured minute', () => {
    const policy = { quietStart: '21:00', quietEnd: '08:00' };
    // 14:30 UTC = 22:30 in Shanghai → quiet until 08:00 Shanghai = 00:00 UTC next day.
    expect(quietUntil(new Date('2026-11-27T14:30:00Z'), policy)?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    // 03:00 UTC = 11:00 in Shanghai → not quiet.
    expect(quietUntil(new Date('2026-11-27T03:00:00Z'), policy)).toBeNull();
    expect(quietUntil(new Date('2026-11-27T14:30:00Z'), { quietStart: '00:00', quietEnd: '00:00' })).toBeNull();
  });

  it('signed tokens refuse any change', () => {
    const t = signToken('secret', 'u|abc|email');
    expect(verifyToken('secret', t)).toBe('u|abc|email');
    expect(verifyToken('other', t)).toBeNull();
    expect(verifyToken('secret', `${t.slice(0, -1)}A`)).toBeNull();
  });

  it('rule trees are validated and their org codes collected for one compiled query', () => {
    const rule = ZRule.parse({
      type: 'all',
      rules: [
        { type: 'ageBand', values: ['60+'] },
        { type: 'not', rule: { type: 'homeOrg', orgCode: 'CC-NG' } },
      ],
    });
    expect(orgCodesOf(rule)).toEqual(['CC-NG']);
    expect(ZRule.safeParse({ type: 'all', rules: [] }).success).toBe(false);
    expect(ZRule.safeParse({ type: 'ageBand', values: ['60+'], extra: 1 }).success).toBe(false);
  });
});
