import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { highlight, searchRank, searchWhere } from '../../../../platform/search/index.ts';
import type { ZPostListQuery } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Posts, newest first (or by relevance with q), scoped to the actor's org subtree. */
export const listPosts = async (deps: ModuleDeps, actor: Actor, q: z.infer<typeof ZPostListQuery>) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  let base = deps.db.selectFrom('monitor_posts as p').innerJoin('monitor_sources as s', 's.id', 'p.source_id').where(inScope(actor, 'p.org_path'));
  if (q.watchlistId) base = base.where('p.watchlist_ids', '@>', [q.watchlistId] as never);
  if (q.storyId) base = base.where('p.story_id', '=', q.storyId);
  if (q.grade) base = base.where('p.grade', '=', q.grade);
  if (q.sentiment) base = base.where('p.sentiment', '=', q.sentiment);
  if (q.sourceId) base = base.where('p.source_id', '=', q.sourceId);
  if (q.q) base = base.where(searchWhere(q.q, 'p'));
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  let rows = base.select([
    'p.id',
    'p.external_id',
    'p.url',
    'p.author',
    'p.published_at',
    'p.title',
    'p.text',
    'p.reposts',
    'p.comments',
    'p.likes',
    'p.followers',
    'p.media_tier',
    'p.sentiment',
    'p.sentiment_score',
    'p.negative',
    'p.negative_entities',
    'p.fraud_type',
    'p.story_id',
    'p.keywords',
    'p.watchlist_ids',
    'p.grade',
    'p.grade_rule',
    's.name as source_name',
    's.code as source_code',
  ]);
  rows = q.q ? rows.orderBy(searchRank(q.q, 'p'), 'desc').orderBy('p.published_at', 'desc') : rows.orderBy('p.published_at', 'desc').orderBy('p.id');
  const items = await rows
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total),
    items: items.map((p) => ({
      id: p.id,
      externalId: p.external_id,
      url: p.url,
      author: p.author,
      publishedAt: p.published_at.toISOString(),
      title: p.title,
      text: p.text,
      highlight: q.q ? highlight(p.text, q.q).segments : null,
      reach: { reposts: Number(p.reposts), comments: Number(p.comments), likes: Number(p.likes), followers: Number(p.followers) },
      mediaTier: p.media_tier,
      sentiment: p.sentiment,
      sentimentScore: p.sentiment_score,
      negative: p.negative,
      negativeEntities: p.negative_entities,
      fraudType: p.fraud_type,
      storyId: p.story_id,
      keywords: p.keywords,
      watchlistIds: p.watchlist_ids,
      grade: p.grade,
      gradeRule: p.grade_rule,
      source: { code: p.source_code, name: p.source_name },
    })),
  };
};
