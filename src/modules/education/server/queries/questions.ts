import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { inScope } from '../../../../platform/scope.ts';
import { searchWhere } from '../../../../platform/search/index.ts';
import { EDU_PERMISSIONS } from '../policy.ts';

export type QuestionListQuery = {
  q?: string | undefined;
  bank?: string | undefined;
  tag?: string | undefined;
  difficulty?: number | undefined;
  limit: number;
  offset: number;
};

export const listQuestions = async (db: Db, actor: Actor, q: QuestionListQuery) => {
  requirePermission(actor, EDU_PERMISSIONS.quiz);
  let base = db.selectFrom('edu_questions as q').where(inScope(actor, 'q.org_path')).where(searchWhere(q.q, 'q'));
  if (q.bank) base = base.where('q.bank', '=', q.bank);
  if (q.tag) base = base.where(sql<boolean>`${q.tag} = any(${sql.ref('q.tags')})`);
  if (q.difficulty) base = base.where('q.difficulty', '=', q.difficulty);
  const [rows, total, banks] = await Promise.all([
    base
      .select(['q.id', 'q.bank', 'q.type', 'q.stem', 'q.options', 'q.answer', 'q.explanation', 'q.tags', 'q.difficulty'])
      .orderBy('q.created_at', 'desc')
      .orderBy('q.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('edu_questions')
      .where(inScope(actor))
      .select(['bank', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('bank')
      .orderBy('bank')
      .execute(),
  ]);
  return { items: rows, total: Number(total.n), banks: banks.map((b) => ({ bank: b.bank, count: Number(b.n) })) };
};
