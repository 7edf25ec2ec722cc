import { sql } from 'kysely';
import { createTransport } from 'nodemailer';
import { systemActor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { TGrade } from '../contract.ts';
import { detectSpike, hourlyHistory, type SpikeResult } from './domain/spike.ts';

const HOUR = 3600_000;
const HISTORY_HOURS = 7 * 24;
/** One alert per subject per throttle window; later spikes inside it only show in the counts. */
export const ALERT_THROTTLE_MS = 2 * HOUR;
const STORY_SPIKE = { k: 3, minCount: 8 };

type Subject = { type: 'watchlist' | 'story'; id: string; name: string; orgPath: string; k: number; minCount: number };

const subjectFilter = (s: Subject) => (s.type === 'watchlist' ? sql`watchlist_ids @> array[${s.id}]::text[]` : sql`story_id = ${s.id}::uuid`);

const measure = async (deps: ModuleDeps, s: Subject, now: Date): Promise<SpikeResult> => {
  const windowStart = new Date(now.getTime() - HOUR);
  const from = new Date(windowStart.getTime() - HISTORY_HOURS * HOUR);
  const { rows } = await sql<{ b: number; n: number }>`
    select floor(extract(epoch from (${windowStart}::timestamptz - published_at)) / 3600)::int as b, count(*)::int as n
    from monitor_posts where ${subjectFilter(s)} and published_at > ${from} and published_at <= ${now}
    group by 1`.execute(deps.db);
  // b < 0 is the current hour; b = 0 the hour just before it, and so on back.
  const current = rows.filter((r) => r.b < 0).reduce((t, r) => t + Number(r.n), 0);
  const history = hourlyHistory(
    rows.filter((r) => r.b >= 0).map((r) => ({ hour: new Date(windowStart.getTime() - (Number(r.b) + 1) * HOUR), n: Number(r.n) })),
    windowStart,
    HISTORY_HOURS,
  );
  return detectSpike(history, current, s.k, s.minCount);
};

/** Why it spiked: top terms, top sources, sample posts by reach, sentiment mix of the last hour. */
export const explainWindow = async (deps: ModuleDeps, s: Subject, now: Date) => {
  const posts = await deps.db
    .selectFrom('monitor_posts as p')
    .innerJoin('monitor_sources as src', 'src.id', 'p.source_id')
    .select(['p.id', 'p.title', 'p.text', 'p.url', 'p.keywords', 'p.sentiment', 'p.reposts', 'p.comments', 'p.likes', 'p.grade', 'src.name as source'])
    .where(() => subjectFilter(s) as never)
    .where('p.published_at', '>', new Date(now.getTime() - HOUR))
    .where('p.published_at', '<=', now)
    .limit(2000)
    .execute();
  const tally = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([key, count]) => ({ key, count }));
  };
  const mix = { positive: 0, negative: 0, neutral: 0 };
  for (const p of posts) mix[p.sentiment]++;
  const samples = [...posts]
    .sort((a, b) => Number(b.reposts) + Number(b.comments) + Number(b.likes) - (Number(a.reposts) + Number(a.comments) + Number(a.likes)))
    .slice(0, 3)
    .map((p) => ({ id: p.id, source: p.source, url: p.url, excerpt: (p.title ? `${p.title}：` : '') + p.text.slice(0, 140) }));
  return { topTerms: tally(posts.flatMap((p) => p.keywords)), topSources: tally(posts.map((p) => p.source)), samples, sentimentMix: mix };
};

