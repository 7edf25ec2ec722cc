import { systemActor } from '../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { type DemoText, loadDemoTexts } from './demo-source.ts';
import { ingestPosts } from './ingest.ts';

let cache: DemoText[] | null = null;

/**
 * Keeps the demo dashboard alive: each minute a few more real public posts arrive on the demo
 * sources (only where the demo was seeded; XIAOBAO_DEMO_REPLAY=off stops it). Idempotent per minute.
 */
export const replayDemoPosts = async (deps: ModuleDeps, perMinute = 3, now = deps.clock.now()): Promise<number> => {
  if (!deps.config.demoReplay) return 0;
  const sources = await deps.db
    .selectFrom('monitor_sources')
    .select(['id', 'code', 'kind', 'media_tier', 'org_id', 'org_path'])
    .where('kind', '=', 'demo')
    .execute();
  if (sources.length === 0) return 0;
  cache ??= loadDemoTexts(300, deps.config.sharedDataDir);
  if (cache.length === 0) return 0;
  const minute = Math.floor(now.getTime() / 60_000);
  const items = Array.from({ length: perMinute }, (_, i) => {
    const t = cache?.[(minute * perMinute + i) % (cache?.length ?? 1)] as DemoText;
    const source = sources.find((s) => s.code === t.source) ?? (sources[0] as (typeof sources)[number]);
    return {
      post: { source: source.code, externalId: `replay-${minute}-${i}`, publishedAt: now.toISOString(), text: t.text, ...(t.title ? { title: t.title } : {}) },
      source,
    };
  });
  const branch = sources[0] as (typeof sources)[number];
  return (await ingestPosts(deps, { ...systemActor('monitoring.demo-replay'), orgId: branch.org_id, orgPath: branch.org_path }, items)).accepted;
};
