import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/errors.ts';
import type { Config } from '../config/env.ts';
import type { DbHandle } from '../db/client.ts';
import type { Authenticator, HttpApp } from '../module.ts';
import { scrubText } from '../pii/mask.ts';
import './context.ts';
import { errorHandler, sendError } from './errors.ts';
import { registerGuards } from './guards.ts';

export type HttpOptions = {
  config: Config;
  handle: DbHandle;
  authenticate: Authenticator;
  /** Built web app (index.html + assets); served with an SPA fallback when present. */
  webDir?: string;
  logger?: boolean;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const createHttpApp = async (opts: HttpOptions): Promise<HttpApp> => {
  const { config } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'req.headers["x-api-key"]'],
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, url: scrubText(req.url), ip: req.ip }),
            },
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider() as unknown as HttpApp;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('apiScopes', null);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // antd injects style tags at runtime (CSS-in-JS).
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => Object.assign(new AppError('RATE_LIMITED'), { statusCode: ctx.statusCode }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Xiaobao 消保 API', version: '0.1.0', description: '银行消费者权益保护平台 API / Consumer-protection platform API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xb_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await opts.handle.executeSql('select 1');
      return { status: 'ready', database: opts.handle.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: opts.handle.dialect });
    }
  });

  app.addHook('onRequest', opts.authenticate);
  registerGuards(app);

  const webDir = opts.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true, index: false, maxAge: '1h', immutable: false });
  }
  const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  if (hasWeb) app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') return sendError(req, reply, new AppError('ROUTE_NOT_FOUND'));
    // Client-side routes: the SPA decides what to show (including its own 404 page).
    return sendIndex(reply);
  });
  return app;
};
