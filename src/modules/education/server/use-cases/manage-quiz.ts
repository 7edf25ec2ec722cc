import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { TQuizSettings } from '../../contract.ts';
import { EDU_PERMISSIONS } from '../policy.ts';

const checkFixed = async (deps: ModuleDeps, s: TQuizSettings) => {
  if (s.mode !== 'fixed') return;
  const found = await deps.db.selectFrom('edu_questions').select('id').where('id', 'in', s.questionIds).execute();
  if (found.length !== new Set(s.questionIds).size)
    throw new AppError('VALIDATION_FAILED', [{ field: 'body.settings.questionIds', issue: 'unknown_question' }]);
};

export const createQuiz = async (deps: ModuleDeps, actor: Actor, input: { title: string; description: string; settings: TQuizSettings }) => {
  requirePermission(actor, EDU_PERMISSIONS.quiz);
  await checkFixed(deps, input.settings);
  const id = newId();
  return inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('edu_quizzes')
      .values({
        id,
        title: input.title,
        description: input.description,
        status: 'draft',
        version: 1,
        org_id: actor.orgId,
        org_path: actor.orgPath,
        created_by: actor.username,
      })
      .execute();
    await uow.tx
      .insertInto('edu_quiz_versions')
      .values({ quiz_id: id, version: 1, settings: JSON.stringify(input.settings), created_by: actor.username })
      .execute();
    await uow.audit({ action: 'edu.quiz.create', targetType: 'edu_quiz', targetId: id, after: { title: input.title, settings: input.settings } });
    return { id };
  });
};

/**
 * Settings may change at any time, safely: each change is a new version; attempts already started
 * keep the version (paper, time limit, feedback) they began with; new attempts use the new one.
 */
export const updateQuiz = async (
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: { settings: TQuizSettings; status?: 'draft' | 'open' | 'closed' | undefined },
) => {
  requirePermission(actor, EDU_PERMISSIONS.quiz);
  await checkFixed(deps, input.settings);
  return inTransaction(deps, actor, async (uow) => {
    const quiz = await uow.tx.selectFrom('edu_quizzes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, quiz);
    if (!quiz) throw new AppError('OUT_OF_SCOPE');
    const version = quiz.version + 1;
    await uow.tx
      .insertInto('edu_quiz_versions')
      .values({ quiz_id: id, version, settings: JSON.stringify(input.settings), created_by: actor.username })
      .execute();
    await uow.tx
      .updateTable('edu_quizzes')
      .set({ version, status: input.status ?? quiz.status, updated_at: deps.clock.now() })
      .where('id', '=', id)
      .execute();
    await uow.audit({
      action: 'edu.quiz.update',
      targetType: 'edu_quiz',
      targetId: id,
      before: { version: quiz.version, status: quiz.status },
      after: { version, status: input.status ?? quiz.status, settings: input.settings },
    });
    return { id, version };
  });
};
