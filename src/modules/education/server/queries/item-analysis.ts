import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { maskName, maskPhone } from '../../../../platform/pii/mask.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { analyseItems, knowledgeGain } from '../domain/item-analysis.ts';
import { EDU_PERMISSIONS } from '../policy.ts';

const quizInScope = async (db: Db, actor: Actor, id: string) => {
  const q = await db.selectFrom('edu_quizzes').select(['id', 'title', 'org_path']).where('id', '=', id).executeTakeFirst();
  assertInScope(actor, q);
  if (!q) throw new AppError('OUT_OF_SCOPE');
  return q;
};

/** Facility, discrimination and point-biserial per question of one quiz, hardest first. */
export const itemAnalysis = async (db: Db, actor: Actor, quizId: string) => {
  requirePermission(actor, EDU_PERMISSIONS.stats);
  const quiz = await quizInScope(db, actor, quizId);
  const rows = await db
    .selectFrom('edu_attempts')
    .select(['score', 'correct', 'question_ids'])
    .where('quiz_id', '=', quizId)
    .where('status', '<>', 'in_progress')
    .where('score', 'is not', null)
    .execute();
  const stats = analyseItems(rows.map((r) => ({ score: r.score ?? 0, correct: (r.correct ?? {}) as Record<string, boolean>, questionIds: r.question_ids })));
  const qs = stats.length
    ? await db
        .selectFrom('edu_questions')
        .select(['id', 'stem', 'type', 'difficulty'])
        .where(
          'id',
          'in',
          stats.map((s) => s.questionId),
        )
        .execute()
    : [];
  const byId = new Map(qs.map((q) => [q.id, q]));
  return {
    quizId,
    quizTitle: quiz.title,
    attempts: rows.length,
    items: stats
      .map((s) => ({
        ...s,
        stem: byId.get(s.questionId)?.stem ?? '',
        type: byId.get(s.questionId)?.type ?? 'single',
        difficulty: byId.get(s.questionId)?.difficulty ?? 0,
      }))
      .sort((a, b) => a.facility - b.facility || b.n - a.n),
  };
};

/** Pre-test/post-test pair: each person's first finished pre-test against their last finished post-test. */
export const knowledgeGainOf = async (db: Db, actor: Actor, preId: string, postId: string) => {
  requirePermission(actor, EDU_PERMISSIONS.stats);
  if (preId === postId) throw new AppError('VALIDATION_FAILED', [{ field: 'query.post', issue: 'same_as_pre' }]);
  const [pre, post] = [await quizInScope(db, actor, preId), await quizInScope(db, actor, postId)];
  const scores = async (quizId: string, order: 'asc' | 'desc') =>
    (
      await sql<{ taker_key: string; score: number }>`
        select distinct on (taker_key) taker_key, score from edu_attempts
        where quiz_id = ${quizId} and status <> 'in_progress' and score is not null
        order by taker_key, submitted_at ${sql.raw(order)}`.execute(db)
    ).rows;
  const before = new Map((await scores(preId, 'asc')).map((r) => [r.taker_key, r.score]));
  const pairs = (await scores(postId, 'desc')).flatMap((r) => (before.has(r.taker_key) ? [{ pre: before.get(r.taker_key) as number, post: r.score }] : []));
  return { pre: { id: pre.id, title: pre.title }, post: { id: post.id, title: post.title }, ...knowledgeGain(pairs) };
};

/** Finished and running attempts for export; nickname and phone masked (personal data). */
export const attemptRows = async (db: Db, actor: Actor, quizId: string) => {
  requirePermission(actor, EDU_PERMISSIONS.stats);
  await quizInScope(db, actor, quizId);
  const rows = await db
    .selectFrom('edu_attempts')
    .select(['id', 'nickname', 'phone', 'audience', 'status', 'quiz_version', 'started_at', 'submitted_at', 'score'])
    .where('quiz_id', '=', quizId)
    .orderBy('started_at')
    .limit(100_000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nickname: maskName(r.nickname),
    phone: r.phone ? maskPhone(r.phone) : '',
    audience: r.audience ?? '',
    status: r.status,
    version: r.quiz_version,
    startedAt: new Date(r.started_at).toISOString(),
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : '',
    score: r.score,
  }));
};
