import { sql } from 'kysely';
import { systemActor } from '../../../kernel/actor.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { TChannelSettings, TPolicySettings } from '../contract.ts';
import { ChannelError, type OutboundMessage, type SendOutcome, sendEmail, sendSms, sendWechat } from './channels/adapters.ts';
import type { TChannel } from './db/tables.ts';
import { signToken } from './domain/tokens.ts';
import { outreachJobs } from './jobs.ts';
import { getChannelSettings, getPolicySettings, quietUntil } from './settings.ts';

const BATCH = 200;
const CONCURRENCY = 16;
/** Waits shorter than this are slept through in-process; longer ones are resumed by the cron sweep. */
const MAX_INLINE_WAIT_MS = 15_000;
// One delivery loop per push per process; extra jobs for the same push (resume sweeps, restarts)
// return at once. pg-boss singleton keys are not used: a job left 'active' by a killed process
// would block every new one until it expires.
const active = new Set<string>();

type Claimed = { id: number; customer_id: string; channel: TChannel; address: string | null; attempts: number };
type Push = { id: string; title: string; body: string; link_path: string | null; channels: string[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Claims due deliveries of one channel with FOR UPDATE SKIP LOCKED and marks them 'sending' with a
 * lease, in their own short transaction, BEFORE any network call. A worker killed mid-send leaves
 * 'sending' rows whose lease runs out; the next claim takes them again and re-sends with the same
 * idempotency key (the delivery id), which the SMS gateway honours.
 */
const claim = async (deps: ModuleDeps, pushId: string, channel: string, limit: number, policy: TPolicySettings): Promise<Claimed[]> => {
  const now = deps.clock.now();
  const lease = new Date(now.getTime() + policy.leaseSeconds * 1000);
  const { rows } = await sql<Claimed>`
    update outreach_deliveries d set status = 'sending', attempts = d.attempts + 1, lease_until = ${lease}
    where d.id in (
      select id from outreach_deliveries
      where push_id = ${pushId} and channel = ${channel}
        and ((status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until < ${now}))
      order by id limit ${limit} for update skip locked)
    returning d.id, d.customer_id, d.channel, d.address, d.attempts`.execute(deps.db);
  return rows;
};

/** Per-channel rate limit across all workers: what was sent in the last minute counts against the budget. */
const allowance = async (deps: ModuleDeps, channel: string, settings: TChannelSettings): Promise<number> => {
  if (channel === 'inbox') return BATCH;
  const rate = settings[channel as 'email' | 'sms' | 'wechat']?.ratePerMinute ?? 600;
  const since = new Date(deps.clock.now().getTime() - 60_000);
  const r = await sql<{ n: number }>`select count(*)::int as n from outreach_deliveries where channel = ${channel} and sent_at > ${since}`.execute(deps.db);
  return Math.max(0, Math.min(BATCH, rate - (r.rows[0]?.n ?? 0)));
};

const messageFor = (deps: ModuleDeps, push: Push, d: Claimed): OutboundMessage => {
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const secret = deps.config.sessionSecret;
  const t = signToken(secret, `t|${d.id}`);
  return {
    idempotencyKey: `xb-${d.id}`,
    to: d.address ?? '',
    title: push.title,
    body: push.body,
    linkUrl: push.link_path ? `${base}${push.link_path}` : null,
    unsubscribeUrl: `${base}/portal/unsubscribe?t=${signToken(secret, `u|${d.customer_id}|${d.channel}`)}`,
    openPixelUrl: `${base}/api/v1/public/outreach/t/${t}/open.gif`,
    track: () => `${base}/api/v1/public/outreach/t/${t}/click`,
  };
};

const sendOne = async (deps: ModuleDeps, push: Push, d: Claimed, settings: TChannelSettings, policy: TPolicySettings): Promise<SendOutcome> => {
  const m = messageFor(deps, push, d);
  switch (d.channel) {
    case 'inbox':
      await deps.db
        .insertInto('outreach_inbox')
        .values({ customer_id: d.customer_id, push_id: push.id, delivery_id: d.id, title: push.title, body: push.body, link_path: push.link_path })
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute();
      return { providerId: null, delivered: true };
    case 'email':
      if (!settings.email) throw new ChannelError('channel_not_configured');
      return sendEmail(settings.email, m, policy.timeoutMs);
    case 'sms':
      if (!settings.sms) throw new ChannelError('channel_not_configured');
      return sendSms(settings.sms, m, policy.timeoutMs);
    case 'wechat':
      if (!settings.wechat) throw new ChannelError('channel_not_configured');
      return sendWechat(settings.wechat, m, policy.timeoutMs);
  }
};

const mark = async (deps: ModuleDeps, results: { d: Claimed; out?: SendOutcome; error?: string }[], policy: TPolicySettings) => {
  const now = deps.clock.now();
  const delivered = results.filter((r) => r.out?.delivered).map((r) => r.d.id);
  const sent = results.filter((r) => r.out && !r.out.delivered).map((r) => r.d.id);
  if (delivered.length)
    await deps.db
      .updateTable('outreach_deliveries')
      .set({ status: 'delivered', sent_at: now, delivered_at: now, lease_until: null, last_error: null })
      .where('id', 'in', delivered)
      .execute();
  if (sent.length)
    await deps.db
      .updateTable('outreach_deliveries')
      .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null })
      .where('id', 'in', sent)
      .execute();
  for (const r of results.filter((x) => x.error)) {
    const failed = r.d.attempts >= policy.maxAttempts || r.error === 'channel_not_configured';
    await deps.db
      .updateTable('outreach_deliveries')
      .set({
        status: failed ? 'failed' : 'queued',
        last_error: r.error ?? null,
        lease_until: null,
        next_attempt_at: new Date(now.getTime() + policy.backoffSeconds * 1000 * 2 ** (r.d.attempts - 1)),
      })
      .where('id', '=', r.d.id)
      .where('status', '=', 'sending')
      .execute();
  }
};

