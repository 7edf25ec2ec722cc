import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RoleCode } from '../../../kernel/actor.ts';
import { type Clock, systemClock } from '../../../kernel/clock.ts';
import { newToken } from '../../../kernel/ids.ts';
import type { Config } from '../../../platform/config/env.ts';
import type { Db, Executor } from '../../../platform/db/schema.ts';
import type { Authenticator } from '../../../platform/module.ts';

export const SESSION_COOKIE = 'xb_session';

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export const createSession = async (
  tx: Executor,
  input: { userId: string; orgId: string; ip: string | null; userAgent: string | null; ttlMs: number; now: Date },
): Promise<NewSession> => {
  const token = newToken();
  const csrfToken = newToken(24);
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await tx
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: input.userId,
      active_org_id: input.orgId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
};

export const setSessionCookie = (reply: FastifyReply, config: Config, s: NewSession): void => {
  reply.setCookie(SESSION_COOKIE, s.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: s.expiresAt,
  });
};

export const clearSessionCookie = (reply: FastifyReply, config: Config): void => {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
};

/**
 * Resolves the cookie to an actor. Disabled users and expired sessions are treated as signed
 * out. `last_seen_at` is refreshed at most once a minute to keep reads read-only.
 */
/**
 * Valid API keys are remembered for a few seconds: an integration pushing hundreds of requests a
 * second would otherwise pay a lookup per request. A revoked key stops working within the TTL.
 */
const API_KEY_TTL_MS = 5_000;

export const createAuthenticator = (db: Db, clock: Clock = systemClock): Authenticator => {
  type KeyRow = { name: string; org_id: string; org_path: string; scopes: string[] };
  const keyCache = new Map<string, { key: KeyRow; at: number }>();
  const findKey = async (hash: string): Promise<KeyRow | undefined> => {
    const hit = keyCache.get(hash);
    if (hit && Date.now() - hit.at < API_KEY_TTL_MS) return hit.key;
    const key = await db
      .selectFrom('api_keys')
      .select(['name', 'org_id', 'org_path', 'scopes'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (keyCache.size > 1000) keyCache.clear();
    if (key) keyCache.set(hash, { key, at: Date.now() });
    else keyCache.delete(hash);
    return key;
  };
  return async (req: FastifyRequest) => {
    const apiKey = req.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length <= 128) {
      const key = await findKey(sessionIdOf(apiKey));
      if (!key) return;
      // An integration acts as a system actor limited to its org subtree and scopes.
      req.actor = {
        kind: 'system',
        userId: null,
        username: `api:${key.name}`,
        orgId: key.org_id,
        orgPath: key.org_path,
        roles: [],
        requestId: req.id,
        ip: req.ip ?? null,
      };
      req.apiScopes = key.scopes;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) return;
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 's.user_id').onRef('m.org_id', '=', 's.active_org_id'))
      .select([
        's.id',
        's.csrf_token',
        's.expires_at',
        's.last_seen_at',
        's.active_org_id',
        'u.id as user_id',
        'u.username',
        'u.disabled',
        'u.must_change_password',
        'm.org_path',
        'm.roles',
      ])
      .where('s.id', '=', sessionIdOf(token))
      .executeTakeFirst();
    const now = clock.now();
    if (!row || row.disabled || row.expires_at <= now) return;
    const actor: Actor = {
      kind: 'user',
      userId: row.user_id,
      username: row.username,
      orgId: row.active_org_id,
      orgPath: row.org_path,
      roles: row.roles as RoleCode[],
      requestId: req.id,
      ip: req.ip ?? null,
    };
    req.actor = actor;
    req.session = { id: row.id, csrfToken: row.csrf_token, mustChangePassword: row.must_change_password };
    if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
    }
  };
};
