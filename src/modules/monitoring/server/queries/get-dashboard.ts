import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { inScope } from '../../../../platform/scope.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Volume and sentiment per hour (Asia/Shanghai), grade mix, top stories and word cloud for the last `days`. */
export const getDashboard = async (deps: ModuleDeps, actor: Actor, days = 7) => {
  requirePermission(actor, MONITORING_PERMISSIONS.read);
  const now = deps.clock.now();
  const from = new Date(now.getTime() - days * 86_400_000);
  const scoped = deps.db
    .selectFrom('monitor_posts as p')
    .where(inScope(actor, 'p.org_path'))
    .where('p.published_at', '>', from)
    .where('p.published_at', '<=', now);
  const [volume, grades, stories, words] = await Promise.all([
    scoped
      .select([
        sql<string>`to_char(date_trunc('hour', p.published_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD"T"HH24')`.as('hour'),
        sql<number>`count(*) filter (where p.sentiment = 'positive')::int`.as('positive'),
        sql<number>`count(*) filter (where p.sentiment = 'neutral')::int`.as('neutral'),
        sql<number>`count(*) filter (where p.sentiment = 'negative')::int`.as('negative'),
      ])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
    scoped
      .select(['p.grade', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.grade', 'is not', null)
      .groupBy('p.grade')
      .execute(),
    scoped
      .innerJoin('monitor_stories as s', 's.id', 'p.story_id')
      .select(['s.id', 's.title', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(*) filter (where p.negative)::int`.as('negative')])
      .groupBy(['s.id', 's.title'])
      .orderBy('n', 'desc')
      .limit(10)
      .execute(),
    scoped
      .select(sql<string>`unnest(p.keywords)`.as('word'))
      .where('p.published_at', '>', new Date(now.getTime() - 86_400_000))
      .execute(),
  ]);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w.word, (counts.get(w.word) ?? 0) + 1);
  return {
    volume: volume.map((v) => ({ hour: v.hour, positive: Number(v.positive), neutral: Number(v.neutral), negative: Number(v.negative) })),
    gradeMix: Object.fromEntries(grades.map((g) => [g.grade as string, Number(g.n)])),
    stories: stories.filter((s) => Number(s.n) > 1).map((s) => ({ id: s.id, title: s.title, posts: Number(s.n), negative: Number(s.negative) })),
    wordCloud: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 60)
      .map(([word, count]) => ({ word, count })),
  };
};
