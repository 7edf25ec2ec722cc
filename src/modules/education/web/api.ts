import { api } from '../../../web/api-client.ts';
import type { TAttemptView, TContentDetail, TRedemption } from '../contract.ts';

export type PublicItem = { id: string; kind: string; title: string; summary: string; tags: string[]; publishedAt: string | null };
export type PublicContent = PublicItem & {
  bodyHtml: string;
  video: {
    durationSec: number;
    mediaUrl: string | null;
    posterUrl: string | null;
    subtitles: string | null;
    subtitlesUrl: string | null;
    keyPoints: { atSec: number; label: string }[];
  } | null;
};
export type PublicQuiz = { id: string; title: string; description: string; count: number; timeLimitSec: number; attemptsLimit: number };
export type PublicDraw = {
  id: string;
  title: string;
  status: 'open' | 'committed' | 'drawn';
  minScore: number;
  opensAt: string;
  closesAt: string;
  winnersCount: number;
  algorithm: string;
  seedHash: string | null;
  entriesHash: string | null;
  entryIds: string[] | null;
  seed: string | null;
  winners: { rank: number; entryId: string; nickname: string; prize: string | null }[] | null;
  entries: number;
  prizes: { name: string; quantity: number; remaining: number }[];
};
export type VerifyResult = { seedMatches: boolean; entriesMatch: boolean; winners: string[]; winnersMatch: boolean | null; valid: boolean };

export const publicEdu = {
  contents: (q?: string) => api.get<{ items: PublicItem[] }>('/api/v1/public/edu/contents', undefined, { q, limit: 50 }),
  content: (id: string) => api.get<PublicContent>(`/api/v1/public/edu/contents/${id}`),
  quizzes: () => api.get<{ items: PublicQuiz[]; draws: { id: string; quizId: string; title: string; status: string }[] }>('/api/v1/public/edu/quizzes'),
  start: (quizId: string, body: { deviceId: string; nickname?: string; phone?: string }) =>
    api.post<TAttemptView>(`/api/v1/public/edu/quizzes/${quizId}/attempts`, body),
  save: (id: string, body: { deviceId: string; answers: Record<string, string[]> }) => api.put<TAttemptView>(`/api/v1/public/edu/attempts/${id}/answers`, body),
  submit: (id: string, body: { deviceId: string; answers: Record<string, string[]> }) =>
    api.post<TAttemptView>(`/api/v1/public/edu/attempts/${id}/submit`, body),
  leaderboard: (quizId: string) =>
    api.get<{ items: { rank: number; nickname: string; score: number; seconds: number }[] }>(`/api/v1/public/edu/quizzes/${quizId}/leaderboard`),
  draw: (id: string) => api.get<PublicDraw>(`/api/v1/public/edu/draws/${id}`),
  enter: (id: string, deviceId: string) => api.post<{ entryId: string }>(`/api/v1/public/edu/draws/${id}/entries`, { deviceId }),
  verify: (id: string) => api.get<VerifyResult>(`/api/v1/public/edu/draws/${id}/verify`),
  myPrize: (id: string, deviceId: string) =>
    api.get<{ entryId: string; prize: string; rank: number; code: string; status: 'issued' | 'redeemed' }>(
      `/api/v1/public/edu/draws/${id}/my-prize`,
      undefined,
      {
        deviceId,
      },
    ),
};

export type StaffContent = TContentDetail;
export type ContentSummary = Omit<TContentDetail, 'bodyHtml' | 'video' | 'reviewComment' | 'allowedActions' | 'versions'>;
export type ImportReport = {
  total: number;
  valid: number;
  imported: number;
  errors: { row: number; field: string; issue: string }[];
  warnings: { row: number; field: string; issue: string }[];
};

