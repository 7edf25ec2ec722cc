import { describe, expect, it } from 'vitest';
import {
  classifyComplaint,
  clusterTopics,
  detectFraud,
  detectNegative,
  findNearDuplicates,
  hammingDistance,
  isNearDuplicate,
  keywords,
  normalize,
  segment,
  sentiment,
  simhash,
} from './index.ts';
import { runLine } from './server/jsonl.ts';

const BAD_INPUTS: [string, unknown][] = [
  ['empty', ''],
  ['whitespace', ' \n\t\u3000 '],
  ['1 MB', '银行卡年费被扣收，客服态度差。'.repeat(70_000)],
  ['binary garbage', String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536))],
  ['lone surrogates', '\ud800abc\udfff年费\ud83d'],
  ['emoji only', '😀😡👍🏻🔥🔥'],
  ['mixed scripts', 'ATM吞卡 error code E1003 ｶﾀｶﾅ 한국어 عربى 銀行'],
  ['not a string', 12345],
  ['null', null],
];

describe('nlp API on bad input', () => {
  // The test timeout is the guard against hangs; speed is measured by the bench, not asserted here.
  it.each(BAD_INPUTS)('answers %s with defined outputs', (_name, input) => {
    const s = sentiment(input);
    expect(['positive', 'negative', 'neutral']).toContain(s.label);
    expect(s.probs.positive + s.probs.negative + s.probs.neutral).toBeGreaterThan(0.99);
    const n = detectNegative(input, ['银行', 42 as unknown as string]);
    expect(typeof n.negative).toBe('boolean');
    const c = classifyComplaint(input);
    expect(c.businessCategory).toMatch(/^B\d\d$/);
    expect(c.cause).toMatch(/^C\d\d$/);
    expect(c.confidence).toBeGreaterThanOrEqual(0);
    const f = detectFraud(input);
    expect(f.score).toBeGreaterThanOrEqual(0);
    expect(typeof normalize(input)).toBe('string');
    expect(Array.isArray(segment(input))).toBe(true);
    expect(Array.isArray(keywords(input))).toBe(true);
    expect(simhash(typeof input === 'string' ? input : '')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never emits lone surrogates from normalize', () => {
    expect(normalize('\ud800abc\udfff')).toBe('abc');
    expect(normalize('😀')).toBe('😀');
  });
});

describe('normalisation and segmentation', () => {
  it('converts traditional, full-width and case, and tidies whitespace', () => {
    expect(normalize('銀行信用卡年費  被重複扣收 ＡＴＭ')).toBe('银行信用卡年费 被重复扣收 atm');
  });
  it('keeps banking words whole with the user dictionary', () => {
    const words = segment('遭遇杀猪盘，花呗借呗逾期，共扣收年费，申请征信异议');
    for (const w of ['杀猪盘', '花呗', '借呗', '扣收', '年费', '征信异议']) expect(words).toContain(w);
  });
});

describe('models', () => {
  it('tells positive from negative reviews', () => {
    expect(sentiment('服务很周到，环境干净，非常满意，下次还来').label).toBe('positive');
    expect(sentiment('客服态度恶劣，乱扣年费，投诉了也没人管，太失望了').label).toBe('negative');
  });
  it('finds negative news and its entities', () => {
    const r = detectNegative('小资钱包涉嫌非法集资被立案侦查，出借人无法提现', ['小资钱包', '小资']);
    expect(r.negative).toBe(true);
    expect(r.negativeEntities).toEqual(['小资钱包']);
  });
  it('codes a credit-card fee complaint and sends vague text to a human', () => {
    const c = classifyComplaint('我的信用卡被扣了年费，办卡时说免年费');
    expect(c.businessCategory).toBe('B04');
    expect(c.cause).toBe('C11');
    expect(classifyComplaint('你好').needsHuman).toBe(true);
  });
  it('tags fraud types and leaves ordinary complaints untagged', () => {
    expect(detectFraud('自称公安局民警说我涉嫌洗钱，要求把钱转到安全账户').fraudType).toBe('impersonate_authority');
    expect(detectFraud('网恋男友带我在博彩网站投资，被骗了30万，是杀猪盘').fraudType).toBe('romance');
    expect(detectFraud('网点排队太久，服务态度差').fraudType).toBeNull();
  });
});

describe('near-duplicates and topics', () => {
  const a = '客户张某反映其信用卡于2024年3月被扣收年费600元，办卡时客户经理承诺免年费，要求退还并道歉。';
  const b = '客户李某反映其信用卡于2024年3月被扣收年费600元，办卡时客户经理承诺免年费，要求退还并道歉。';
  const c = '手机银行转账失败，提示系统繁忙，资金已扣但对方未到账，要求尽快查明。';
  it('finds repeat complaints and not unrelated ones', () => {
    expect(hammingDistance(simhash(a), simhash(a))).toBe(0);
    expect(isNearDuplicate(a, b)).toBe(true);
    expect(isNearDuplicate(a, c)).toBe(false);
    expect(findNearDuplicates([a, c, b, ''])).toEqual([[0, 2]]);
  });
  it('clusters complaint texts by topic', () => {
    const fees = ['信用卡年费被扣收', '年费乱收取，信用卡中心不退', '信用卡年费重复扣收要求退还'];
    const app = ['手机银行登录闪退', '手机银行转账失败闪退', '手机银行升级后无法登录'];
    const clusters = clusterTopics([...fees, ...app], { k: 2 });
    expect(clusters).toHaveLength(2);
    const sets = clusters.map((c) => [...c.members].sort());
    expect(sets).toEqual(
      expect.arrayContaining([
        [0, 1, 2],
        [3, 4, 5],
      ]),
    );
  });
});

describe('JSON Lines contract', () => {
  it('answers valid lines and turns bad ones into error lines', () => {
    expect(runLine('sentiment', '{"id":"a","text":"很好"}')).toMatchObject({ id: 'a', label: expect.any(String), probs: expect.any(Object) });
    expect(runLine('fraud', '{"id":1,"text":"刷单返利"}')).toMatchObject({ id: 1, score: expect.any(Number) });
    expect(runLine('classify', '{"id":2,"text":"年费"}')).toMatchObject({ id: 2, needsHuman: expect.any(Boolean) });
    expect(runLine('negative', '{"id":3,"text":"某银行被罚","entities":["某银行"]}')).toMatchObject({ id: 3, negativeEntities: expect.any(Array) });
    expect(runLine('sentiment', 'nope')).toMatchObject({ id: null, error: { code: 'INVALID_JSON' } });
    expect(runLine('sentiment', '{"id":9}')).toMatchObject({ id: 9, error: { code: 'INVALID_LINE' } });
    expect(runLine('sentiment', '   ')).toBeUndefined();
  });
});
