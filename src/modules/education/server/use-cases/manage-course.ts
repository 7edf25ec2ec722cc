import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope, inScope } from '../../../../platform/scope.ts';
import type { TCourseInput } from '../../contract.ts';
import { EDU_PERMISSIONS } from '../policy.ts';

/** Lessons point at content of the same scope; unknown or foreign records are refused by field. */
const outlineOf = async (tx: Executor, actor: Actor, input: TCourseInput) => {
  const ids = [...new Set(input.chapters.flatMap((c) => c.lessons.flatMap((l) => (l.contentId ? [l.contentId] : []))))];
  const found = ids.length ? await tx.selectFrom('edu_contents').select('id').where('id', 'in', ids).where(inScope(actor)).execute() : [];
  const known = new Set(found.map((f) => f.id));
  input.chapters.forEach((ch, i) => {
    ch.lessons.forEach((l, j) => {
      if (l.contentId && !known.has(l.contentId))
        throw new AppError('VALIDATION_FAILED', [{ field: `body.chapters.${i}.lessons.${j}.contentId`, issue: 'unknown_content' }]);
    });
  });
  return input.chapters.map((ch) => ({
    title: ch.title,
    lessons: ch.lessons.map((l) => ({
      id: l.id ?? newId().slice(0, 8),
      title: l.title,
      contentId: l.contentId,
      durationSec: l.durationSec,
      keyPoints: [...l.keyPoints].sort((a, b) => a.atSec - b.atSec),
    })),
  }));
};

const checkPublish = (actor: Actor, status: string) => {
  // Publishing puts the series on the portal: the same 消保审查 permission as for content.
  if (status === 'published') requirePermission(actor, EDU_PERMISSIONS.review);
};

export const createCourse = async (deps: ModuleDeps, actor: Actor, input: TCourseInput) => {
  requirePermission(actor, EDU_PERMISSIONS.edit);
  checkPublish(actor, input.status);
  const id = newId();
  return inTransaction(deps, actor, async (uow) => {
    const outline = await outlineOf(uow.tx, actor, input);
    await uow.tx
      .insertInto('edu_courses')
      .values({
        id,
        title: input.title,
        summary: input.summary,
        status: input.status,
        outline: JSON.stringify(outline),
        org_id: actor.orgId,
        org_path: actor.orgPath,
      })
      .execute();
    await uow.audit({
      action: 'edu.course.create',
      targetType: 'edu_course',
      targetId: id,
      after: { title: input.title, status: input.status, lessons: outline.flatMap((c) => c.lessons).length },
    });
    return { id };
  });
};

export const updateCourse = async (deps: ModuleDeps, actor: Actor, id: string, input: TCourseInput) => {
  requirePermission(actor, EDU_PERMISSIONS.edit);
  return inTransaction(deps, actor, async (uow) => {
    const c = await uow.tx.selectFrom('edu_courses').select(['id', 'status', 'title', 'org_path']).where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, c);
    if (!c) throw new AppError('OUT_OF_SCOPE');
    if (input.status !== c.status || c.status === 'published') checkPublish(actor, 'published');
    const outline = await outlineOf(uow.tx, actor, input);
    await uow.tx
      .updateTable('edu_courses')
      .set({ title: input.title, summary: input.summary, status: input.status, outline: JSON.stringify(outline) })
      .where('id', '=', id)
      .execute();
    await uow.audit({
      action: 'edu.course.update',
      targetType: 'edu_course',
      targetId: id,
      before: { title: c.title, status: c.status },
      after: { title: input.title, status: input.status, lessons: outline.flatMap((ch) => ch.lessons).length },
    });
    return { id };
  });
};

export const listCourses = async (db: Executor, actor: Actor) => {
  requirePermission(actor, EDU_PERMISSIONS.read);
  const rows = await db
    .selectFrom('edu_courses as c')
    .select(['c.id', 'c.title', 'c.summary', 'c.status', 'c.outline'])
    .select((eb) =>
      eb
        .selectFrom('edu_enrolments as e')
        .whereRef('e.course_id', '=', 'c.id')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .as('enrolled'),
    )
    .select((eb) =>
      eb
        .selectFrom('edu_enrolments as e')
        .whereRef('e.course_id', '=', 'c.id')
        .where('e.completed_at', 'is not', null)
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .as('completed'),
    )
    .where(inScope(actor, 'c.org_path'))
    .orderBy('c.created_at', 'desc')
    .execute();
  return { items: rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0), completed: Number(r.completed ?? 0) })) };
};
