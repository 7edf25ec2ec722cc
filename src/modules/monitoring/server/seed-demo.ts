import { systemActor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { listOrgRefs } from '../../identity/index.ts';
import type { TMediaTier, TPostInput } from '../contract.ts';
import { detectSpikes } from './alerts.ts';
import { type DemoText, loadDemoTexts } from './demo-source.ts';
import { DEFAULT_GRADE_RULES } from './domain/grading.ts';
import { ingestPosts, loadIngestContext } from './ingest.ts';

const SOURCES: { code: DemoText['source']; name: string; tier: TMediaTier }[] = [
  { code: 'demo-appstore', name: '应用商店评论（演示回放）', tier: 'app_store' },
  { code: 'demo-weibo', name: '微博（演示回放）', tier: 'social' },
  { code: 'demo-news', name: '财经资讯（演示回放）', tier: 'industry' },
  { code: 'demo-forum', name: '论坛/知乎（演示回放）', tier: 'forum' },
];

export const DEMO_WATCHLISTS = [
  { name: '本行品牌 Brand', kind: 'brand' as const, query: '工商银行 OR 工行 OR icbc OR 星河银行 OR 手机银行', spike_k: 3, spike_min_count: 8 },
  { name: '敏感话题 Sensitive topics', kind: 'topic' as const, query: '挤兑 OR 维权 OR 群体 OR "暴力催收" OR 诈骗 OR 曝光', spike_k: 3, spike_min_count: 8 },
  { name: '信用卡 Credit cards', kind: 'product' as const, query: '信用卡 (年费 OR 额度 OR 分期 OR 还款)', spike_k: 3, spike_min_count: 8 },
];

const prng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/**
 * Sources, watchlists and grading rules; then real public posts spread over the last 7 days
 * and one scripted spike in the last hour: a real negative app review about 工行 reposted
 * widely, which raises the demo's spike alert. Under XIAOBAO_DEMO_SIZE=test: configuration only.
 */
export const seedMonitoringDemo = async (ctx: DemoSeedContext): Promise<void> => {
  const branch = (await listOrgRefs(ctx.db, 'branch'))[0];
  if (!branch) return;
  const actor = { ...systemActor('seed'), orgId: branch.id, orgPath: branch.path };
  const sources = SOURCES.map((s) => ({ id: newId(), ...s }));
  await inTransaction(ctx, actor, async (uow) => {
    await uow.tx
      .insertInto('monitor_sources')
      .values(
        sources.map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          kind: 'demo' as const,
          url: null,
          media_tier: s.tier,
          org_id: branch.id,
          org_path: branch.path,
        })),
      )
      .execute();
    await uow.tx
      .insertInto('monitor_watchlists')
      .values(DEMO_WATCHLISTS.map((w) => ({ id: newId(), ...w, org_id: branch.id, org_path: branch.path })))
      .execute();
    await uow.tx
      .insertInto('monitor_grade_rules')
      .values(
        DEFAULT_GRADE_RULES.map((r) => ({
          id: newId(),
          grade: r.grade,
          name: r.name,
          priority: r.priority,
          condition: JSON.stringify(r.condition),
          org_path: '/',
        })),
      )
      .execute();
    await uow.audit({ action: 'monitoring.demo_seeded', targetType: 'monitor_source', note: { sources: sources.length, watchlists: DEMO_WATCHLISTS.length } });
  });
  if (ctx.config.demoSize === 'test') return;

  const texts = loadDemoTexts(ctx.config.demoPostsPerSource, ctx.config.sharedDataDir);
  if (texts.length === 0) {
    ctx.log('../shared/data not found: no demo posts');
    return;
  }
  const r = prng(20261127);
  const now = ctx.clock.now();
  const byCode = new Map(sources.map((s) => [s.code, s]));
  const items: { post: TPostInput; source: { id: string; code: string; kind: 'demo'; media_tier: TMediaTier; org_id: string; org_path: string } }[] = [];
  const push = (t: DemoText, externalId: string, at: Date, reach: number) => {
    const s = byCode.get(t.source);
    if (!s) return;
    items.push({
      post: {
        source: s.code,
        externalId,
        publishedAt: at.toISOString(),
        text: t.text,
        ...(t.title ? { title: t.title } : {}),
        reposts: Math.floor(reach * 0.3),
        comments: Math.floor(reach * 0.2),
        likes: Math.floor(reach * 0.5),
        followers: Math.floor(r() * 5000),
        author: `用户${Math.floor(r() * 90_000) + 10_000}`,
      },
      source: { id: s.id, code: s.code, kind: 'demo', media_tier: s.tier, org_id: branch.id, org_path: branch.path },
    });
  };
  // Background: 7 days, busier in the daytime (Shanghai), never inside the last hour.
  texts.forEach((t, i) => {
    let at = now.getTime() - 3600_000 - Math.floor(r() * 7 * 86_400_000 - 3600_000);
    const hourSh = new Date(at + 8 * 3600_000).getUTCHours();
    if (hourSh < 7 && r() < 0.7) at -= 8 * 3600_000;
    push(t, `bg-${i}`, new Date(Math.min(at, now.getTime() - 3600_000 - 60_000)), Math.floor(r() ** 3 * 800));
  });
  // The scripted spike: one real negative review about 工行, reposted 40 times within the hour.
  const seed = texts.find((t) => t.source === 'demo-appstore' && t.text.includes('工行') && /垃圾|投诉|骗/.test(t.text)) ?? texts[0];
  if (seed) {
    for (let i = 0; i < 40; i++) {
      const at = new Date(now.getTime() - Math.floor(r() * 55 * 60_000) - 60_000);
      push(
        { source: 'demo-weibo', text: `${i % 3 === 0 ? '转发微博 ' : ''}${seed.text}${i % 2 ? ' //@网友' : ''}` },
        `spike-${i}`,
        at,
        200 + Math.floor(r() * 2000),
      );
    }
  }
  const ictx = await loadIngestContext(ctx.db, now);
  for (let o = 0; o < items.length; o += 500) await ingestPosts(ctx, actor, items.slice(o, o + 500), { detectSpikes: false, ctx: ictx });
  const raised = await detectSpikes(ctx);
  ctx.log(`${items.length} posts, ${raised.length} alerts`);
};
