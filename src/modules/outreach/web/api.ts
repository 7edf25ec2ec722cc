import { api } from '../../../web/api-client.ts';
import type { TCustomer, TImportStatus, TPushReport, TRiskAlert, TRule, TSegmentPreview } from '../contract.ts';

export type SegmentRow = { id: string; name: string; description: string; rule: TRule; lastCount: number | null; createdBy: string };
export type PushRow = {
  id: string;
  title: string;
  contentKind: string;
  channels: string[];
  status: string;
  recipients: number;
  segmentName: string;
  startedAt: string | null;
  finishedAt: string | null;
};
export type OrgRow = { id: string; code: string; name: string; type: string };

export const outreachApi = {
  customers: (q: { q?: string; limit?: number; offset?: number }) => api.get<{ items: TCustomer[]; total: number }>('/api/v1/outreach/customers', undefined, q),
  reveal: (id: string, reason: string) => api.post<TCustomer>(`/api/v1/outreach/customers/${id}/reveal`, { reason }),
  startImport: (body: { fileName: string; format: 'csv' | 'xlsx'; content: string }) => api.post<{ id: string }>('/api/v1/outreach/imports', body),
  importStatus: (id: string) => api.get<TImportStatus>(`/api/v1/outreach/imports/${id}`),
  segments: () => api.get<{ items: SegmentRow[] }>('/api/v1/outreach/segments'),
  preview: (rule: TRule) => api.post<TSegmentPreview>('/api/v1/outreach/segments/preview', { rule }),
  saveSegment: (body: { name: string; description?: string; rule: TRule }) =>
    api.post<{ id: string; preview: TSegmentPreview }>('/api/v1/outreach/segments', body),
  orgs: () => api.get<{ items: OrgRow[] }>('/api/v1/outreach/orgs'),
  pushes: () => api.get<{ items: PushRow[] }>('/api/v1/outreach/pushes'),
  content: () => api.get<{ items: { kind: string; id: string; title: string }[] }>('/api/v1/outreach/content'),
  createPush: (body: { title: string; body: string; contentKind: string; contentRef?: string; segmentId: string; channels: string[] }) =>
    api.post<{ id: string }>('/api/v1/outreach/pushes', body),
  startPush: (id: string) => api.post<{ queued: number; skipped: number }>(`/api/v1/outreach/pushes/${id}/start`),
  report: (id: string) => api.get<TPushReport>(`/api/v1/outreach/pushes/${id}/report`),
  alerts: () => api.get<{ items: TRiskAlert[] }>('/api/v1/outreach/alerts'),
  createAlert: (body: Record<string, unknown>) => api.post<TRiskAlert>('/api/v1/outreach/alerts', body),
  alertAction: (id: string, action: 'submit' | 'review' | 'archive', body: Record<string, unknown> = {}) =>
    api.post<TRiskAlert>(`/api/v1/outreach/alerts/${id}/${action}`, body),
  effect: (id: string) => api.get<{ weeks: { week: number; count: number }[]; before: number; after: number }>(`/api/v1/outreach/alerts/${id}/effect`),
  publicAlerts: () => api.get<{ items: TRiskAlert[] }>('/api/v1/public/outreach/alerts'),
  publicAlert: (id: string) => api.get<TRiskAlert>(`/api/v1/public/outreach/alerts/${id}`),
  unsubscribe: (token: string) => api.post<{ channel: string }>('/api/v1/public/outreach/unsubscribe', { token }),
};
