import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { normalize } from '../../../nlp/index.ts';
import type { ZQueryPreview } from '../../contract.ts';
import { compileWatchlist } from '../analysis.ts';
import { matchedTerms, matchQuery } from '../domain/boolean-query.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';
import { assertQueryValid } from '../use-cases/update-watchlist.ts';

/** How many of the newest posts a preview looks at (enough to judge a query, cheap to scan). */
export const PREVIEW_SCAN = 5000;

/**
 * "Test this query": matches an unsaved Boolean query against the actor's recent posts exactly as
 * the pipeline would (same parser, same normalisation) and returns the count and the newest hits.
 */
export const previewQuery = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZQueryPreview>) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  assertQueryValid(input.query);
  const { node } = compileWatchlist({ id: '', name: '', kind: 'topic', query: input.query });
  const since = new Date(deps.clock.now().getTime() - input.days * 86_400_000);
  const rows = await deps.db
    .selectFrom('monitor_posts as p')
    .innerJoin('monitor_sources as s', 's.id', 'p.source_id')
    .select(['p.id', 'p.title', 'p.text', 'p.published_at', 'p.sentiment', 'p.grade', 's.name as source'])
    .where(inScope(actor, 'p.org_path'))
    .where('p.published_at', '>', since)
    .orderBy('p.published_at', 'desc')
    .limit(PREVIEW_SCAN)
    .execute();
  let matched = 0;
  const samples: { id: string; publishedAt: string; source: string; excerpt: string; terms: string[]; sentiment: string; grade: string | null }[] = [];
  for (const r of rows) {
    const text = normalize(r.title ? `${r.title}。${r.text}` : r.text);
    if (!matchQuery(node, text)) continue;
    matched++;
    if (samples.length < input.limit)
      samples.push({
        id: r.id,
        publishedAt: r.published_at.toISOString(),
        source: r.source,
        excerpt: (r.title ? `${r.title}：` : '') + r.text.slice(0, 160),
        terms: [...matchedTerms(node, text)],
        sentiment: r.sentiment,
        grade: r.grade,
      });
  }
  return { scanned: rows.length, matched, samples };
};
