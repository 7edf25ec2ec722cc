import { z } from 'zod';
import { api } from '../../../web/api-client.ts';
import {
  type TTrackResult,
  ZCode,
  ZComplaintDetail,
  type ZComplaintListQuery,
  ZComplaintSummary,
  type ZPublicComplaint,
  ZPublicComplaintCreated,
  type ZRegisterComplaint,
  ZSavedView,
  type ZSaveView,
  type ZStatus,
  ZTrackResult,
} from '../contract.ts';

type Paging = { page?: number; pageSize?: number };
export type ComplaintListQuery = Omit<z.input<typeof ZComplaintListQuery>, keyof Paging | 'status'> & Paging & { status?: z.infer<typeof ZStatus> };
export type RegisterComplaintRequest = z.input<typeof ZRegisterComplaint>;
export type PublicComplaintRequest = z.input<typeof ZPublicComplaint>;
export type TCode = z.infer<typeof ZCode>;

const ZComplaintPage = z.object({ items: z.array(ZComplaintSummary), total: z.number(), totalCapped: z.boolean().optional() });
export type ComplaintPage = z.infer<typeof ZComplaintPage>;
const ZRegistered = z.object({ id: z.uuid(), trackingCode: z.string(), deadline: z.string() });
export type Registered = z.infer<typeof ZRegistered>;
const ZHandlers = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });

// The stats and tracking routes declare no response schema in contract.ts yet; these mirror what they send.
const ZCount = z.object({ key: z.string(), count: z.number() });
const ZStats = z.object({
  byBusinessCategory: z.array(ZCount),
  byCause: z.array(ZCount),
  byChannel: z.array(ZCount),
  byStatus: z.array(ZCount),
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  sla: z.object({ decided: z.number(), inTime: z.number(), rate: z.number().nullable() }),
});
export type ComplaintStats = z.infer<typeof ZStats>;

export type TrackResult = TTrackResult;
const ZPow = z.object({ challenge: z.string(), bits: z.number(), required: z.boolean() });

const ZCodes = z.object({ items: z.array(ZCode) });
const path = (id: string, action = '') => `/api/v1/complaints/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const complaintApi = {
  list: (query: ComplaintListQuery) => api.get('/api/v1/complaints', ZComplaintPage, query),
  codes: async () => (await api.get('/api/v1/complaints/codes', ZCodes)).items,
  stats: (query: { from?: string; to?: string }) => api.get('/api/v1/complaints/stats', ZStats, query),
  get: (id: string) => api.get(path(id), ZComplaintDetail),
  handlers: async (id: string) => (await api.get(path(id, 'handlers'), ZHandlers)).items,
  register: (body: RegisterComplaintRequest) => api.post('/api/v1/complaints', body, ZRegistered),
  /** Every case action answers with the refreshed case. */
  act: (id: string, endpoint: string, body: Record<string, unknown>) => api.post(path(id, endpoint), body, ZComplaintDetail),
  attach: (id: string, file: File) => api.upload(path(id, 'attachments'), file, file.name),
  views: async () => (await api.get('/api/v1/complaints/views', z.object({ items: z.array(ZSavedView) }))).items,
  saveView: (body: z.input<typeof ZSaveView>) => api.post('/api/v1/complaints/views', body, ZSavedView),
  deleteView: (id: string) => api.delete(`/api/v1/complaints/views/${encodeURIComponent(id)}`),
};

export const publicApi = {
  pow: () => api.get('/api/v1/public/pow', ZPow),
  file: (body: PublicComplaintRequest) => api.post('/api/v1/public/complaints', body, ZPublicComplaintCreated),
  track: (trackingCode: string, phoneLast4: string) => api.get(`/api/v1/public/complaints/${encodeURIComponent(trackingCode)}`, ZTrackResult, { phoneLast4 }),
};