const raise = async (
  deps: ModuleDeps,
  s: Subject,
  kind: 'spike' | 'grade',
  dedupeKey: string,
  r: SpikeResult,
  grade: TGrade | null,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<string | null> => {
  const recent = await deps.db
    .selectFrom('monitor_alerts')
    .select('id')
    .where('subject_id', '=', s.id)
    .where('kind', '=', kind)
    .where('created_at', '>', new Date(now.getTime() - ALERT_THROTTLE_MS))
    .executeTakeFirst();
  if (recent) return null;
  const explanation = { ...(await explainWindow(deps, s, now)), strength: Math.round(r.strength * 10) / 10, ...extra };
  return inTransaction(deps, systemActor('monitoring.alerts'), async (uow) => {
    const id = newId();
    const ins = await uow.tx
      .insertInto('monitor_alerts')
      .values({
        id,
        kind,
        subject_type: s.type,
        subject_id: s.id,
        subject_name: s.name,
        dedupe_key: dedupeKey,
        grade,
        window_start: new Date(now.getTime() - HOUR),
        count: r.count,
        baseline_mean: r.mean,
        baseline_sd: r.sd,
        threshold: r.threshold,
        explanation: JSON.stringify(explanation),
        org_path: s.orgPath,
        created_at: now,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!ins) return null;
    const channels = await uow.tx.selectFrom('monitor_channels').select(['id', 'org_path']).where('enabled', '=', true).execute();
    const targets = channels.filter((c) => s.orgPath.startsWith(c.org_path));
    if (targets.length)
      await uow.tx
        .insertInto('monitor_deliveries')
        .values(targets.map((c) => ({ alert_id: id, channel_id: c.id, status: 'pending' as const, attempts: 0 })))
        .execute();
    await uow.audit({
      action: 'monitoring.alert_raised',
      targetType: 'monitor_alert',
      targetId: id,
      after: { kind, subject: s.name, count: r.count, threshold: r.threshold },
    });
    await uow.emit('monitoring.alert_raised', { alertId: id, kind, subjectType: s.type, subjectId: s.id, grade });
    return id;
  });
};

/** Checks the given (or all enabled) watchlists and stories, raises alerts, then delivers them. */
export const detectSpikes = async (deps: ModuleDeps, opts: { watchlistIds?: string[]; storyIds?: string[] } = {}): Promise<string[]> => {
  const now = deps.clock.now();
  const raised: string[] = [];
  let wq = deps.db.selectFrom('monitor_watchlists').select(['id', 'name', 'org_path', 'spike_k', 'spike_min_count']).where('enabled', '=', true);
  if (opts.watchlistIds) wq = opts.watchlistIds.length ? wq.where('id', 'in', opts.watchlistIds) : wq.where(sql<boolean>`false`);
  const hourKey = Math.floor(now.getTime() / HOUR);
  for (const w of await wq.execute()) {
    const s: Subject = { type: 'watchlist', id: w.id, name: w.name, orgPath: w.org_path, k: w.spike_k, minCount: w.spike_min_count };
    const r = await measure(deps, s, now);
    if (r.isSpike) {
      const id = await raise(deps, s, 'spike', `spike:${s.id}:${hourKey}`, r, null, now);
      if (id) raised.push(id);
    }
  }
  // Stories: busy ones among those just touched (or, on the schedule, of the last hour).
  const hourAgo = new Date(now.getTime() - HOUR);
  let sq = deps.db
    .selectFrom('monitor_posts as p')
    .innerJoin('monitor_stories as st', 'st.id', 'p.story_id')
    .select(['st.id', 'st.title', 'st.org_path', (eb) => eb.fn.countAll<number>().as('n'), sql<string | null>`min(p.grade)`.as('grade')])
    .where('p.published_at', '>', hourAgo)
    .where('p.published_at', '<=', now)
    .groupBy(['st.id', 'st.title', 'st.org_path']);
  if (opts.storyIds) sq = opts.storyIds.length ? sq.where('st.id', 'in', opts.storyIds.slice(0, 1000)) : sq.where(sql<boolean>`false`);
  for (const st of await sq.execute()) {
    const s: Subject = { type: 'story', id: st.id, name: st.title, orgPath: st.org_path, ...STORY_SPIKE };
    // Grade I content is alerted at once, whatever the volume ('I' sorts before 'II' and 'III').
    if (st.grade === 'I') {
      const id = await raise(deps, s, 'grade', `grade:${s.id}`, { isSpike: false, count: Number(st.n), mean: 0, sd: 0, threshold: 0, strength: 0 }, 'I', now);
      if (id) raised.push(id);
    }
    if (Number(st.n) < STORY_SPIKE.minCount) continue;
    const r = await measure(deps, s, now);
    if (r.isSpike) {
      const id = await raise(deps, s, 'spike', `spike:${s.id}:${hourKey}`, r, null, now);
      if (id) raised.push(id);
    }
  }
  if (raised.length) await deliverPending(deps);
  return raised;
};

const alertText = (a: { subject_name: string; kind: string; count: number; threshold: number; grade: string | null; explanation: Record<string, unknown> }) => {
  const e = a.explanation as {
    topTerms?: { key: string }[];
    topSources?: { key: string }[];
    sentimentMix?: Record<string, number>;
    samples?: { excerpt: string }[];
  };
  const head = a.kind === 'spike' ? `舆情突增 Spike: ${a.subject_name}` : `Ⅰ级舆情 Grade ${a.grade}: ${a.subject_name}`;
  return [
    `### ${head}`,
    `> 近1小时 ${a.count} 条（阈值 ${a.threshold.toFixed(1)}）`,
    `> 热词 ${(e.topTerms ?? []).map((t) => t.key).join('、')}`,
    `> 来源 ${(e.topSources ?? []).map((t) => t.key).join('、')}`,
    `> 情感 负面 ${e.sentimentMix?.negative ?? 0} / 中性 ${e.sentimentMix?.neutral ?? 0} / 正面 ${e.sentimentMix?.positive ?? 0}`,
    ...(e.samples ?? []).slice(0, 2).map((s) => `- ${s.excerpt}`),
  ].join('\n');
};

/** 企业微信 / 钉钉 robot markdown messages. */
export const robotMessage = (kind: 'wecom' | 'dingtalk', title: string, text: string) =>
  kind === 'wecom' ? { msgtype: 'markdown', markdown: { content: text } } : { msgtype: 'markdown', markdown: { title, text } };

const postRobot = async (kind: 'wecom' | 'dingtalk', url: string, subject: string, text: string, timeoutMs: number): Promise<string | null> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(robotMessage(kind, `舆情预警 ${subject}`, text)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
  if (!res.ok) return `HTTP ${res.status}`;
  if (body.errcode !== undefined && body.errcode !== 0) return `errcode ${body.errcode}: ${body.errmsg ?? ''}`;
  return null;
};

/** E-mail through the SMTP relay in XIAOBAO_SMTP_URL (e.g. smtp://user:pass@mail.bank.local:587), sender XIAOBAO_SMTP_FROM. */
const sendMail = async (config: ModuleDeps['config'], mailto: string, subject: string, text: string, timeoutMs: number): Promise<string | null> => {
  const smtp = config.smtpUrl;
  if (!smtp) return 'smtp_not_configured';
  const transport = createTransport({ url: smtp, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as never);
  try {
    await transport.sendMail({ from: config.smtpFrom, to: mailto.replace(/^mailto:/, ''), subject, text });
    return null;
  } finally {
    transport.close();
  }
};

/** Sends due deliveries (robots and e-mail); each is claimed first so two workers never send the same one. */
export const deliverPending = async (deps: ModuleDeps, timeoutMs = 5000): Promise<number> => {
  const now = deps.clock.now();
  const claimed = await deps.db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('monitor_deliveries')
      .select(['id'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(50)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length)
      await tx
        .updateTable('monitor_deliveries')
        .set({ next_attempt_at: new Date(now.getTime() + 120_000) })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    return rows.map((r) => r.id);
  });
  if (!claimed.length) return 0;
  const jobs = await deps.db
    .selectFrom('monitor_deliveries as d')
    .innerJoin('monitor_alerts as a', 'a.id', 'd.alert_id')
    .innerJoin('monitor_channels as c', 'c.id', 'd.channel_id')
    .select(['d.id', 'd.attempts', 'c.kind', 'c.url', 'a.subject_name', 'a.kind as alert_kind', 'a.count', 'a.threshold', 'a.grade', 'a.explanation'])
    .where('d.id', 'in', claimed)
    .execute();
  let sent = 0;
  await Promise.all(
    jobs.map(async (j) => {
      const text = alertText({
        subject_name: j.subject_name,
        kind: j.alert_kind,
        count: j.count,
        threshold: j.threshold,
        grade: j.grade,
        explanation: j.explanation,
      });
      let error: string | null = null;
      try {
        error =
          j.kind === 'email'
            ? await sendMail(deps.config, j.url, `舆情预警 ${j.subject_name}`.slice(0, 150), text, timeoutMs)
            : await postRobot(j.kind, j.url, j.subject_name, text, timeoutMs);
      } catch (e) {
        error = (e as Error).name === 'TimeoutError' ? 'timeout' : (e as Error).message.slice(0, 300);
      }
      const attempts = j.attempts + 1;
      await deps.db
        .updateTable('monitor_deliveries')
        .set(
          error
            ? { attempts, last_error: error, status: attempts >= 8 ? 'failed' : 'pending', next_attempt_at: new Date(now.getTime() + 30_000 * 2 ** attempts) }
            : { attempts, last_error: null, status: 'sent', delivered_at: deps.clock.now() },
        )
        .where('id', '=', j.id)
        .execute();
      if (!error) sent++;
    }),
  );
  return sent;
};
