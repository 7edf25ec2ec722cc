import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSearchColumns, buildSearchDocument, normalizeForSearch, parseSearchQuery, searchRank, searchWhere } from '../../src/platform/search/index.ts';
import { createTestDb, type TestDb, testDialects } from '../support/db.ts';

type Docs = { docs: { id: number; body: string; search_text: string; search_terms: string } };

const FIXED = [
  '客户提出征信异议，要求更正记录',
  '征信报告有误，客户对处理结果有异议',
  '本月共扣收年费300元，客户不认可',
  '銀行信用卡年費被重複扣收',
  'ＡＴＭ吞卡，手机银行ATM转账失败 error code E1003',
  '遭遇杀猪盘，网络婚恋交友被骗',
  "注入测试 '; drop table docs; -- 100% 完成 a_b",
  '😀😀😀',
  '花呗借呗逾期，催收人员爆通讯录',
  '理财经理推荐非保本理财产品',
];

const VOCAB = [
  '信用卡',
  '年费',
  '扣收',
  '征信',
  '异议',
  '理财',
  '经理',
  '客户',
  '投诉',
  '手机银行',
  '转账',
  '失败',
  '花呗',
  '贷款',
  '利率',
  '5g',
  'atm',
  '，',
  '。',
  '了',
];

// deterministic pseudo-random corpus
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const corpus = (): string[] => {
  const r = rng(42);
  const out = [...FIXED];
  for (let i = 0; i < 400; i++) {
    const n = 3 + Math.floor(r() * 12);
    let s = '';
    for (let k = 0; k < n; k++) s += VOCAB[Math.floor(r() * VOCAB.length)];
    out.push(s);
  }
  return out;
};

const truth = (texts: string[], query: string) => {
  const terms = parseSearchQuery(query).map((t) => t.term);
  return texts
    .map((t, i) => ({ i: i + 1, n: normalizeForSearch(t) }))
    .filter(({ n }) => terms.every((term) => n.includes(term)))
    .map(({ i }) => i);
};

describe.each(testDialects())('hybrid Chinese search on %s', (dialect) => {
  let t: TestDb;
  let db: Kysely<Docs>;
  const texts = corpus();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    db = t.handle.db as unknown as Kysely<Docs>;
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create table docs (id int primary key, body text not null)`.execute(db);
    await addSearchColumns(db as unknown as Kysely<unknown>, 'docs');
    await db
      .insertInto('docs')
      .values(texts.map((body, i) => ({ id: i + 1, body, ...buildSearchDocument([body]) })))
      .execute();
  });
  afterAll(async () => {
    await t.handle.close();
    await t.drop();
  });

  const ids = async (q: string) => (await db.selectFrom('docs as d').select('d.id').where(searchWhere(q, 'd')).orderBy('d.id').execute()).map((r) => r.id);

  it('answers exactly the substring truth for 1-, 2- and ≥3-character terms, Chinese, Latin and mixed', async () => {
    for (const q of [
      '年费',
      '费',
      '征信',
      '征信异议',
      '扣收年费',
      '信用卡 年费',
      'atm',
      'ATM吞卡',
      '5g',
      'e1003',
      '理财经理',
      '经理 客户 投诉',
      '呗',
      '了，',
    ]) {
      expect({ q, ids: await ids(q) }).toEqual({ q, ids: truth(texts, q) });
    }
  });

  it('has phrase semantics: 征信异议 does not match 征信 … 异议 apart', async () => {
    const hits = await ids('征信异议');
    expect(hits).toContain(1);
    expect(hits).not.toContain(2);
    expect(await ids('征信 异议')).toEqual(expect.arrayContaining([1, 2]));
  });

  it('normalises queries and documents the same way (traditional, full-width, case)', async () => {
    expect(await ids('年費')).toContain(4);
    expect(await ids('重复扣收')).toEqual([4]);
    expect(await ids('ａｔｍ吞卡')).toEqual([5]);
    expect(await ids('杀猪盘')).toEqual([6]);
  });

  it('treats LIKE wildcards and quotes in queries as plain text', async () => {
    expect(await ids('100%')).toEqual([7]);
    expect(await ids('a_b')).toEqual([7]);
    expect(await ids("'; drop")).toEqual([7]);
    expect(await ids('%%%')).toEqual([]);
    expect(await ids('😀')).toEqual([8]);
  });

  it('matches every row for an empty query', async () => {
    expect((await ids('  ')).length).toBe(texts.length);
  });

  it('ranks documents with more query words first', async () => {
    const rows = await db
      .selectFrom('docs as d')
      .select(['d.id', searchRank('信用卡年费', 'd').as('rank')])
      .where(searchWhere('年费', 'd'))
      .orderBy('rank', 'desc')
      .orderBy('d.id')
      .limit(5)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.rank).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i - 1]?.rank)).toBeGreaterThanOrEqual(Number(rows[i]?.rank));
  });

  it('stores and finds a 200k-character document (tsvector cap, LIKE recheck)', async () => {
    const chars: string[] = [];
    let x = 2463534242;
    for (let i = 0; i < 200_000; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      chars.push(String.fromCharCode(0x4e00 + ((x >>> 0) % 20000)));
    }
    const big = `${chars.join('')}尾部年费`;
    const doc = buildSearchDocument([big]);
    expect(doc.search_terms.includes("'~trunc'")).toBe(true);
    await db
      .insertInto('docs')
      .values({ id: 100000, body: big, ...doc })
      .execute();
    expect(await ids('部年')).toContain(100000);
    expect(await ids('尾部年费')).toContain(100000);
    await db.deleteFrom('docs').where('id', '=', 100000).execute();
  });
});
