import type { z } from 'zod';

/** The two UI languages; sent as `x-locale` so server error messages match the screen. */
export type UiLocale = 'zh-CN' | 'en-US';

export type ApiErrorDetail = { field?: string; issue: string; message?: string };

/** Client-side codes for failures that never reached (or never came back from) the server. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;
  /** Language the server wrote `message` in; the UI re-translates by code after a switch. */
  readonly locale: UiLocale;

  constructor(init: { status: number; code: string; message: string; details?: ApiErrorDetail[]; requestId?: string; locale: UiLocale }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.locale = init.locale;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export type ApiEvent = { type: 'auth-required' } | { type: 'password-change-required' };
type Listener = (event: ApiEvent) => void;

const state: { csrfToken: string | null; locale: UiLocale } = { csrfToken: null, locale: 'zh-CN' };
const listeners = new Set<Listener>();

export const setCsrfToken = (token: string | null): void => {
  state.csrfToken = token;
};

export const setApiLocale = (locale: UiLocale): void => {
  state.locale = locale;
};

/** Subscribe to session-level failures seen by any request; returns the unsubscribe function. */
export const onApiEvent = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const emit = (event: ApiEvent) => {
  for (const l of listeners) l(event);
};

export type Query = Record<string, string | number | boolean | null | undefined>;

const withQuery = (path: string, query?: Query): string => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

// The session endpoints report "not signed in" as their normal answer, not as an expiry.
const QUIET_AUTH_PATHS = ['/api/v1/auth/session', '/api/v1/auth/login'];

/** `raw` sends bytes as they are (uploads: the server reads the type from the bytes, the name from a header). */
type RawBody = { bytes: Blob; fileName: string; headers?: Record<string, string> };
type RequestOptions<T> = { body?: unknown; raw?: RawBody; query?: Query; schema?: z.ZodType<T>; retried?: boolean };

const toApiError = async (res: Response, locale: UiLocale): Promise<ApiError> => {
  const body = (await res.json().catch(() => null)) as Partial<{ code: string; message: string; details: ApiErrorDetail[]; requestId: string }> | null;
  return new ApiError({
    status: res.status,
    code: body?.code ?? `HTTP_${res.status}`,
    message: body?.message ?? res.statusText,
    details: body?.details,
    requestId: body?.requestId ?? res.headers.get('x-request-id') ?? undefined,
    locale,
  });
};

const send = async <T>(method: string, path: string, opts: RequestOptions<T> = {}): Promise<T> => {
  const locale = state.locale;
  const headers: Record<string, string> = { accept: 'application/json', 'x-locale': locale };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.raw) {
    Object.assign(headers, opts.raw.headers, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(opts.raw.fileName) });
  }
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.raw ? opts.raw.bytes : opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: String(cause), locale });
  }

  if (!res.ok) {
    const err = await toApiError(res, locale);
    // A stale token (e.g. after signing in in another tab): fetch the current one and retry once.
    if (err.code === 'CSRF_INVALID' && !opts.retried && (await refreshCsrfToken())) return send(method, path, { ...opts, retried: true });
    if (!QUIET_AUTH_PATHS.includes(path)) {
      if (err.code === 'AUTH_REQUIRED') emit({ type: 'auth-required' });
      if (err.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') emit({ type: 'password-change-required' });
    }
    throw err;
  }

  const json: unknown = res.status === 204 ? null : await res.json();
  if (!opts.schema) return json as T;
  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected response shape from ${method} ${path}`, parsed.error.issues);
    throw new ApiError({ status: res.status, code: 'BAD_RESPONSE', message: parsed.error.message, locale });
  }
  return parsed.data;
};

const refreshCsrfToken = async (): Promise<boolean> => {
  try {
    const res = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json', 'x-locale': state.locale }, credentials: 'same-origin' });
    if (!res.ok) return false;
    const body = (await res.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken !== 'string') return false;
    state.csrfToken = body.csrfToken;
    return true;
  } catch {
    return false;
  }
};

export const api = {
  get: <T>(path: string, schema?: z.ZodType<T>, query?: Query) => send<T>('GET', path, { schema, query }),
  post: <T>(path: string, body?: unknown, schema?: z.ZodType<T>) => send<T>('POST', path, { body: body ?? {}, schema }),
  put: <T>(path: string, body: unknown, schema?: z.ZodType<T>) => send<T>('PUT', path, { body, schema }),
  delete: <T>(path: string, schema?: z.ZodType<T>) => send<T>('DELETE', path, { schema }),
  /** POSTs a file's raw bytes with its name in `x-file-name` (URI-encoded); extra headers for captions etc. */
  upload: <T>(path: string, file: Blob, fileName: string, schema?: z.ZodType<T>, headers?: Record<string, string>) =>
    send<T>('POST', path, { raw: { bytes: file, fileName, headers }, schema }),
};
