import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { maskName } from '../../../../platform/pii/mask.ts';
import type { EduCoursesTable, VideoMeta } from '../db/tables.ts';
import { publicActor, takerKeyOf } from '../quiz-store.ts';
import { subtitlesUrlOf } from './upload-media.ts';

type Meta = { requestId: string; ip: string | null };
type Outline = EduCoursesTable['outline']['__select__'];

const lessonsOf = (outline: Outline) => outline.flatMap((c) => c.lessons);

/** Certificate codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
const certificateCode = () => {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
};

const loadCourse = async (db: Executor, id: string) => {
  const c = await db.selectFrom('edu_courses').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  return { ...c, outline: c.outline as Outline };
};

export const getPublicCourse = async (deps: ModuleDeps, id: string, deviceId?: string) => {
  const c = await loadCourse(deps.db, id);
  const e = deviceId
    ? await deps.db.selectFrom('edu_enrolments').selectAll().where('course_id', '=', id).where('learner_key', '=', takerKeyOf(deviceId)).executeTakeFirst()
    : undefined;
  // Lessons play the stored video of their (published) content record, when it has one.
  const contentIds = [...new Set(lessonsOf(c.outline).flatMap((l) => (l.contentId ? [l.contentId] : [])))];
  const videos = contentIds.length
    ? await deps.db
        .selectFrom('edu_contents')
        .select(['id', 'video'])
        .where('id', 'in', contentIds)
        .where('published_version', 'is not', null)
        .where('status', '<>', 'archived')
        .execute()
    : [];
  const mediaOf = new Map(
    videos.map((v) => {
      const m = v.video as VideoMeta | null;
      return [v.id, { mediaUrl: m?.mediaUrl ?? null, posterUrl: m?.posterUrl ?? null, subtitlesUrl: m?.subtitles ? subtitlesUrlOf(v.id) : null }];
    }),
  );
  const none = { mediaUrl: null, posterUrl: null, subtitlesUrl: null };
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    outline: c.outline.map((ch) => ({ ...ch, lessons: ch.lessons.map((l) => ({ ...l, ...((l.contentId && mediaOf.get(l.contentId)) || none) })) })),
    enrolment: e
      ? {
          progress: e.progress as Record<string, { positionSec: number; completed: boolean }>,
          lastLessonId: e.last_lesson_id,
          completedAt: e.completed_at ? new Date(e.completed_at).toISOString() : null,
          certificateCode: e.certificate_code,
        }
      : null,
  };
};

export const enrolCourse = async (deps: ModuleDeps, id: string, deviceId: string, name: string, meta: Meta, phone?: string) => {
  await inTransaction(deps, publicActor(meta.requestId, meta.ip), async ({ tx }) => {
    await loadCourse(tx, id);
    // Enrolling again (another tab) keeps the progress; a phone given now is kept for the certificate.
    if (phone) await tx.updateTable('edu_enrolments').set({ phone }).where('course_id', '=', id).where('learner_key', '=', takerKeyOf(deviceId)).execute();
    await tx
      .insertInto('edu_enrolments')
      .values({
        id: newId(),
        course_id: id,
        learner_key: takerKeyOf(deviceId),
        learner_name: name,
        progress: '{}',
        last_lesson_id: null,
        completed_at: null,
        certificate_code: null,
        phone: phone ?? null,
      })
      .onConflict((oc) => oc.columns(['course_id', 'learner_key']).doNothing())
      .execute();
  });
  return getPublicCourse(deps, id, deviceId);
};

/**
 * Saves the resume point (lesson + video second) continuously. A lesson counts as completed when
 * the learner marks it or has watched to within 10 s of its end; all lessons completed ⇒ certificate.
 */
export const saveProgress = async (
  deps: ModuleDeps,
  id: string,
  deviceId: string,
  p: { lessonId: string; positionSec: number; completed?: boolean | undefined },
  meta: Meta,
) => {
  await inTransaction(deps, publicActor(meta.requestId, meta.ip), async ({ tx, emit }) => {
    const c = await loadCourse(tx, id);
    const lesson = lessonsOf(c.outline).find((l) => l.id === p.lessonId);
    if (!lesson) throw new AppError('VALIDATION_FAILED', [{ field: 'body.lessonId', issue: 'not_in_course' }]);
    const e = await tx
      .selectFrom('edu_enrolments')
      .selectAll()
      .where('course_id', '=', id)
      .where('learner_key', '=', takerKeyOf(deviceId))
      .forUpdate()
      .executeTakeFirst();
    if (!e) throw new AppError('EDU_INVALID_STATE', [{ issue: 'not_enrolled' }]);
    const progress = { ...(e.progress as Record<string, { positionSec: number; completed: boolean }>) };
    const position = Math.min(p.positionSec, lesson.durationSec);
    const completed = progress[lesson.id]?.completed === true || p.completed === true || position >= lesson.durationSec - 10;
    progress[lesson.id] = { positionSec: position, completed };
    const all = lessonsOf(c.outline).every((l) => progress[l.id]?.completed);
    const now = deps.clock.now();
    await tx
      .updateTable('edu_enrolments')
      .set({
        progress: JSON.stringify(progress),
        last_lesson_id: lesson.id,
        updated_at: now,
        ...(all && !e.completed_at ? { completed_at: now, certificate_code: certificateCode() } : {}),
      })
      .where('id', '=', e.id)
      .execute();
    if (all && !e.completed_at) await emit('education.course_completed', { courseId: c.id, courseTitle: c.title, ...(e.phone ? { phone: e.phone } : {}) });
  });
  return getPublicCourse(deps, id, deviceId);
};

/** Public certificate check: the code shows the course, a masked name and the completion date. */
export const verifyCertificate = async (deps: ModuleDeps, code: string) => {
  const r = await deps.db
    .selectFrom('edu_enrolments as e')
    .innerJoin('edu_courses as c', 'c.id', 'e.course_id')
    .select(['c.title', 'e.learner_name', 'e.completed_at', 'e.certificate_code'])
    .where('e.certificate_code', '=', code.toUpperCase())
    .executeTakeFirst();
  if (!r?.completed_at) throw new AppError('NOT_FOUND');
  return { code: r.certificate_code as string, course: r.title, learner: maskName(r.learner_name), completedAt: new Date(r.completed_at).toISOString() };
};
