import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../../platform/db/migrate.ts';
import { addSearchColumns } from '../../../../platform/search/index.ts';

const now = sql`now()`;
const emptyArray = sql`'{}'`;

export const educationMigrations: MigrationSet = {
  '20261127020000_education_base': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('edu_contents')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('audiences', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('video', 'jsonb')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('author_id', 'uuid')
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'uuid')
        .addColumn('reviewer_name', 'text')
        .addColumn('review_comment', 'text')
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('published_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await sql`create index edu_contents_scope on edu_contents (org_path text_pattern_ops, status, updated_at desc)`.execute(db);
      await sql`create index edu_contents_published on edu_contents (published_at desc) where status = 'published'`.execute(db);
      await addSearchColumns(db, 'edu_contents');

      await db.schema
        .createTable('edu_content_versions')
        .addColumn('content_id', 'uuid', (c) => c.notNull().references('edu_contents.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('tags', sql`text[]`, (c) => c.notNull())
        .addColumn('saved_by', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addColumn('note', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('edu_content_versions_pk', ['content_id', 'version'])
        .execute();

      await db.schema
        .createTable('edu_questions')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('bank', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('stem', 'text', (c) => c.notNull())
        .addColumn('options', 'jsonb', (c) => c.notNull())
        .addColumn('answer', sql`text[]`, (c) => c.notNull())
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(emptyArray))
        .addColumn('difficulty', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await sql`create index edu_questions_bank on edu_questions (bank, difficulty)`.execute(db);
      await sql`create index edu_questions_tags on edu_questions using gin (tags)`.execute(db);
      await addSearchColumns(db, 'edu_questions');

      await db.schema
        .createTable('edu_quizzes')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await db.schema
        .createTable('edu_quiz_versions')
        .addColumn('quiz_id', 'uuid', (c) => c.notNull().references('edu_quizzes.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('settings', 'jsonb', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addPrimaryKeyConstraint('edu_quiz_versions_pk', ['quiz_id', 'version'])
        .execute();

      await db.schema
        .createTable('edu_attempts')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('quiz_id', 'uuid', (c) => c.notNull().references('edu_quizzes.id'))
        .addColumn('quiz_version', 'integer', (c) => c.notNull())
        .addColumn('taker_key', 'text', (c) => c.notNull())
        .addColumn('nickname', 'text', (c) => c.notNull())
        .addColumn('audience', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('question_ids', sql`uuid[]`, (c) => c.notNull())
        .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('deadline_at', 'timestamptz', (c) => c.notNull())
        .addColumn('submitted_at', 'timestamptz')
        .addColumn('score', 'integer')
        .addColumn('correct', 'jsonb')
        .execute();
      await sql`create index edu_attempts_taker on edu_attempts (quiz_id, taker_key)`.execute(db);
      // At most one unfinished attempt per person and quiz: a double "start" resumes instead of forking.
      await sql`create unique index edu_attempts_one_open on edu_attempts (quiz_id, taker_key) where status = 'in_progress'`.execute(db);
      await sql`create index edu_attempts_board on edu_attempts (quiz_id, score desc) where status <> 'in_progress'`.execute(db);

      await db.schema
        .createTable('edu_draws')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('quiz_id', 'uuid', (c) => c.notNull().references('edu_quizzes.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('min_score', 'integer', (c) => c.notNull())
        .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
        .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
        .addColumn('winners_count', 'integer', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('seed_hash', 'text', (c) => c.notNull())
        .addColumn('entries_hash', 'text')
        .addColumn('entry_ids', sql`text[]`)
        .addColumn('winners', sql`text[]`)
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('committed_at', 'timestamptz')
        .addColumn('drawn_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await db.schema
        .createTable('edu_draw_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('draw_id', 'uuid', (c) => c.notNull().references('edu_draws.id'))
        .addColumn('taker_key', 'text', (c) => c.notNull())
        .addColumn('nickname', 'text', (c) => c.notNull())
        .addColumn('attempt_id', 'uuid', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addUniqueConstraint('edu_draw_entries_one_per_person', ['draw_id', 'taker_key'])
        .execute();

      await db.schema
        .createTable('edu_courses')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outline', 'jsonb', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      await db.schema
        .createTable('edu_enrolments')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('course_id', 'uuid', (c) => c.notNull().references('edu_courses.id'))
        .addColumn('learner_key', 'text', (c) => c.notNull())
        .addColumn('learner_name', 'text', (c) => c.notNull())
        .addColumn('progress', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('last_lesson_id', 'text')
        .addColumn('completed_at', 'timestamptz')
        .addColumn('certificate_code', 'text', (c) => c.unique())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addUniqueConstraint('edu_enrolments_one', ['course_id', 'learner_key'])
        .execute();
    },
  },
  '20261127200000_education_contact_phone': {
    async up(db: Kysely<unknown>) {
      // Optional contact phone (normalised mainland mobile) for prize draws and certificates.
      await db.schema.alterTable('edu_attempts').addColumn('phone', 'text').execute();
      await db.schema.alterTable('edu_enrolments').addColumn('phone', 'text').execute();
    },
  },
  '20261127201000_education_media': {
    async up(db: Kysely<unknown>) {
      // Short videos, posters: bytes in the database (see docs/education-media.md for why not large objects).
      await db.schema
        .createTable('edu_media')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('content_id', 'uuid', (c) => c.notNull().references('edu_contents.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bytea', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .execute();
      // Uncompressed out-of-line storage: substring() on a range then reads only the TOAST chunks it needs.
      await sql`alter table edu_media alter column bytes set storage external`.execute(db);
      await sql`create index edu_media_content on edu_media (content_id, role)`.execute(db);
    },
  },
  '20261127202000_education_prizes': {
    async up(db: Kysely<unknown>) {
      // Prizes per draw in rank order: ranks 1..quantity of the first prize, then the next, and so on.
      await db.schema
        .createTable('edu_draw_prizes')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('draw_id', 'uuid', (c) => c.notNull().references('edu_draws.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('remaining', 'integer', (c) => c.notNull())
        .addCheckConstraint('edu_draw_prizes_stock', sql`remaining >= 0 and remaining <= quantity`)
        .execute();
      await db.schema
        .createTable('edu_redemptions')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('draw_id', 'uuid', (c) => c.notNull().references('edu_draws.id'))
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('prize_id', 'uuid', (c) => c.notNull().references('edu_draw_prizes.id'))
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('redeemed_at', 'timestamptz')
        .addColumn('redeemed_by', 'text')
        .addColumn('redeemed_org_id', 'uuid')
        .addColumn('redeemed_org_path', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
        .addUniqueConstraint('edu_redemptions_one_per_entry', ['draw_id', 'entry_id'])
        .execute();
      await sql`create index edu_redemptions_outlet on edu_redemptions (redeemed_org_path text_pattern_ops, redeemed_at desc)`.execute(db);
    },
  },
};
