import { api } from '../../../web/api-client.ts';

export type Grade = 'I' | 'II' | 'III';
export type Clock = {
  key: string;
  label: string;
  dueAt: string;
  doneAt: string | null;
  state: 'done' | 'done_late' | 'running' | 'overdue';
  remainingMs: number;
};
export type IncidentSummary = {
  id: string;
  title: string;
  grade: Grade;
  status: string;
  ownerName: string;
  openedAt: string;
  clocks: Clock[];
  overdue: boolean;
};
export type Incident = IncidentSummary & {
  findings: { findings: string; evidence: string[] } | null;
  decision: { verdict: string; reason: string; rectification: string | null } | null;
  response: { kind: string; text: string; channel: string } | null;
  review: { review: string } | null;
  allowedActions: string[];
  referrals: { id: string; partnerKind: string; partner: string; shared: string; reference: string | null; createdAt: string }[];
  complaints: { id: string; trackingCode: string; title: string; linkedAt: string }[];
  timeline: { at: string; type: string; actorName: string; data: Record<string, unknown> }[];
};
export type Source = {
  id: string;
  code: string;
  name: string;
  kind: string;
  health: 'ok' | 'failing' | 'never' | 'idle';
  lastOkAt: string | null;
  lastError: string | null;
  postCount: number;
};
export type Post = {
  id: string;
  publishedAt: string;
  title: string | null;
  text: string;
  url: string | null;
  sentiment: 'positive' | 'negative' | 'neutral';
  grade: Grade | null;
  gradeRule: string | null;
  keywords: string[];
  negativeEntities: string[];
  fraudType: string | null;
  storyId: string;
  reach: { reposts: number; comments: number; likes: number };
  source: { code: string; name: string };
};
export type Alert = {
  id: string;
  kind: 'spike' | 'grade';
  subjectName: string;
  subjectType: string;
  grade: Grade | null;
  count: number;
  threshold: number;
  baselineMean: number;
  status: 'open' | 'acknowledged';
  acknowledgedBy: string | null;
  incidentId: string | null;
  createdAt: string;
  explanation: {
    topTerms?: { key: string; count: number }[];
    topSources?: { key: string; count: number }[];
    samples?: { id: string; excerpt: string; source: string }[];
    sentimentMix?: Record<string, number>;
  };
};
export type Dashboard = {
  volume: { hour: string; positive: number; neutral: number; negative: number }[];
  gradeMix: Partial<Record<Grade, number>>;
  stories: { id: string; title: string; posts: number; negative: number }[];
  wordCloud: { word: string; count: number }[];
};

const B = '/api/v1/opinion';
export const opinionApi = {
  dashboard: () => api.get<Dashboard>(`${B}/dashboard`),
  sources: () => api.get<{ items: Source[] }>(`${B}/sources`),
  posts: (q: Record<string, string | number | undefined>) => api.get<{ items: Post[]; total: number }>(`${B}/posts`, undefined, q),
  alerts: () => api.get<{ items: Alert[] }>(`${B}/alerts`),
  acknowledge: (id: string) => api.post<void>(`${B}/alerts/${id}/acknowledge`),
  incidents: (open?: boolean) => api.get<{ items: IncidentSummary[] }>(`${B}/incidents`, undefined, open ? { open: 'true' } : {}),
  openIncident: (body: { alertId?: string; title: string; grade: Grade }) => api.post<{ id: string }>(`${B}/incidents`, body),
  incident: (id: string) => api.get<Incident>(`${B}/incidents/${id}`),
  act: (id: string, body: Record<string, unknown>) => api.post<Incident>(`${B}/incidents/${id}/actions`, body),
  referral: (id: string, body: Record<string, unknown>) => api.post<{ id: string }>(`${B}/incidents/${id}/referrals`, body),
  link: (id: string, complaintId: string) => api.post<void>(`${B}/incidents/${id}/complaints`, { complaintId }),
  complaintRefs: (q: string) =>
    api.get<{ items: { id: string; trackingCode: string; title: string; status: string }[] }>(`${B}/complaint-refs`, undefined, { q }),
};
