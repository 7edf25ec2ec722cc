import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { type Actor, systemActor } from '../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { type TPostInput, ZPostInput } from '../contract.ts';
import { ingestPosts, loadIngestContext } from './ingest.ts';

export const FEED_MAX_BYTES = 5 * 1024 * 1024;

export type FeedErrorCode = 'FEED_TIMEOUT' | 'FEED_TOO_LARGE' | 'FEED_HTTP' | 'FEED_NOT_XML' | 'FEED_INVALID' | 'FEED_NETWORK';
export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type FetchResult = { notModified: true } | { notModified: false; body: string; etag: string | null; lastModified: string | null };

/** One conditional GET with a hard timeout (headers and body) and a byte cap. */
export const fetchFeed = async (
  url: string,
  v: { etag: string | null; lastModified: string | null },
  opts: { timeoutMs: number; maxBytes: number },
): Promise<FetchResult> => {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
        'user-agent': 'Xiaobao-monitor/0.1',
        ...(v.etag ? { 'if-none-match': v.etag } : {}),
        ...(v.lastModified ? { 'if-modified-since': v.lastModified } : {}),
      },
    });
  } catch (e) {
    if (signal.aborted) throw new FeedError('FEED_TIMEOUT', `no answer within ${opts.timeoutMs} ms`);
    throw new FeedError('FEED_NETWORK', (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
  }
  if (res.status === 304) return { notModified: true };
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new FeedError('FEED_HTTP', `HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FeedError('FEED_TOO_LARGE', `${declared} bytes > ${opts.maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > opts.maxBytes) throw new FeedError('FEED_TOO_LARGE', `more than ${opts.maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof FeedError) throw e;
    if (signal.aborted) throw new FeedError('FEED_TIMEOUT', `body not complete within ${opts.timeoutMs} ms`);
    throw new FeedError('FEED_NETWORK', (e as Error).message);
  }
  return { notModified: false, body: Buffer.concat(chunks).toString('utf8'), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
};

const stripHtml = (s: string) =>
  s
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Feed XML → post inputs; items that cannot be a post (no text at all) are skipped. */
export const feedToPosts = (xml: string, sourceCode: string, now: Date): TPostInput[] => {
  const head = xml.slice(0, 1000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) throw new FeedError('FEED_NOT_XML', 'the URL answers with an HTML page, not a feed');
  // The feed parser is lenient by design; a feed that is not well-formed XML is refused outright.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError('FEED_INVALID', `invalid XML at line ${valid.err.line}: ${valid.err.msg}`.slice(0, 300));
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    throw new FeedError('FEED_INVALID', `not a valid RSS/Atom feed: ${(e as Error).message}`.slice(0, 300));
  }
  const out: TPostInput[] = [];
  for (const item of feed.items) {
    const text = stripHtml(item.content ?? item.description ?? item.title ?? '').slice(0, 20_000);
    if (!text) continue;
    const published = item.published ?? item.updated ?? now;
    const externalId = (item.id ?? item.url ?? createHash('sha256').update(`${item.title}\u0000${text}`).digest('hex')).slice(0, 200);
    const candidate = {
      source: sourceCode,
      externalId,
      publishedAt: (published > now ? now : published).toISOString(),
      text,
      ...(item.title ? { title: stripHtml(item.title).slice(0, 500) } : {}),
      ...(item.url && /^https?:\/\//.test(item.url) ? { url: item.url.slice(0, 2000) } : {}),
      ...(item.authors[0]?.name ? { author: item.authors[0].name.slice(0, 200) } : {}),
    };
    const r = ZPostInput.safeParse(candidate);
    if (r.success) out.push(r.data);
  }
  return out;
};

const BACKOFF_CAP_MINUTES = 24 * 60;

/** Polls one source and records its health; never throws (a broken feed must not stop the others). */
export const pollSource = async (
  deps: ModuleDeps,
  sourceId: string,
  actor: Actor = systemActor('monitoring.poll'),
): Promise<{ ok: boolean; accepted: number; error?: string }> => {
  const src = await deps.db.selectFrom('monitor_sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!src?.url) return { ok: false, accepted: 0, error: 'no_url' };
  const started = deps.clock.now();
  try {
    const r = await fetchFeed(src.url, { etag: src.etag, lastModified: src.last_modified }, { timeoutMs: deps.config.feedTimeoutMs, maxBytes: FEED_MAX_BYTES });
    let accepted = 0;
    if (!r.notModified) {
      const posts = feedToPosts(r.body, src.code, started);
      const ctx = await loadIngestContext(deps.db, started);
      const source = { id: src.id, code: src.code, kind: src.kind, media_tier: src.media_tier, org_id: src.org_id, org_path: src.org_path };
      for (let o = 0; o < posts.length; o += 500)
        accepted += (
          await ingestPosts(
            deps,
            actor,
            posts.slice(o, o + 500).map((post) => ({ post: { ...post, mediaTier: src.media_tier }, source })),
            { ctx },
          )
        ).accepted;
    }
    await deps.db
      .updateTable('monitor_sources')
      .set({
        last_polled_at: started,
        last_ok_at: deps.clock.now(),
        last_error: null,
        last_error_code: null,
        consecutive_failures: 0,
        next_poll_at: new Date(started.getTime() + src.poll_minutes * 60_000),
        ...(r.notModified ? {} : { etag: r.etag, last_modified: r.lastModified }),
      })
      .where('id', '=', src.id)
      .execute();
    return { ok: true, accepted };
  } catch (e) {
    const code = e instanceof FeedError ? e.code : 'FEED_INVALID';
    const failures = src.consecutive_failures + 1;
    const wait = Math.min(BACKOFF_CAP_MINUTES, src.poll_minutes * 2 ** Math.min(failures, 10));
    await deps.db
      .updateTable('monitor_sources')
      .set({
        last_polled_at: started,
        last_error: (e as Error).message.slice(0, 500),
        last_error_code: code,
        consecutive_failures: failures,
        next_poll_at: new Date(started.getTime() + wait * 60_000),
      })
      .where('id', '=', src.id)
      .execute();
    return { ok: false, accepted: 0, error: code };
  }
};

/** Polls every due feed concurrently; one slow or broken feed delays nobody. */
export const pollDueSources = async (
  deps: ModuleDeps,
  opts: { all?: boolean } = {},
): Promise<Record<string, { ok: boolean; accepted: number; error?: string }>> => {
  const now = deps.clock.now();
  let q = deps.db.selectFrom('monitor_sources').select(['id', 'code']).where('kind', '=', 'rss').where('enabled', '=', true);
  if (!opts.all) q = q.where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)]));
  const due = await q.execute();
  const results = await Promise.all(due.map(async (s) => [s.code, await pollSource(deps, s.id)] as const));
  return Object.fromEntries(results);
};
