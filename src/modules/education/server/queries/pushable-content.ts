import { sql } from 'kysely';
import type { Executor } from '../../../../platform/db/schema.ts';

export type PushableContent = { kind: 'article' | 'video' | 'course' | 'quiz'; id: string; title: string; summary: string; publicPath: string };

/**
 * Published education content other modules may point customers to (outreach pushes): articles
 * and videos, courses and open quizzes, with their public portal path. Read-only, no staff data.
 */
export const listPushableContent = async (
  db: Executor,
  opts: { kind?: PushableContent['kind']; id?: string; limit?: number } = {},
): Promise<PushableContent[]> => {
  const limit = Math.min(opts.limit ?? 100, 500);
  const { rows } = await sql<PushableContent>`
    select * from (
      select kind, id::text as id, title, summary, '/portal/learn/' || id as "publicPath", published_at as at
        from edu_contents where status = 'published' and kind in ('article', 'video')
      union all
      select 'course', id::text, title, summary, '/portal/courses/' || id, created_at from edu_courses where status = 'published'
      union all
      select 'quiz', id::text, title, '', '/portal/quiz', created_at from edu_quizzes where status = 'open'
    ) x
    where (${opts.kind ?? null}::text is null or kind = ${opts.kind ?? null}) and (${opts.id ?? null}::text is null or id = ${opts.id ?? null})
    order by at desc nulls last limit ${limit}`.execute(db);
  return rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, summary: r.summary, publicPath: r.publicPath }));
};
