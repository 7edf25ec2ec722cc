import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TAttemptView } from '../../contract.ts';
import {
  attemptView,
  emitAttemptFinished,
  expireAttempt,
  GRACE_MS,
  gradeAttempt,
  loadAttemptForUpdate,
  loadSettings,
  pickQuestions,
  publicActor,
  takerKeyOf,
} from '../quiz-store.ts';

type Meta = { requestId: string; ip: string | null };

/**
 * Starts an attempt or resumes the unfinished one (autosave + resume). The time limit runs from
 * the server's start time; an attempt found past its deadline is closed with its saved answers.
 */
export const startAttempt = async (
  deps: ModuleDeps,
  quizId: string,
  input: { deviceId: string; nickname?: string | undefined; audience?: string | undefined; phone?: string | undefined },
  meta: Meta,
): Promise<TAttemptView> => {
  const takerKey = takerKeyOf(input.deviceId);
  const actor = publicActor(meta.requestId, meta.ip);
  const start = () =>
    inTransaction(deps, actor, async (uow) => {
      const { tx } = uow;
      const quiz = await tx.selectFrom('edu_quizzes').select(['id', 'status', 'version']).where('id', '=', quizId).executeTakeFirst();
      if (!quiz) throw new AppError('NOT_FOUND');
      if (quiz.status !== 'open') throw new AppError('EDU_QUIZ_CLOSED');
      const now = deps.clock.now();
      const open = await tx
        .selectFrom('edu_attempts')
        .selectAll()
        .where('quiz_id', '=', quizId)
        .where('taker_key', '=', takerKey)
        .where('status', '=', 'in_progress')
        .forUpdate()
        .executeTakeFirst();
      if (open && new Date(open.deadline_at).getTime() + GRACE_MS > now.getTime()) {
        if (input.phone) await tx.updateTable('edu_attempts').set({ phone: input.phone }).where('id', '=', open.id).execute();
        return attemptView(tx, open.id);
      }
      if (open) await expireAttempt(uow, { ...open, answers: open.answers as Record<string, string[]> });
      const settings = await loadSettings(tx, quizId, quiz.version);
      const used = await tx
        .selectFrom('edu_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('quiz_id', '=', quizId)
        .where('taker_key', '=', takerKey)
        .executeTakeFirstOrThrow();
      if (Number(used.n) >= settings.attemptsLimit) throw new AppError('EDU_ATTEMPTS_EXHAUSTED', [{ issue: `limit_${settings.attemptsLimit}` }]);
      const id = newId();
      await tx
        .insertInto('edu_attempts')
        .values({
          id,
          quiz_id: quizId,
          quiz_version: quiz.version,
          taker_key: takerKey,
          nickname: input.nickname ?? '匿名答题者',
          audience: input.audience ?? null,
          status: 'in_progress',
          question_ids: await pickQuestions(tx, quizId, takerKey, settings),
          answers: '{}',
          started_at: now,
          deadline_at: new Date(now.getTime() + settings.timeLimitSec * 1000),
          submitted_at: null,
          score: null,
          phone: input.phone ?? null,
        })
        .execute();
      return attemptView(tx, id);
    });
  // The view is read inside the transaction: on PGlite every separate statement queues again behind
  // all waiting requests at the connection gate, which under a synchronized start multiplies latency.
  try {
    return await start();
  } catch (e) {
    // Two "start" taps at once: the unique open-attempt index lets one win; the other resumes it.
    if ((e as { code?: string }).code !== '23505') throw e;
    return start();
  }
};

const checkKeys = (answers: Record<string, string[]>, questionIds: string[]) => {
  const allowed = new Set(questionIds);
  const bad = Object.keys(answers).find((k) => !allowed.has(k));
  if (bad) throw new AppError('VALIDATION_FAILED', [{ field: `body.answers.${bad}`, issue: 'not_in_this_attempt' }]);
};

/** Autosave. After the deadline the attempt is closed with what was saved in time and the late answers are refused. */
export const saveAnswers = async (
  deps: ModuleDeps,
  attemptId: string,
  deviceId: string,
  answers: Record<string, string[]>,
  meta: Meta,
  submit: false | { phone?: string | undefined } = false,
) => {
  const view = await inTransaction(deps, publicActor(meta.requestId, meta.ip), async (uow): Promise<TAttemptView | 'late'> => {
    const a = await loadAttemptForUpdate(uow.tx, attemptId, deviceId);
    if (a.status !== 'in_progress') throw new AppError('EDU_ALREADY_SUBMITTED');
    checkKeys(answers, a.question_ids);
    const now = deps.clock.now();
    if (now.getTime() > new Date(a.deadline_at).getTime() + GRACE_MS) {
      await expireAttempt(uow, a);
      return 'late';
    }
    const merged = { ...a.answers, ...answers };
    if (!submit) {
      await uow.tx
        .updateTable('edu_attempts')
        .set({ answers: JSON.stringify(merged) })
        .where('id', '=', a.id)
        .execute();
      return attemptView(uow.tx, a.id);
    }
    const g = await gradeAttempt(uow.tx, { question_ids: a.question_ids, answers: merged });
    const phone = submit.phone ?? a.phone;
    await uow.tx
      .updateTable('edu_attempts')
      .set({ answers: JSON.stringify(merged), status: 'submitted', submitted_at: now, score: g.score, correct: JSON.stringify(g.correct), phone })
      .where('id', '=', a.id)
      .execute();
    await emitAttemptFinished(uow, { id: a.id, quiz_id: a.quiz_id, phone }, g.score);
    return attemptView(uow.tx, a.id);
  });
  // Committed first (the attempt is closed with its in-time answers), then the late request is refused.
  if (view === 'late') throw new AppError('EDU_TIME_UP');
  return view;
};

export const submitAttempt = (deps: ModuleDeps, attemptId: string, deviceId: string, answers: Record<string, string[]>, meta: Meta, phone?: string) =>
  saveAnswers(deps, attemptId, deviceId, answers, meta, { phone });
