import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail, isAppError } from '../../kernel/errors.ts';

export type Locale = 'zh-CN' | 'en-US';

/** The UI language of a request: explicit header or cookie first, then Accept-Language; Chinese by default. */
export const localeOf = (req: FastifyRequest): Locale => {
  const explicit = (req.headers['x-locale'] as string | undefined) ?? (req.cookies?.xb_locale as string | undefined);
  if (explicit === 'en-US' || explicit === 'zh-CN') return explicit;
  const accept = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(accept) ? 'en-US' : 'zh-CN';
};

export type ErrorBody = { code: string; message: string; details?: ErrorDetail[]; requestId: string };

export const sendError = (req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply => {
  const body: ErrorBody = {
    code: err.code,
    message: localeOf(req) === 'en-US' ? err.messages.en : err.messages.zh,
    ...(err.details?.length ? { details: err.details } : {}),
    requestId: req.id,
  };
  return reply.status(err.status).type('application/json; charset=utf-8').send(body);
};

const toAppError = (err: FastifyError): AppError => {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const details = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const keys = (v.params as { keys?: string[] }).keys;
      // Unknown keys are reported one by one so the client sees each offending field name.
      const field = v.keyword === 'unrecognized_keys' && keys?.length ? [path, keys.join(',')].filter(Boolean).join('.') : path;
      return { field: `${where}${field ? `.${field}` : ''}`, issue: v.keyword, message: v.message ?? '' };
    });
    return new AppError('VALIDATION_FAILED', details);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_RATE_LIMIT':
      return new AppError('RATE_LIMITED');
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError('VALIDATION_FAILED', [{ issue: err.code ?? 'bad_request', message: err.message }]);
  return new AppError('INTERNAL');
};

export const errorHandler = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  const app = toAppError(err);
  if (app.status >= 500) req.log.error({ err }, 'unexpected error');
  else req.log.info({ code: app.code }, 'request refused');
  return sendError(req, reply, app);
};
