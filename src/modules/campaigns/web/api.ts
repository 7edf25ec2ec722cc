import { api } from '../../../web/api-client.ts';
import type {
  TAssist,
  TCampaignDetail,
  TCampaignSummary,
  TCheckInResult,
  TConfirmation,
  TEventDetail,
  TEventSummary,
  TPublicEvent,
  TReach,
  TRegistration,
} from '../contract.ts';

const base = '/api/v1/campaigns';

const uploadPhoto = (eventId: string, file: File, caption: string) =>
  api.upload<unknown>(`${base}/events/${eventId}/photos`, file, file.name, undefined, { 'x-caption': encodeURIComponent(caption) });

export const staffCampaigns = {
  list: (year?: number) => api.get<{ items: TCampaignSummary[] }>(base, undefined, { year }),
  get: (id: string) => api.get<TCampaignDetail>(`${base}/${id}`),
  create: (body: unknown) => api.post<{ id: string }>(base, body),
  update: (id: string, body: unknown) => api.put<TCampaignDetail>(`${base}/${id}`, body),
  addEvent: (id: string, body: unknown) => api.post<{ id: string }>(`${base}/${id}/events`, body),
  events: (q: { campaignId?: string; from?: string } = {}) => api.get<{ items: TEventSummary[] }>(`${base}/events`, undefined, q),
  event: (id: string) => api.get<TEventDetail>(`${base}/events/${id}`),
  eventAction: (id: string, action: 'publish' | 'close' | 'cancel') => api.post<TEventDetail>(`${base}/events/${id}/${action}`),
  registrations: (id: string) => api.get<{ items: TRegistration[] }>(`${base}/events/${id}/registrations`),
  checkIn: (code: string, eventId?: string) => api.post<TCheckInResult>(`${base}/check-ins`, { code, ...(eventId ? { eventId } : {}) }),
  walkIn: (id: string, body: unknown) => api.post<TCheckInResult>(`${base}/events/${id}/walk-ins`, body),
  report: (id: string, body: unknown) => api.put<TEventDetail>(`${base}/events/${id}/report`, body),
  uploadPhoto,
  photoUrl: (eventId: string, photoId: string) => `${base}/events/${eventId}/photos/${photoId}`,
  reveal: (kind: 'registrations' | 'assists', id: string, reason: string) => api.post<{ value: string }>(`${base}/${kind}/${id}/reveal`, { reason }),
  assists: (q: { open?: boolean } = {}) => api.get<{ items: TAssist[] }>(`${base}/assists`, undefined, q),
  addAssist: (body: unknown) => api.post<{ id: string }>(`${base}/assists`, body),
  completeAssist: (id: string, note: string) => api.post(`${base}/assists/${id}/complete`, { note }),
  reach: (q: { campaignId?: string; from?: string; to?: string }) => api.get<TReach>(`${base}/reach`, undefined, q),
  exportUrl: (id: string, format: 'csv' | 'xlsx') => `${base}/${id}/export?format=${format}`,
  reachExportUrl: (format: 'csv' | 'xlsx', campaignId?: string) => `${base}/reach/export?format=${format}${campaignId ? `&campaignId=${campaignId}` : ''}`,
};

export const publicCampaigns = {
  events: () => api.get<{ items: TPublicEvent[] }>('/api/v1/public/campaigns/events'),
  event: (id: string) => api.get<TPublicEvent>(`/api/v1/public/campaigns/events/${id}`),
  register: (id: string, body: { name: string; phone: string; audience?: string }) =>
    api.post<TConfirmation>(`/api/v1/public/campaigns/events/${id}/registrations`, body),
  confirmation: (code: string) => api.get<TConfirmation>(`/api/v1/public/campaigns/registrations/${encodeURIComponent(code)}`),
};