const runBatch = async (deps: ModuleDeps, push: Push, rows: Claimed[], settings: TChannelSettings, policy: TPolicySettings) => {
  const results: { d: Claimed; out?: SendOutcome; error?: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const d = rows[next++] as Claimed;
      try {
        results.push({ d, out: await sendOne(deps, push, d, settings, policy) });
      } catch (e) {
        results.push({ d, error: (e as Error).message.slice(0, 300) || 'error' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
  await mark(deps, results, policy);
};

/** Sends everything due for a push; sleeps through short back-offs, leaves long waits to the sweep, closes the push when nothing is left. */
export const deliverPush = async (deps: ModuleDeps, pushId: string): Promise<void> => {
  if (active.has(pushId)) return;
  active.add(pushId);
  try {
    for (;;) {
      const push = await deps.db
        .selectFrom('outreach_pushes')
        .select(['id', 'title', 'body', 'link_path', 'channels', 'status'])
        .where('id', '=', pushId)
        .executeTakeFirst();
      if (push?.status !== 'running') return;
      const [settings, policy] = await Promise.all([getChannelSettings(deps.db, deps.config), getPolicySettings(deps.db)]);
      const quiet = quietUntil(deps.clock.now(), policy);
      let worked = 0;
      for (const ch of push.channels) {
        // Quiet hours hold back messages that reach a phone; the portal inbox disturbs no one.
        if (quiet && ch !== 'inbox') continue;
        const n = await allowance(deps, ch, settings);
        if (n === 0) continue;
        const rows = await claim(deps, pushId, ch, n, policy);
        if (rows.length) await runBatch(deps, push, rows, settings, policy);
        worked += rows.length;
      }
      if (worked > 0) continue;
      const left = await sql<{ n: number; due: Date | null }>`
        select count(*)::int as n, min(case when status = 'sending' then lease_until else next_attempt_at end) as due
        from outreach_deliveries where push_id = ${pushId} and status in ('queued', 'sending')`.execute(deps.db);
      const { n, due } = left.rows[0] ?? { n: 0, due: null };
      if (n === 0) {
        await finishPush(deps, pushId);
        return;
      }
      const now = deps.clock.now().getTime();
      const wakeAt = Math.max(quiet?.getTime() ?? 0, due ? new Date(due).getTime() : now + 1000, now + 50);
      // Rate-limited channels wait for the minute window to move on.
      const wait = Math.min(wakeAt - now, 60_000);
      if (wait <= MAX_INLINE_WAIT_MS) {
        await sleep(wait);
        continue;
      }
      // Longer waits (quiet hours, long back-offs) are left to the outreach.resume sweep, which runs
      // every minute; scheduling a delayed job here would pile one up per sweep.
      return;
    }
  } finally {
    active.delete(pushId);
  }
};

const finishPush = async (deps: ModuleDeps, pushId: string) => {
  await inTransaction(deps, systemActor('outreach.deliver'), async (uow) => {
    const done = await uow.tx
      .updateTable('outreach_pushes')
      .set({ status: 'done', finished_at: deps.clock.now() })
      .where('id', '=', pushId)
      .where('status', '=', 'running')
      .returning('id')
      .executeTakeFirst();
    if (done) await uow.emit('outreach.push_finished', { pushId });
  });
};

/** The cron sweep: scheduled pushes that are due start; running pushes with due or stale deliveries get a worker. */
export const resumeOutreach = async (deps: ModuleDeps): Promise<void> => {
  const now = deps.clock.now();
  const { startPush } = await import('./use-cases/start-push.ts');
  const due = await deps.db.selectFrom('outreach_pushes').select('id').where('status', '=', 'scheduled').where('scheduled_at', '<=', now).execute();
  for (const p of due) await startPush(deps, systemActor('outreach.resume'), p.id, { fromSchedule: true }).catch(() => {});
  const running = await sql<{ push_id: string }>`
    select distinct push_id from outreach_deliveries
    where (status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until < ${now})`.execute(deps.db);
  for (const r of running.rows) await deps.jobs.send(outreachJobs(deps).deliver, { pushId: r.push_id });
  // A worker that died after its last mark but before closing the push.
  const finished = await sql<{ id: string }>`
    select p.id from outreach_pushes p where p.status = 'running'
      and not exists (select 1 from outreach_deliveries d where d.push_id = p.id and d.status in ('queued', 'sending'))`.execute(deps.db);
  for (const p of finished.rows) await finishPush(deps, p.id);
  const imports = await deps.db
    .selectFrom('outreach_imports')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .where(sql<boolean>`coalesce(heartbeat_at, created_at) < ${new Date(now.getTime() - 120_000)}`)
    .execute();
  for (const i of imports) await deps.jobs.send(outreachJobs(deps).runImport, { importId: i.id });
};
