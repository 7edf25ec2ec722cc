import { sql } from 'kysely';
import type { Actor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Executor } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { isPathInScope } from '../../../platform/scope.ts';
import { buildSearchDocument } from '../../../platform/search/index.ts';
import { type TIngestResult, type TMediaTier, type TPostInput, ZPostInput } from '../contract.ts';
import { analysePost, type CompiledWatchlist, compileWatchlist, gradeAnalysed, StoryIndex } from './analysis.ts';
import type { MonitorSourcesTable } from './db/tables.ts';
import type { GradeRule } from './domain/grading.ts';
import { detectSpikesJob } from './jobs.ts';

type SourceRow = Pick<MonitorSourcesTable, 'code' | 'kind' | 'media_tier' | 'org_id' | 'org_path'> & { id: string };
type Rejected = TIngestResult['errors'][number];

export type IngestContext = { watchlists: CompiledWatchlist[]; rules: GradeRule[]; stories: StoryIndex };

/** Loads what analysis needs once per batch: enabled watchlists, grading rules, the last 7 days' stories. */
export const loadIngestContext = async (db: Executor, now: Date): Promise<IngestContext> => {
  const [wl, rules, stories] = await Promise.all([
    db.selectFrom('monitor_watchlists').select(['id', 'name', 'kind', 'query']).where('enabled', '=', true).execute(),
    db.selectFrom('monitor_grade_rules').select(['id', 'grade', 'name', 'priority', 'condition']).where('enabled', '=', true).execute(),
    db
      .selectFrom('monitor_stories')
      .select(['id', 'simhash'])
      .where('last_seen_at', '>', new Date(now.getTime() - 7 * 86_400_000))
      .orderBy('last_seen_at', 'desc')
      .limit(50_000)
      .execute(),
  ]);
  return { watchlists: wl.map(compileWatchlist), rules, stories: new StoryIndex(stories) };
};

const firstIssue = (e: { issues: { path: PropertyKey[]; message: string; code: string }[] }) => {
  const i = e.issues[0];
  return { field: i?.path.map(String).join('.') ?? '', reason: i ? `${i.code}: ${i.message}` : 'invalid' };
};

/**
 * Validates raw items one by one, resolves (or creates) their sources in the actor's scope and
 * ingests the valid ones. `kind` is the kind given to sources this call creates.
 */
