import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { classifyComplaint, detectFraud, detectNegative, loadModels, sentiment } from '../src/modules/nlp/index.ts';
import { openPglite, openPostgres } from '../src/platform/db/client.ts';
import { buildSearchDocument, normalize, searchRank, searchWhere, segment } from '../src/platform/search/index.ts';
import type { BenchTarget } from './run.ts';
import { percentile } from './server-process.ts';

/**
 * NLP throughput on one core (synthetic ~150-character complaint texts), model load time, RSS,
 * and the hybrid search at NLP_BENCH_ROWS rows (default 100k): p95 of top-20 ranked queries and
 * recall against LIKE substring truth.
 */
const ROWS = Number(process.env.NLP_BENCH_ROWS ?? 100_000);
const PARTS = [
  '信用卡',
  '年费',
  '扣收',
  '征信异议',
  '理财经理',
  '手机银行',
  '转账失败',
  '客服态度',
  '很差',
  '网点',
  '排队',
  '贷款利率',
  '提前还款',
  '违约金',
  '催收',
  '爆通讯录',
  '盗刷',
  '花呗',
  '借呗',
  '杀猪盘',
  '诈骗',
  '存款变保险',
  '非保本',
  '理财产品',
  'ATM',
  '吞卡',
  '账户冻结',
  '销户',
  '共扣收年费',
  '客户',
  '反映',
  '要求',
  '退还',
  '处理',
  '不满意',
  '投诉',
  '已经',
  '多次',
  '联系',
  '没有',
  '结果',
  '，',
  '。',
  '2024年3月',
  '元',
];
const rng = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};
// Filler words from a broad pool, with banking terms mixed in (≈ 1 in 8 words), so common terms
// hit a realistic share of rows rather than all of them.
const POOL =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车'.split(
    '',
  );
const makeTexts = (n: number, seed: number) => {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)] as T;
  return Array.from({ length: n }, () => {
    let s = '';
    while (s.length < 150) s += r() < 0.12 ? pick(PARTS) : pick(POOL) + pick(POOL);
    return s;
  });
};

const rate = (texts: string[], f: (t: string) => unknown) => {
  const t0 = performance.now();
  for (const t of texts) f(t);
  return Math.round(texts.length / ((performance.now() - t0) / 1000));
};

const QUERIES = ['年费', '征信异议', '理财经理', '杀猪盘', '费', '扣收年费', '信用卡 年费', 'atm吞卡', '花呗', '冻结'];

type Row = { id: number; body: string; search_text: string; search_terms: string };

const searchBench = async (target: BenchTarget) => {
  const dir = mkdtempSync(join(tmpdir(), 'xb-nlp-bench-'));
  let dbName: string | undefined;
  const handle =
    target.dialect === 'pglite'
      ? await openPglite(join(dir, 'pgdata'))
      : await (async () => {
          dbName = `xb_nlp_bench_${process.pid}`;
          const c = new pg.Client({ connectionString: target.databaseUrl });
          await c.connect();
          await c.query(`create database ${dbName}`);
          await c.end();
          const u = new URL(target.databaseUrl as string);
          u.pathname = `/${dbName}`;
          return openPostgres(u.toString(), 4);
        })();
  const db = handle.db as unknown as Kysely<{ docs: Row }>;
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create table docs (id int primary key, body text not null, search_text text not null, search_terms tsvector not null)`.execute(db);
    const texts = makeTexts(ROWS, 99);
    const t0 = performance.now();
    for (let i = 0; i < ROWS; i += 1000) {
      const batch = texts.slice(i, i + 1000).map((body, k) => ({ id: i + k + 1, body, ...buildSearchDocument([body]) }));
      await db.insertInto('docs').values(batch).execute();
      if ((i / 1000) % 20 === 0) console.error(`[nlp] search rows ${i}`);
    }
    const loadMs = performance.now() - t0;
    const t1 = performance.now();
    await sql`create index docs_search_trgm on docs using gin (search_text gin_trgm_ops)`.execute(db);
    await sql`create index docs_search_terms on docs using gin (search_terms)`.execute(db);
    await sql`analyze docs`.execute(db);
    const indexMs = performance.now() - t1;
    const latencies: number[] = [];
    const newest: number[] = [];
    let found = 0;
    let truth = 0;
    for (const q of QUERIES) {
      const got = await db.selectFrom('docs as d').select(sql<number>`count(*)`.as('n')).where(searchWhere(q, 'd')).executeTakeFirstOrThrow();
      const terms = normalize(q).split(' ');
      let truthQuery = db.selectFrom('docs').select(sql<number>`count(*)`.as('n'));
      for (const t of terms) truthQuery = truthQuery.where(sql<boolean>`strpos(search_text, ${t}) > 0`);
      const want = await truthQuery.executeTakeFirstOrThrow();
      found += Math.min(Number(got.n), Number(want.n));
      truth += Number(want.n);
      for (let rep = 0; rep < 5; rep++) {
        let t = performance.now();
        await db.selectFrom('docs as d').select('d.id').where(searchWhere(q, 'd')).orderBy('d.id', 'desc').limit(20).execute();
        newest.push(performance.now() - t);
        t = performance.now();
        await db
          .selectFrom('docs as d')
          .select(['d.id', searchRank(q, 'd').as('rank')])
          .where(searchWhere(q, 'd'))
          .orderBy('rank', 'desc')
          .orderBy('d.id', 'desc')
          .limit(20)
          .execute();
        latencies.push(performance.now() - t);
      }
    }
    latencies.sort((a, b) => a - b);
    newest.sort((a, b) => a - b);
    return {
      searchRows: ROWS,
      searchLoadRowsPerSec: Math.round(ROWS / (loadMs / 1000)),
      searchIndexMs: Math.round(indexMs),
      searchP50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      searchP95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
      searchNewestP95Ms: Math.round(percentile(newest, 95) * 10) / 10,
      searchRecall: truth === 0 ? 1 : Math.round((found / truth) * 10000) / 10000,
    };
  } finally {
    await handle.close();
    if (dbName) {
      const c = new pg.Client({ connectionString: target.databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
};

export const run = async (target: BenchTarget) => {
  const t = performance.now();
  loadModels();
  const modelLoadMs = Math.round(performance.now() - t);
  const texts = makeTexts(5000, 7);
  const entities = ['招商银行', '花呗', '小资钱包'];
  sentiment(texts[0]);
  const mb = texts.reduce((s, x) => s + Buffer.byteLength(x), 0) / 1e6;
  const t0 = performance.now();
  for (const x of texts) segment(normalize(x));
  const segmentMBPerSec = Math.round((mb / ((performance.now() - t0) / 1000)) * 10) / 10;
  const result = {
    modelLoadMs,
    sentimentDocsPerSec: rate(texts, sentiment),
    negativeDocsPerSec: rate(texts, (x) => detectNegative(x, entities)),
    classifyDocsPerSec: rate(texts, classifyComplaint),
    fraudDocsPerSec: rate(texts, detectFraud),
    segmentMBPerSec,
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
  console.error(`[nlp] ${JSON.stringify(result)}`);
  return { ...result, ...(await searchBench(target)) };
};
