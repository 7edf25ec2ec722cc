import { AppError } from '../../kernel/errors.ts';
import type { HttpApp } from '../module.ts';
import { sendError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health, public portal). */
    public?: boolean;
    /** Reachable while the user must still change a generated password. */
    allowDuringPasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Route-independent guards, in order: signed in (unless public) → CSRF token on unsafe
 * methods of cookie sessions → forced password change. Permission and object checks follow
 * in each route's policy call.
 */
export const registerGuards = (app: HttpApp): void => {
  // preValidation: refuse unauthenticated or forged requests before their body is even validated.
  app.addHook('preValidation', async (req, reply) => {
    const cfg = req.routeOptions.config ?? {};
    // The not-found handler and the web app's static files are not API routes.
    if (!req.routeOptions.url?.startsWith('/api/')) return;
    if (req.session && !cfg.public && !SAFE_METHODS.has(req.method)) {
      const token = req.headers['x-csrf-token'];
      if (typeof token !== 'string' || token !== req.session.csrfToken) return sendError(req, reply, new AppError('CSRF_INVALID'));
    }
    if (cfg.public || req.routeOptions.url.startsWith('/api/docs')) return;
    if (!req.actor) return sendError(req, reply, new AppError('AUTH_REQUIRED'));
    if (req.session?.mustChangePassword && !cfg.allowDuringPasswordChange) {
      return sendError(req, reply, new AppError('AUTH_PASSWORD_CHANGE_REQUIRED'));
    }
  });
};