export const ingestRaw = async (
  deps: ModuleDeps,
  actor: Actor,
  raw: readonly { index: number; item: unknown }[],
  kind: 'push' | 'file' | 'demo',
): Promise<TIngestResult> => {
  const errors: Rejected[] = [];
  const valid: { index: number; post: TPostInput }[] = [];
  for (const { index, item } of raw) {
    const r = ZPostInput.safeParse(item);
    const ext = typeof (item as { externalId?: unknown })?.externalId === 'string' ? ((item as { externalId: string }).externalId as string) : null;
    if (r.success) valid.push({ index, post: r.data });
    else {
      const { field, reason } = firstIssue(r.error);
      errors.push({ index, externalId: ext, field, reason });
    }
  }
  const codes = [...new Set(valid.map((v) => v.post.source))];
  const sources = new Map<string, SourceRow>();
  if (codes.length) {
    const rows = await deps.db
      .selectFrom('monitor_sources')
      .select(['id', 'code', 'kind', 'media_tier', 'org_id', 'org_path'])
      .where('code', 'in', codes)
      .execute();
    for (const r of rows) sources.set(r.code, r);
    const missing = codes.filter((c) => !sources.has(c));
    if (missing.length) {
      await inTransaction(deps, actor, async (uow) => {
        for (const code of missing) {
          const row = { id: newId(), code, name: code, kind, url: null, media_tier: 'social' as TMediaTier, org_id: actor.orgId, org_path: actor.orgPath };
          // A concurrent batch may create the same source: the unique code keeps one.
          const ins = await uow.tx
            .insertInto('monitor_sources')
            .values(row)
            .onConflict((oc) => oc.column('code').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (ins) await uow.audit({ action: 'monitoring.source_created', targetType: 'monitor_source', targetId: row.id, after: { code, kind } });
        }
      });
      const again = await deps.db
        .selectFrom('monitor_sources')
        .select(['id', 'code', 'kind', 'media_tier', 'org_id', 'org_path'])
        .where('code', 'in', missing)
        .execute();
      for (const r of again) sources.set(r.code, r);
    }
  }
  const items: { index: number; post: TPostInput; source: SourceRow }[] = [];
  for (const v of valid) {
    const s = sources.get(v.post.source);
    if (!s || !isPathInScope(actor, s.org_path)) errors.push({ index: v.index, externalId: v.post.externalId, field: 'source', reason: 'source_out_of_scope' });
    else if (s.kind === 'rss') errors.push({ index: v.index, externalId: v.post.externalId, field: 'source', reason: 'source_is_a_polled_feed' });
    else items.push({ ...v, source: s });
  }
  const r = await ingestPosts(deps, actor, items);
  return { accepted: r.accepted, duplicate: r.duplicate, rejected: errors.length, errors: errors.sort((a, b) => a.index - b.index) };
};

/**
 * The pipeline for posts whose source is known: drop duplicates (in the batch and stored),
 * analyse, assign stories, grade, and store posts + stories + counters + one audit record in
 * one transaction. Idempotent on (source, external id), also under concurrent batches.
 */
export const ingestPosts = async (
  deps: ModuleDeps,
  actor: Actor,
  items: readonly { post: TPostInput; source: SourceRow }[],
  opts: { detectSpikes?: boolean; ctx?: IngestContext } = {},
): Promise<{ accepted: number; duplicate: number; postIds: string[] }> => {
  if (items.length === 0) return { accepted: 0, duplicate: 0, postIds: [] };
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const k = `${i.source.id}\u0000${i.post.externalId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const stored = new Set<string>();
  const bySource = new Map<string, string[]>();
  for (const i of unique) bySource.set(i.source.id, [...(bySource.get(i.source.id) ?? []), i.post.externalId]);
  for (const [sourceId, ids] of bySource)
    for (let o = 0; o < ids.length; o += 1000) {
      const rows = await deps.db
        .selectFrom('monitor_posts')
        .select('external_id')
        .where('source_id', '=', sourceId)
        .where('external_id', 'in', ids.slice(o, o + 1000))
        .execute();
      for (const r of rows) stored.add(`${sourceId}\u0000${r.external_id}`);
    }
  const fresh = unique.filter((i) => !stored.has(`${i.source.id}\u0000${i.post.externalId}`));
  const now = deps.clock.now();
  const ctx = opts.ctx ?? (await loadIngestContext(deps.db, now));
  const analysed = fresh.map((i) => {
    const a = analysePost(i.post, ctx.watchlists);
    const storyId = ctx.stories.assign(a.simhash, i.post.title ?? i.post.text, i.source.org_path, newId);
    return { ...i, a, storyId };
  });
  // Spread speed for grading: the story's posts in the last hour, stored and in this batch.
  const hourAgo = new Date(now.getTime() - 3600_000);
  const storyIds = [...new Set(analysed.map((x) => x.storyId))];
  const lastHour = new Map<string, number>();
  const existingStories = storyIds.filter((id) => !ctx.stories.created.has(id));
  if (existingStories.length)
    for (const r of await deps.db
      .selectFrom('monitor_posts')
      .select(['story_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('story_id', 'in', existingStories)
      .where('published_at', '>', hourAgo)
      .groupBy('story_id')
      .execute())
      lastHour.set(r.story_id, Number(r.n));
  for (const x of analysed) if (new Date(x.post.publishedAt) > hourAgo) lastHour.set(x.storyId, (lastHour.get(x.storyId) ?? 0) + 1);

  const rows = analysed.map(({ post, source, a, storyId }) => {
    const g = gradeAnalysed(ctx.rules, post, a, lastHour.get(storyId) ?? 0);
    return {
      id: newId(),
      source_id: source.id,
      external_id: post.externalId,
      url: post.url ?? null,
      author: post.author ?? null,
      published_at: new Date(post.publishedAt),
      first_seen_at: now,
      title: post.title ?? null,
      text: post.text,
      reposts: post.reposts ?? 0,
      comments: post.comments ?? 0,
      likes: post.likes ?? 0,
      followers: post.followers ?? 0,
      media_tier: post.mediaTier ?? source.media_tier,
      sentiment: a.sentiment,
      sentiment_score: a.sentimentScore,
      negative: a.negative,
      negative_entities: a.negativeEntities,
      fraud_type: a.fraudType,
      simhash: a.simhash,
      story_id: storyId,
      keywords: a.keywords,
      watchlist_ids: a.watchlistIds,
      grade: g?.grade ?? null,
      grade_rule: g?.rule ?? null,
      org_id: source.org_id,
      org_path: source.org_path,
      ...buildSearchDocument([post.title, post.text]),
    };
  });
  const touched = new Set(storyIds);
  const created = [...ctx.stories.created.values()].filter((s) => touched.has(s.id));
  const insertedIds = await inTransaction(deps, actor, async (uow) => {
    if (created.length)
      await uow.tx
        .insertInto('monitor_stories')
        .values(
          created.map((s) => ({ id: s.id, title: s.title, simhash: s.simhash, first_seen_at: now, last_seen_at: now, post_count: 0, org_path: s.orgPath })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    const ids: string[] = [];
    for (let o = 0; o < rows.length; o += 200) {
      const ins = await uow.tx
        .insertInto('monitor_posts')
        .values(rows.slice(o, o + 200))
        .onConflict((oc) => oc.columns(['source_id', 'external_id']).doNothing())
        .returning('id')
        .execute();
      ids.push(...ins.map((r) => r.id));
    }
    if (ids.length) {
      await sql`update monitor_stories s set post_count = s.post_count + c.n, last_seen_at = greatest(s.last_seen_at, ${now})
        from (select story_id, count(*)::int as n from monitor_posts where id = any(${ids}::uuid[]) group by story_id) c where c.story_id = s.id`.execute(
        uow.tx,
      );
      await sql`update monitor_sources s set post_count = s.post_count + c.n
        from (select source_id, count(*)::int as n from monitor_posts where id = any(${ids}::uuid[]) group by source_id) c where c.source_id = s.id`.execute(
        uow.tx,
      );
      const inserted = new Set(ids);
      const graded = rows.filter((r) => r.grade && inserted.has(r.id));
      await uow.audit({
        action: 'monitoring.posts_ingested',
        targetType: 'monitor_source',
        targetId: items[0]?.source.id ?? null,
        note: { accepted: ids.length, duplicate: items.length - ids.length, graded: graded.length },
      });
      await uow.emit('monitoring.posts_ingested', { count: ids.length, storyIds: storyIds.slice(0, 500) });
    }
    return ids;
  });
  // A later insert of the same story id in a concurrent batch is fine: ids are fresh uuids.
  for (const s of created) ctx.stories.created.delete(s.id);
  if (insertedIds.length && opts.detectSpikes !== false) {
    const watchlistIds = [...new Set(rows.flatMap((r) => r.watchlist_ids))];
    await deps.jobs.send(detectSpikesJob(deps), { watchlistIds, storyIds }, { singletonKey: 'detect-spikes' }).catch(() => {});
  }
  return { accepted: insertedIds.length, duplicate: items.length - insertedIds.length, postIds: insertedIds };
};
