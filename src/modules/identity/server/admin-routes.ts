import { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import type { HttpApp } from '../../../platform/module.ts';
import {
  ZAuditPage,
  ZAuditQuery,
  ZCreateUserRequest,
  ZCreateUserResponse,
  ZOk,
  ZOrgNode,
  ZRevealRequest,
  ZRevealResponse,
  ZUserListQuery,
  ZUserPage,
} from '../contract.ts';
import type { IdentityDeps } from './deps.ts';
import { listAuditLog } from './queries/list-audit-log.ts';
import { listOrgs } from './queries/list-orgs.ts';
import { listUsers } from './queries/list-users.ts';
import { createUser } from './use-cases/create-user.ts';
import { revealUserField } from './use-cases/reveal-user-field.ts';
import { unlockUser } from './use-cases/unlock-user.ts';

const ZIdParams = z.strictObject({ id: z.uuid() });
// The guards guarantee an actor on non-public routes.
const actorOf = (req: { actor: Actor | null }): Actor => req.actor as Actor;

export const registerAdminRoutes = (app: HttpApp, deps: IdentityDeps): void => {
  app.get(
    '/api/v1/orgs',
    { schema: { tags: ['orgs 机构'], summary: '机构树 Org tree', response: { 200: z.object({ items: z.array(ZOrgNode) }) } } },
    async (req) => ({
      items: await listOrgs(deps.db, actorOf(req)),
    }),
  );

  app.get(
    '/api/v1/users',
    { schema: { tags: ['users 用户'], summary: '用户列表 Users', querystring: ZUserListQuery, response: { 200: ZUserPage } } },
    async (req) => listUsers(deps.db, actorOf(req), req.query, deps.clock.now()),
  );

  app.post(
    '/api/v1/users',
    { schema: { tags: ['users 用户'], summary: '新建用户 Create user', body: ZCreateUserRequest, response: { 201: ZCreateUserResponse } } },
    async (req, reply) => reply.status(201).send(await createUser(deps, actorOf(req), req.body)),
  );

  app.post(
    '/api/v1/users/:id/reveal',
    {
      schema: {
        tags: ['users 用户'],
        summary: '查看完整个人信息（留痕）Reveal a masked field (audited)',
        params: ZIdParams,
        body: ZRevealRequest,
        response: { 200: ZRevealResponse },
      },
    },
    async (req) => revealUserField(deps, actorOf(req), req.params.id, req.body.field, req.body.reason),
  );

  app.post(
    '/api/v1/users/:id/unlock',
    { schema: { tags: ['users 用户'], summary: '解除锁定 Unlock', params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await unlockUser(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/audit',
    { schema: { tags: ['audit 审计'], summary: '审计日志 Audit log', querystring: ZAuditQuery, response: { 200: ZAuditPage } } },
    async (req) => listAuditLog(deps.db, actorOf(req), req.query),
  );
};
