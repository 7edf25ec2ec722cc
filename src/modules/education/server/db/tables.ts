import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { SearchColumns } from '../../../../platform/search/index.ts';

export type VideoMeta = {
  durationSec: number;
  mediaUrl: string | null;
  posterUrl: string | null;
  subtitles: string | null;
  keyPoints: { atSec: number; label: string }[];
};

/** Articles, short videos and materials; the row holds the working version, edu_content_versions every saved one. */
export type EduContentsTable = SearchColumns & {
  id: string;
  kind: 'article' | 'video' | 'material';
  status: 'draft' | 'in_review' | 'published' | 'archived';
  title: string;
  summary: string;
  body_html: string;
  tags: string[];
  audiences: string[];
  video: Json<VideoMeta | null>;
  version: number;
  published_version: number | null;
  author_id: string | null;
  author_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_comment: string | null;
  org_id: string;
  org_path: string;
  published_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type EduContentVersionsTable = {
  content_id: string;
  version: number;
  title: string;
  summary: string;
  body_html: string;
  tags: string[];
  saved_by: string;
  saved_at: Timestamp;
  note: string;
};

export type EduQuestionsTable = SearchColumns & {
  id: string;
  bank: string;
  type: 'single' | 'multiple' | 'truefalse' | 'fill';
  stem: string;
  options: Json<{ key: string; text: string }[]>;
  answer: string[];
  explanation: string;
  tags: string[];
  difficulty: number;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
};

export type EduQuizzesTable = {
  id: string;
  title: string;
  description: string;
  status: 'draft' | 'open' | 'closed';
  version: number;
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Settings are versioned: attempts keep the version they started on, so edits never change a running attempt. */
export type EduQuizVersionsTable = { quiz_id: string; version: number; settings: Json<Record<string, unknown>>; created_by: string; created_at: Timestamp };

export type EduAttemptsTable = {
  id: string;
  quiz_id: string;
  quiz_version: number;
  taker_key: string;
  nickname: string;
  audience: string | null;
  status: 'in_progress' | 'submitted' | 'expired';
  question_ids: string[];
  answers: Json<Record<string, string[]>>;
  started_at: Timestamp;
  deadline_at: Timestamp;
  submitted_at: NullableTimestamp;
  score: number | null;
  /** Normalised mainland mobile when the taker gave one (prize draw); masked everywhere but the event. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  correct: ColumnType<Record<string, boolean> | null, string | undefined, string>;
};

export type EduDrawsTable = {
  id: string;
  quiz_id: string;
  title: string;
  status: 'open' | 'committed' | 'drawn';
  min_score: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  winners_count: number;
  /** Secret until the draw; only seed_hash is shown before. */
  seed: string;
  seed_hash: string;
  entries_hash: string | null;
  entry_ids: string[] | null;
  winners: string[] | null;
  org_id: string;
  org_path: string;
  committed_at: NullableTimestamp;
  drawn_at: NullableTimestamp;
  created_at: Timestamp;
};

export type EduDrawEntriesTable = {
  id: string;
  draw_id: string;
  taker_key: string;
  nickname: string;
  attempt_id: string;
  score: number;
  created_at: Timestamp;
};

export type EduCoursesTable = {
  id: string;
  title: string;
  summary: string;
  status: 'draft' | 'published';
  /** Series → chapters → lessons: [{ title, lessons: [{ id, title, contentId, durationSec, keyPoints }] }]. */
  outline: Json<
    { title: string; lessons: { id: string; title: string; contentId: string | null; durationSec: number; keyPoints: { atSec: number; label: string }[] }[] }[]
  >;
  org_id: string;
  org_path: string;
  created_at: Timestamp;
};

export type EduEnrolmentsTable = {
  id: string;
  course_id: string;
  learner_key: string;
  learner_name: string;
  progress: Json<Record<string, { positionSec: number; completed: boolean }>>;
  last_lesson_id: string | null;
  completed_at: NullableTimestamp;
  certificate_code: string | null;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Uploaded video files and posters (subtitles are WebVTT text in the video meta). */
export type EduMediaTable = {
  id: string;
  content_id: string;
  role: 'video' | 'poster';
  mime: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  org_id: string;
  org_path: string;
  created_by: string;
  created_at: Timestamp;
};

export type EduDrawPrizesTable = { id: string; draw_id: string; position: number; name: string; quantity: number; remaining: number };

/** One redemption code per winner; redeemed once, at an outlet, by its staff. */
export type EduRedemptionsTable = {
  code: string;
  draw_id: string;
  entry_id: string;
  prize_id: string;
  rank: number;
  status: 'issued' | 'redeemed';
  redeemed_at: NullableTimestamp;
  redeemed_by: string | null;
  redeemed_org_id: string | null;
  redeemed_org_path: string | null;
  created_at: Timestamp;
};

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    edu_contents: EduContentsTable;
    edu_content_versions: EduContentVersionsTable;
    edu_questions: EduQuestionsTable;
    edu_quizzes: EduQuizzesTable;
    edu_quiz_versions: EduQuizVersionsTable;
    edu_attempts: EduAttemptsTable;
    edu_draws: EduDrawsTable;
    edu_draw_entries: EduDrawEntriesTable;
    edu_courses: EduCoursesTable;
    edu_enrolments: EduEnrolmentsTable;
    edu_media: EduMediaTable;
    edu_draw_prizes: EduDrawPrizesTable;
    edu_redemptions: EduRedemptionsTable;
  }
}

export type { Generated };