export const staffEdu = {
  contents: (query: { status?: string; q?: string }) =>
    api.get<{ items: ContentSummary[]; total: number }>('/api/v1/edu/contents', undefined, { ...query, limit: 100 }),
  content: (id: string) => api.get<StaffContent>(`/api/v1/edu/contents/${id}`),
  create: (body: unknown) => api.post<StaffContent>('/api/v1/edu/contents', body),
  update: (id: string, body: unknown) => api.put<StaffContent>(`/api/v1/edu/contents/${id}`, body),
  action: (id: string, action: 'submit' | 'review' | 'archive', body: unknown = {}) => api.post<StaffContent>(`/api/v1/edu/contents/${id}/${action}`, body),
  questions: (query: { q?: string; bank?: string; offset?: number }) =>
    api.get<{
      items: { id: string; bank: string; type: string; stem: string; answer: string[]; tags: string[]; difficulty: number }[];
      total: number;
      banks: { bank: string; count: number }[];
    }>('/api/v1/edu/questions', undefined, { ...query, limit: 50 }),
  importQuestions: (body: { format: 'csv' | 'json'; content: string; bank: string; skipInvalid: boolean }) =>
    api.post<ImportReport>('/api/v1/edu/questions/import', body),
  quizzes: () =>
    api.get<{ items: { id: string; title: string; status: string; version: number; attempts: number; settings: Record<string, unknown> }[] }>(
      '/api/v1/edu/quizzes',
    ),
  createQuiz: (body: unknown) => api.post<{ id: string }>('/api/v1/edu/quizzes', body),
  updateQuiz: (id: string, body: unknown) => api.put<{ id: string; version: number }>(`/api/v1/edu/quizzes/${id}`, body),
  draws: () => api.get<{ items: { id: string; title: string; status: string; quizId: string; closesAt: string }[] }>('/api/v1/edu/draws'),
  createDraw: (body: unknown) => api.post<{ id: string }>('/api/v1/edu/draws', body),
  drawAction: (id: string, action: 'commit' | 'run') => api.post<PublicDraw>(`/api/v1/edu/draws/${id}/${action}`, {}),
  redemption: (code: string) => api.get<TRedemption>(`/api/v1/edu/redemptions/${encodeURIComponent(code)}`),
  redeem: (code: string) => api.post<TRedemption>('/api/v1/edu/redemptions', { code }),
  redemptions: () =>
    api.get<{ items: { code: string; drawTitle: string; prize: string; rank: number; redeemedAt: string; redeemedBy: string | null }[] }>(
      '/api/v1/edu/redemptions',
    ),
  itemAnalysis: (quizId: string) =>
    api.get<{
      quizTitle: string;
      attempts: number;
      items: {
        questionId: string;
        stem: string;
        type: string;
        n: number;
        facility: number;
        discrimination: number | null;
        pointBiserial: number | null;
      }[];
    }>(`/api/v1/edu/quizzes/${quizId}/item-analysis`),
  knowledgeGain: (pre: string, post: string) =>
    api.get<{
      pairs: number;
      meanPre: number | null;
      meanPost: number | null;
      meanGain: number | null;
      normalisedGain: number | null;
      meanIndividualGain: number | null;
      improved: number;
    }>('/api/v1/edu/knowledge-gain', undefined, { pre, post }),
  exportUrl: (quizId: string, what: 'items' | 'attempts', format: 'csv' | 'xlsx') => `/api/v1/edu/quizzes/${quizId}/export?what=${what}&format=${format}`,
  courses: () =>
    api.get<{
      items: {
        id: string;
        title: string;
        summary: string;
        status: 'draft' | 'published';
        outline: CourseView['outline'];
        enrolled: number;
        completed: number;
      }[];
    }>('/api/v1/edu/courses'),
  createCourse: (body: unknown) => api.post<{ id: string }>('/api/v1/edu/courses', body),
  updateCourse: (id: string, body: unknown) => api.put<{ id: string }>(`/api/v1/edu/courses/${id}`, body),
  stats: () =>
    api.get<{
      contents: { status: string; count: number }[];
      attempts: number;
      byAudience: { audience: string; attempts: number; avgScore: number }[];
      missed: { id: string; stem: string; answered: number; facility: number }[];
    }>('/api/v1/edu/stats'),
};

export type CourseView = {
  id: string;
  title: string;
  summary: string;
  outline: {
    title: string;
    lessons: {
      id: string;
      title: string;
      contentId: string | null;
      durationSec: number;
      keyPoints: { atSec: number; label: string }[];
      mediaUrl: string | null;
      posterUrl: string | null;
      subtitlesUrl: string | null;
    }[];
  }[];
  enrolment: {
    progress: Record<string, { positionSec: number; completed: boolean }>;
    lastLessonId: string | null;
    completedAt: string | null;
    certificateCode: string | null;
  } | null;
};

export const publicCourses = {
  list: () => api.get<{ items: { id: string; title: string; summary: string }[] }>('/api/v1/public/edu/courses'),
  get: (id: string, deviceId: string) => api.get<CourseView>(`/api/v1/public/edu/courses/${id}`, undefined, { deviceId }),
  enrol: (id: string, deviceId: string, name: string, phone?: string) =>
    api.post<CourseView>(`/api/v1/public/edu/courses/${id}/enrol`, { deviceId, name, ...(phone ? { phone } : {}) }),
  progress: (id: string, body: { deviceId: string; lessonId: string; positionSec: number; completed?: boolean }) =>
    api.put<CourseView>(`/api/v1/public/edu/courses/${id}/progress`, body),
  certificate: (code: string) => api.get<{ code: string; course: string; learner: string; completedAt: string }>(`/api/v1/public/edu/certificates/${code}`),
};
