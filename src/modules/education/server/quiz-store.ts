import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/actor.ts';
import { systemActor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Executor } from '../../../platform/db/schema.ts';
import type { TAttemptView, TQuizSettings } from '../contract.ts';
import { ZQuizSettings } from '../contract.ts';
import type { EduAttemptsTable } from './db/tables.ts';
import { isCorrect } from './domain/questions.ts';

/** Answers arriving this long after the deadline are still accepted (network latency), never more. */
export const GRACE_MS = 5_000;

export const publicActor = (requestId: string, ip: string | null): Actor => ({ ...systemActor(requestId), username: 'public-portal', ip });
export const takerKeyOf = (deviceId: string) => `device:${deviceId}`;

export const loadSettings = async (db: Executor, quizId: string, version: number): Promise<TQuizSettings> => {
  const v = await db.selectFrom('edu_quiz_versions').select('settings').where('quiz_id', '=', quizId).where('version', '=', version).executeTakeFirstOrThrow();
  return ZQuizSettings.parse(v.settings);
};

/** Uniform random sample without replacement (partial Fisher–Yates with crypto randomness). */
export const sample = <T>(xs: readonly T[], n: number): T[] => {
  const a = [...xs];
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(a.length - i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, k);
};

/**
 * Picks a paper. Random papers draw from the tag/difficulty pool, preferring questions this
 * person has not seen in earlier attempts; only when the unseen pool runs out are seen ones reused.
 */
export const pickQuestions = async (db: Executor, quizId: string, takerKey: string, s: TQuizSettings): Promise<string[]> => {
  if (s.mode === 'fixed') return s.questionIds;
  let q = db.selectFrom('edu_questions').select('id').where('bank', '=', s.bank);
  if (s.tags.length > 0) q = q.where(sql<boolean>`tags && ${sql.val(s.tags)}::text[]`);
  if (s.difficulty.length > 0) q = q.where('difficulty', 'in', s.difficulty);
  const pool = (await q.execute()).map((r) => r.id);
  if (pool.length === 0) throw new AppError('EDU_QUIZ_CLOSED', [{ issue: 'empty_question_pool' }]);
  const previous = await db.selectFrom('edu_attempts').select('question_ids').where('quiz_id', '=', quizId).where('taker_key', '=', takerKey).execute();
  const seen = new Set(previous.flatMap((p) => p.question_ids));
  const unseen = pool.filter((id) => !seen.has(id));
  if (unseen.length >= s.count) return sample(unseen, s.count);
  return [
    ...unseen,
    ...sample(
      pool.filter((id) => seen.has(id)),
      s.count - unseen.length,
    ),
  ];
};

type AttemptRow = Pick<EduAttemptsTable, 'question_ids'> & { answers: Record<string, string[]> };

export const gradeAttempt = async (db: Executor, a: AttemptRow) => {
  const qs = a.question_ids.length ? await db.selectFrom('edu_questions').select(['id', 'type', 'answer']).where('id', 'in', a.question_ids).execute() : [];
  const correct: Record<string, boolean> = {};
  for (const q of qs) correct[q.id] = isCorrect(q, a.answers[q.id]);
  const n = a.question_ids.length || 1;
  const right = Object.values(correct).filter(Boolean).length;
  return { correct, score: Math.round((100 * right) / n) };
};

/** Scores are percentages of the paper. */
export const MAX_SCORE = 100;

type Emitter = { tx: Executor; emit: (name: string, payload: Record<string, unknown>) => Promise<void> };

/** The agreed contract `education.attempt_submitted`, for timed-out attempts as well as submitted ones. */
export const emitAttemptFinished = async (uow: Emitter, a: { id: string; quiz_id: string; phone: string | null }, score: number) => {
  const quiz = await uow.tx.selectFrom('edu_quizzes').select('title').where('id', '=', a.quiz_id).executeTakeFirstOrThrow();
  await uow.emit('education.attempt_submitted', {
    attemptId: a.id,
    quizId: a.quiz_id,
    score,
    quizTitle: quiz.title,
    maxScore: MAX_SCORE,
    ...(a.phone ? { phone: a.phone } : {}),
  });
};

/** Finishes an attempt whose time ran out with the answers saved before the deadline. */
export const expireAttempt = async (uow: Emitter, a: AttemptRow & { id: string; quiz_id: string; phone: string | null; deadline_at: Date }) => {
  const g = await gradeAttempt(uow.tx, a);
  const r = await uow.tx
    .updateTable('edu_attempts')
    .set({ status: 'expired', submitted_at: a.deadline_at, score: g.score, correct: JSON.stringify(g.correct) })
    .where('id', '=', a.id)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) await emitAttemptFinished(uow, a, g.score);
};

export const loadAttemptForUpdate = async (tx: Executor, id: string, deviceId: string) => {
  const a = await tx.selectFrom('edu_attempts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  // Another device's attempt is "not found": attempt ids do not grant access on their own.
  if (!a || a.taker_key !== takerKeyOf(deviceId)) throw new AppError('NOT_FOUND');
  return { ...a, answers: a.answers as Record<string, string[]> };
};

export const attemptView = async (db: Executor, attemptId: string): Promise<TAttemptView> => {
  const a = await db.selectFrom('edu_attempts').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow();
  const settings = await loadSettings(db, a.quiz_id, a.quiz_version);
  const rows = a.question_ids.length
    ? await db.selectFrom('edu_questions').select(['id', 'type', 'stem', 'options', 'answer', 'explanation']).where('id', 'in', a.question_ids).execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = a.question_ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const done = a.status !== 'in_progress';
  const correct = (a.correct ?? {}) as Record<string, boolean>;
  return {
    id: a.id,
    quizId: a.quiz_id,
    quizVersion: a.quiz_version,
    status: a.status,
    startedAt: new Date(a.started_at).toISOString(),
    deadlineAt: new Date(a.deadline_at).toISOString(),
    questions: ordered.map((q) => ({ id: q.id, type: q.type, stem: q.stem, options: q.options as { key: string; text: string }[] })),
    answers: a.answers as Record<string, string[]>,
    score: done ? a.score : null,
    maxScore: MAX_SCORE,
    feedback:
      done && settings.feedback === 'immediate'
        ? ordered.map((q) => ({ id: q.id, correct: correct[q.id] === true, answer: q.answer, explanation: q.explanation }))
        : null,
  };
};
