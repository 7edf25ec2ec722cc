import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { maskName } from '../../../../platform/pii/mask.ts';
import { inScope } from '../../../../platform/scope.ts';
import { EDU_PERMISSIONS } from '../policy.ts';
import { loadSettings } from '../quiz-store.ts';

export const listQuizzes = async (db: Db, actor: Actor) => {
  requirePermission(actor, EDU_PERMISSIONS.read);
  const rows = await db
    .selectFrom('edu_quizzes as q')
    .innerJoin('edu_quiz_versions as v', (j) => j.onRef('v.quiz_id', '=', 'q.id').onRef('v.version', '=', 'q.version'))
    .select(['q.id', 'q.title', 'q.description', 'q.status', 'q.version', 'v.settings'])
    .select((eb) =>
      eb
        .selectFrom('edu_attempts as a')
        .whereRef('a.quiz_id', '=', 'q.id')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .as('attempts'),
    )
    .where(inScope(actor, 'q.org_path'))
    .orderBy('q.created_at', 'desc')
    .execute();
  return { items: rows.map((r) => ({ ...r, attempts: Number(r.attempts ?? 0) })) };
};

export const listPublicQuizzes = async (db: Db) => {
  const rows = await db
    .selectFrom('edu_quizzes')
    .select(['id', 'title', 'description', 'version'])
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .execute();
  const items = [];
  for (const r of rows) {
    const s = await loadSettings(db, r.id, r.version);
    items.push({
      id: r.id,
      title: r.title,
      description: r.description,
      count: s.mode === 'fixed' ? s.questionIds.length : s.count,
      timeLimitSec: s.timeLimitSec,
      attemptsLimit: s.attemptsLimit,
    });
  }
  const draws = await db.selectFrom('edu_draws').select(['id', 'quiz_id', 'title', 'status']).orderBy('created_at', 'desc').execute();
  return { items, draws: draws.map((d) => ({ id: d.id, quizId: d.quiz_id, title: d.title, status: d.status })) };
};

/** Best finished attempt per person, highest score first, earlier finish breaking ties; nicknames masked. */
export const leaderboard = async (db: Db, quizId: string, limit = 20) => {
  const quiz = await db.selectFrom('edu_quizzes').select('id').where('id', '=', quizId).executeTakeFirst();
  if (!quiz) throw new AppError('NOT_FOUND');
  const rows = await sql<{ nickname: string; score: number; seconds: number }>`
    select distinct on (taker_key) nickname, score, extract(epoch from (submitted_at - started_at))::int as seconds
    from edu_attempts where quiz_id = ${quizId} and status <> 'in_progress'
    order by taker_key, score desc, submitted_at - started_at asc`.execute(db);
  const ranked = rows.rows.sort((a, b) => b.score - a.score || a.seconds - b.seconds).slice(0, limit);
  return { items: ranked.map((r, i) => ({ rank: i + 1, nickname: maskName(r.nickname), score: r.score, seconds: r.seconds })) };
};

/** Simple analytics: reach, scores by audience, and the most-missed questions (facility = share answered correctly). */
export const educationStats = async (db: Db, actor: Actor) => {
  requirePermission(actor, EDU_PERMISSIONS.stats);
  const quizIds = (await db.selectFrom('edu_quizzes').select('id').where(inScope(actor)).execute()).map((q) => q.id);
  const contents = await db
    .selectFrom('edu_contents')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScope(actor))
    .groupBy('status')
    .execute();
  if (quizIds.length === 0) return { contents: contents.map((c) => ({ status: c.status, count: Number(c.n) })), attempts: 0, byAudience: [], missed: [] };
  const byAudience = await db
    .selectFrom('edu_attempts')
    .select(['audience', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('score').as('avg')])
    .where('quiz_id', 'in', quizIds)
    .where('status', '<>', 'in_progress')
    .groupBy('audience')
    .execute();
  const missed = await sql<{ id: string; stem: string; answered: number; facility: number }>`
    select q.id, q.stem, count(*)::int as answered, avg(case when (a.correct ->> q.id::text)::boolean then 1 else 0 end)::float as facility
    from edu_attempts a cross join lateral unnest(a.question_ids) as qid join edu_questions q on q.id = qid
    where a.quiz_id in (${sql.join(quizIds)}) and a.status <> 'in_progress'
    group by q.id, q.stem having count(*) >= 1 order by facility asc, answered desc limit 10`.execute(db);
  return {
    contents: contents.map((c) => ({ status: c.status, count: Number(c.n) })),
    attempts: byAudience.reduce((s, r) => s + Number(r.n), 0),
    byAudience: byAudience.map((r) => ({ audience: r.audience ?? 'unknown', attempts: Number(r.n), avgScore: Math.round(Number(r.avg ?? 0)) })),
    missed: missed.rows,
  };
};
