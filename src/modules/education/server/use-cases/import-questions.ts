import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { buildSearchDocument } from '../../../../platform/search/index.ts';
import type { TImportReport, TQuestionInput } from '../../contract.ts';
import { canonicalAnswer, checkQuestion, parseCsvQuestions, parseJsonQuestions } from '../domain/questions.ts';
import { EDU_PERMISSIONS } from '../policy.ts';

const BATCH = 250;

/** Inserts questions in batches (inside the caller's transaction). */
export const insertQuestions = async (tx: Executor, org: { id: string; path: string }, bank: string, qs: TQuestionInput[]): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < qs.length; i += BATCH) {
    const rows = qs.slice(i, i + BATCH).map((q) => {
      const id = newId();
      ids.push(id);
      return {
        id,
        bank,
        type: q.type,
        stem: q.stem,
        options: JSON.stringify(q.options),
        answer: canonicalAnswer(q.type, q.answer),
        explanation: q.explanation,
        tags: q.tags,
        difficulty: q.difficulty,
        org_id: org.id,
        org_path: org.path,
        ...buildSearchDocument([q.stem, q.options.map((o) => o.text).join(' '), q.explanation]),
      };
    });
    await tx.insertInto('edu_questions').values(rows).execute();
  }
  return ids;
};

/** One question typed by staff. */
export const createQuestion = (deps: ModuleDeps, actor: Actor, q: TQuestionInput, bank = 'staff') => {
  requirePermission(actor, EDU_PERMISSIONS.quiz);
  const bad = checkQuestion({ ...q, answer: canonicalAnswer(q.type, q.answer) });
  if (bad) throw new AppError('VALIDATION_FAILED', [{ field: `body.${bad.field}`, issue: bad.issue }]);
  return inTransaction(deps, actor, async (uow) => {
    const [id] = await insertQuestions(uow.tx, { id: actor.orgId, path: actor.orgPath }, bank, [q]);
    await uow.audit({ action: 'edu.question.create', targetType: 'edu_question', targetId: id ?? null, after: { stem: q.stem, bank } });
    return { id: id as string };
  });
};

/**
 * CSV/JSON import with a row-level report. Any bad row refuses the whole file (422 with the
 * report) unless `skipInvalid`; either way nothing is half-written, since the insert is one transaction.
 */
export const importQuestions = async (
  deps: ModuleDeps,
  actor: Actor,
  req: { format: 'csv' | 'json'; content: string; bank: string; skipInvalid: boolean; dryRun: boolean },
): Promise<TImportReport> => {
  requirePermission(actor, EDU_PERMISSIONS.quiz);
  const parsed = req.format === 'csv' ? parseCsvQuestions(req.content) : parseJsonQuestions(req.content);
  const report = { total: parsed.total, valid: parsed.questions.length, imported: 0, errors: parsed.errors, warnings: parsed.warnings };
  if (parsed.errors.length > 0 && !req.skipInvalid) {
    throw new AppError(
      'EDU_IMPORT_INVALID',
      parsed.errors.slice(0, 200).map((e) => ({ field: `row ${e.row}: ${e.field}`, issue: e.issue })),
    );
  }
  if (req.dryRun || parsed.questions.length === 0) return report;
  await inTransaction(deps, actor, async (uow) => {
    await insertQuestions(uow.tx, { id: actor.orgId, path: actor.orgPath }, req.bank, parsed.questions);
    await uow.audit({
      action: 'edu.question.import',
      targetType: 'edu_question_bank',
      targetId: req.bank,
      note: { format: req.format, total: parsed.total, imported: parsed.questions.length, rejected: parsed.errors.length },
    });
    await uow.emit('education.questions_imported', { bank: req.bank, count: parsed.questions.length });
  });
  return { ...report, imported: parsed.questions.length };
};
