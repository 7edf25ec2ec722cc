import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { HttpApp } from '../../../platform/module.ts';
import { ZChangePasswordRequest, ZLoginRequest, ZOk, ZSessionResponse, ZSwitchOrgRequest, ZTotpConfirmRequest, ZTotpSetupResponse } from '../contract.ts';
import type { IdentityDeps } from './deps.ts';
import { clearSessionCookie, setSessionCookie } from './sessions.ts';
import { changePassword } from './use-cases/change-password.ts';
import { getSessionView } from './use-cases/get-session-view.ts';
import { setLocale } from './use-cases/set-locale.ts';
import { confirmTotp, setUpTotp } from './use-cases/set-up-totp.ts';
import { signIn } from './use-cases/sign-in.ts';
import { signOut } from './use-cases/sign-out.ts';
import { switchOrg } from './use-cases/switch-org.ts';

const tags = ['auth 认证'];

const current = (req: FastifyRequest) => {
  if (!req.actor || !req.session) throw new AppError('AUTH_REQUIRED');
  return { actor: req.actor, session: req.session };
};

/** Sign-in, session, password and second factor. Routes stay thin: parse → authorise → use case → present. */
export const registerAuthRoutes = (app: HttpApp, deps: IdentityDeps): void => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
      schema: { tags, summary: '登录 Sign in', body: ZLoginRequest, response: { 200: ZSessionResponse } },
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
      const { session, userId, orgId } = await signIn(deps, req.body, meta);
      setSessionCookie(reply, deps.config, session);
      return { user: await getSessionView(deps.db, userId, orgId), csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/api/v1/auth/session',
    { config: { allowDuringPasswordChange: true }, schema: { tags, summary: '当前会话 Current session', response: { 200: ZSessionResponse } } },
    async (req) => {
      const { actor, session } = current(req);
      return { user: await getSessionView(deps.db, actor.userId ?? '', actor.orgId), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { allowDuringPasswordChange: true }, schema: { tags, summary: '退出 Sign out', response: { 200: ZOk } } },
    async (req, reply) => {
      const { actor, session } = current(req);
      await signOut(deps, actor, session.id);
      clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      config: { allowDuringPasswordChange: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, summary: '修改密码 Change password', body: ZChangePasswordRequest, response: { 200: ZSessionResponse } },
    },
    async (req) => {
      const { actor, session } = current(req);
      await changePassword(deps, actor, session.id, req.body);
      return { user: await getSessionView(deps.db, actor.userId ?? '', actor.orgId), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/switch-org',
    { schema: { tags, summary: '切换机构 Switch org', body: ZSwitchOrgRequest, response: { 200: ZSessionResponse } } },
    async (req) => {
      const { actor, session } = current(req);
      await switchOrg(deps, actor, session.id, req.body.orgId);
      return { user: await getSessionView(deps.db, actor.userId ?? '', req.body.orgId), csrfToken: session.csrfToken };
    },
  );

  app.put(
    '/api/v1/auth/locale',
    {
      config: { allowDuringPasswordChange: true },
      schema: { tags, summary: '界面语言 UI language', body: z.strictObject({ locale: z.enum(['zh-CN', 'en-US']) }), response: { 200: ZOk } },
    },
    async (req) => {
      await setLocale(deps, current(req).actor, req.body.locale);
      return { ok: true as const };
    },
  );

  app.post('/api/v1/auth/totp/setup', { schema: { tags, summary: '设置动态口令 Set up TOTP', response: { 200: ZTotpSetupResponse } } }, async (req) =>
    setUpTotp(deps, current(req).actor),
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    { schema: { tags, summary: '启用动态口令 Enable TOTP', body: ZTotpConfirmRequest, response: { 200: ZOk } } },
    async (req) => {
      await confirmTotp(deps, current(req).actor, req.body.code);
      return { ok: true as const };
    },
  );
};
