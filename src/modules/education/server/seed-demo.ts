import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Insertable } from 'kysely';
import { systemActor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { findStaffCovering, listOrgRefs } from '../../identity/index.ts';
import type { TQuestionInput, TQuizSettings, TTopicTag } from '../contract.ts';
import { searchDocOf } from './content-store.ts';
import type { EduContentsTable, EduMediaTable } from './db/tables.ts';
import { newSeed, seedHashOf } from './domain/draw.ts';
import { canonicalAnswer, isCorrect } from './domain/questions.ts';
import { sanitizeContentHtml } from './domain/sanitize.ts';
import { SEED_ARTICLES, SEED_COURSE, SEED_VIDEOS } from './seed-content.ts';
import { QUESTIONS_RIGHTS_AML, type SeedQuestion } from './seed-questions-a.ts';
import { QUESTIONS_FRAUD_CARDS_ELDERLY } from './seed-questions-b.ts';
import { insertQuestions } from './use-cases/import-questions.ts';
import { mediaUrlOf } from './use-cases/upload-media.ts';

/**
 * The seeded 消保小剧场 records play generated placeholder clips (VP8 WebM, 320×180, 2 fps, a
 * timecode on a plain background; made with ffmpeg, see demo-media/README.md) of the records' full
 * length, so seeking and 重点回看 behave as with a real film.
 */
const demoClip = (n: number, contentId: string, org: { id: string; path: string }) => {
  const file = (name: string, role: 'video' | 'poster', mime: string) => {
    const bytes = readFileSync(new URL(`./demo-media/${name}`, import.meta.url));
    const id = newId();
    const row = {
      id,
      content_id: contentId,
      role,
      mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      org_id: org.id,
      org_path: org.path,
      created_by: 'demo-seed',
    };
    return { row, url: mediaUrlOf(id) };
  };
  const video = file(`placeholder-${n}.webm`, 'video', 'video/webm');
  const poster = file(`poster-${n}.png`, 'poster', 'image/png');
  return { rows: [video.row, poster.row], mediaUrl: video.url, posterUrl: poster.url };
};

const TYPES = { s: 'single', m: 'multiple', t: 'truefalse', f: 'fill' } as const;

export const seedQuestionInputs = (): TQuestionInput[] =>
  [...QUESTIONS_RIGHTS_AML, ...QUESTIONS_FRAUD_CARDS_ELDERLY].map(([t, stem, options, answer, explanation, tags, difficulty]: SeedQuestion) => {
    const type = TYPES[t];
    return {
      type,
      stem,
      options: options ? options.split('|').map((text, i) => ({ key: 'ABCDEFGH'[i] as string, text })) : [],
      answer: canonicalAnswer(type, type === 'fill' ? answer.split('|') : [answer]),
      explanation,
      tags: tags.split(',') as TTopicTag[],
      difficulty,
    };
  });

/**
 * Original articles, three short-video records, one course series, the 120-question bank, an open
 * quiz with a prize draw — on every empty database (they are small). The full demo adds a few
 * hundred finished attempts for the leaderboard and analytics.
 */
export const seedEducationDemo = async (ctx: DemoSeedContext): Promise<void> => {
  const branch = (await listOrgRefs(ctx.db, 'branch'))[0];
  if (!branch) return;
  const staff = await findStaffCovering(ctx.db, branch.path, 'cp_admin');
  const reviewer = staff[0]?.displayName ?? '消保部';
  const author = '消保部宣教组';
  const now = ctx.clock.now();
  const full = ctx.config.demoSize !== 'test';
  await inTransaction(ctx, systemActor('demo-seed'), async (uow) => {
    const tx = uow.tx;
    const titleToId = new Map<string, string>();
    const contentRows: Insertable<EduContentsTable>[] = [];
    const versionRows = [];
    const all = [
      ...SEED_ARTICLES.map((a) => ({ ...a, kind: 'article' as const, video: null })),
      ...SEED_VIDEOS.map((v) => ({ ...v, kind: 'video' as const, video: v })),
    ];
    const mediaRows: Insertable<EduMediaTable>[] = [];
    let videoNo = 0;
    for (const [i, c] of all.entries()) {
      const id = newId();
      const clip = c.video ? demoClip(++videoNo, id, branch) : null;
      if (clip) mediaRows.push(...clip.rows);
      titleToId.set(c.title, id);
      const row = { title: c.title, summary: c.summary, body_html: sanitizeContentHtml(c.body), tags: c.tags };
      const publishedAt = new Date(now.getTime() - (all.length - i) * 86_400_000);
      contentRows.push({
        id,
        kind: c.kind,
        status: 'published',
        ...row,
        audiences: c.audiences,
        video: JSON.stringify(
          c.video
            ? {
                durationSec: c.video.durationSec,
                mediaUrl: clip?.mediaUrl ?? null,
                posterUrl: clip?.posterUrl ?? null,
                subtitles: c.video.subtitles,
                keyPoints: c.video.keyPoints,
              }
            : null,
        ),
        version: 1,
        published_version: 1,
        author_id: null,
        author_name: author,
        reviewer_id: staff[0]?.id ?? null,
        reviewer_name: reviewer,
        review_comment: null,
        org_id: branch.id,
        org_path: branch.path,
        published_at: publishedAt,
        created_at: publishedAt,
        updated_at: publishedAt,
        ...searchDocOf(row),
      });
      versionRows.push({ content_id: id, version: 1, ...row, saved_by: author, saved_at: publishedAt, note: `approved by ${reviewer}` });
    }
    await tx.insertInto('edu_contents').values(contentRows).execute();
    await tx.insertInto('edu_content_versions').values(versionRows).execute();
    await tx.insertInto('edu_media').values(mediaRows).execute();

    // Under the test size every fourth question is enough (API tests import their own banks).
    const questions = seedQuestionInputs().filter((_, i) => full || i % 4 === 0);
    const qIds = await insertQuestions(tx, branch, 'seed', questions);

    const quizId = newId();
    const settings: TQuizSettings = {
      mode: 'random',
      questionIds: [],
      bank: 'seed',
      tags: [],
      difficulty: [],
      count: 10,
      timeLimitSec: 600,
      attemptsLimit: 3,
      feedback: 'immediate',
      passScore: 60,
    };
    await tx
      .insertInto('edu_quizzes')
      .values({
        id: quizId,
        title: '消保知识答题赢大奖',
        description: '八项权利、反洗钱、防诈骗，每次随机 10 题，答对 80 分可参加抽奖。',
        status: 'open',
        version: 1,
        org_id: branch.id,
        org_path: branch.path,
        created_by: 'demo',
      })
      .execute();
    await tx
      .insertInto('edu_quiz_versions')
      .values({ quiz_id: quizId, version: 1, settings: JSON.stringify(settings), created_by: 'demo' })
      .execute();
    const seed = newSeed();
    const drawId = newId();
    await tx
      .insertInto('edu_draws')
      .values({
        id: drawId,
        quiz_id: quizId,
        title: '金融教育宣传月幸运抽奖',
        status: 'open',
        min_score: 80,
        opens_at: new Date(now.getTime() - 7 * 86_400_000),
        closes_at: new Date(now.getTime() + 30 * 86_400_000),
        winners_count: 3,
        seed,
        seed_hash: seedHashOf(seed),
        entries_hash: null,
        entry_ids: null,
        winners: null,
        org_id: branch.id,
        org_path: branch.path,
      })
      .execute();
    await tx
      .insertInto('edu_draw_prizes')
      .values([
        { id: newId(), draw_id: drawId, position: 1, name: '一等奖：消保主题保温杯', quantity: 1, remaining: 1 },
        { id: newId(), draw_id: drawId, position: 2, name: '二等奖：防诈骗帆布袋', quantity: 2, remaining: 2 },
      ])
      .execute();

    const outline = SEED_COURSE.chapters.map((ch) => ({
      title: ch.title,
      lessons: ch.lessons.map((title) => {
        const video = SEED_VIDEOS.find((v) => v.title === title);
        return {
          id: newId().slice(0, 8),
          title,
          contentId: titleToId.get(title) ?? null,
          durationSec: video?.durationSec ?? 120,
          keyPoints: video?.keyPoints ?? [],
        };
      }),
    }));
    await tx
      .insertInto('edu_courses')
      .values({
        id: newId(),
        title: SEED_COURSE.title,
        summary: SEED_COURSE.summary,
        status: 'published',
        outline: JSON.stringify(outline),
        org_id: branch.id,
        org_path: branch.path,
      })
      .execute();

    if (full) {
      // Finished attempts from simulated customers, so the leaderboard and analytics have data.
      const audiences = ['elderly', 'youth', 'new_urban', 'gig_workers', 'women', 'rural'];
      const rows = [];
      for (let i = 0; i < 300; i++) {
        const picks = Array.from({ length: 10 }, (_, k) => (i * 7 + k * 13) % qIds.length);
        const skill = 0.45 + ((i * 37) % 50) / 100;
        const answers: Record<string, string[]> = {};
        const correct: Record<string, boolean> = {};
        for (const [k, idx] of picks.entries()) {
          const q = questions[idx] as TQuestionInput;
          const right = ((i * 31 + k * 17) % 100) / 100 < skill - (q.difficulty - 1) * 0.1;
          answers[qIds[idx] as string] = right ? q.answer : ['Z'];
          correct[qIds[idx] as string] = isCorrect(q, answers[qIds[idx] as string]);
        }
        const score = Math.round((100 * Object.values(correct).filter(Boolean).length) / 10);
        const started = new Date(now.getTime() - ((i % 30) + 1) * 86_400_000);
        rows.push({
          id: newId(),
          quiz_id: quizId,
          quiz_version: 1,
          taker_key: `demo:${i}`,
          nickname: `答题者${String(i + 1).padStart(3, '0')}`,
          audience: audiences[i % audiences.length] as string,
          status: 'submitted' as const,
          question_ids: picks.map((x) => qIds[x] as string),
          answers: JSON.stringify(answers),
          started_at: started,
          deadline_at: new Date(started.getTime() + 600_000),
          submitted_at: new Date(started.getTime() + 120_000 + (i % 300) * 1000),
          score,
          correct: JSON.stringify(correct),
        });
      }
      await tx.insertInto('edu_attempts').values(rows).execute();
    }
    await uow.audit({ action: 'edu.demo_seed', targetType: 'edu_content', note: { contents: all.length, questions: qIds.length, courses: 1, quizzes: 1 } });
  });
  ctx.log(`宣教 education: ${SEED_ARTICLES.length} articles, ${SEED_VIDEOS.length} videos, 1 course, ${seedQuestionInputs().length} questions, 1 quiz + draw`);
};
