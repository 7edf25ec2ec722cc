import { TOTP } from 'otpauth';
import type { z } from 'zod';
import type { RoleCode } from '../../../../kernel/actor.ts';
import { systemActor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ZLoginRequest } from '../../contract.ts';
import { actorForUser, type IdentityDeps, type RequestMeta } from '../deps.ts';
import { burnVerify, verifyPassword } from '../passwords.ts';
import { createSession, type NewSession } from '../sessions.ts';

export const verifyTotp = (secret: string, code: string): boolean =>
  new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).validate({ token: code, window: 1 }) !== null;

/**
 * Password (+ optional TOTP) sign-in with per-account throttling: after N consecutive
 * failures the account locks for a while. Unknown users and wrong passwords get the same
 * answer and take the same time. Failures are committed and audited before the refusal.
 */
export const signIn = async (
  deps: IdentityDeps,
  input: z.infer<typeof ZLoginRequest>,
  meta: RequestMeta,
): Promise<{ session: NewSession; userId: string; orgId: string }> => {
  const now = deps.clock.now();
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  const anonymous = { ...systemActor(meta.requestId), username: `login:${input.username.slice(0, 64)}`, ip: meta.ip };

  if (!user) {
    await burnVerify(input.password);
    await deps.db
      .transaction()
      .execute((tx) => writeAudit(tx, anonymous, { action: 'auth.login_failed', targetType: 'user', note: { reason: 'unknown_user' } }));
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const primary = await deps.db.selectFrom('memberships').selectAll().where('user_id', '=', user.id).orderBy('is_primary', 'desc').executeTakeFirstOrThrow();
  const actor = actorForUser(user, { ...primary, roles: primary.roles as RoleCode[] }, meta);

  if (user.locked_until && user.locked_until > now) {
    await burnVerify(input.password);
    throw new AppError('AUTH_LOCKED', [{ issue: 'locked_until', message: user.locked_until.toISOString() }]);
  }

  const fail = async (reason: string): Promise<never> => {
    const failures = user.failed_logins + 1;
    const lock = failures >= deps.config.loginMaxFailures;
    await inTransaction(deps, anonymous, async ({ tx, audit }) => {
      await tx
        .updateTable('users')
        .set(lock ? { failed_logins: 0, locked_until: new Date(now.getTime() + deps.config.loginLockMs) } : { failed_logins: failures })
        .where('id', '=', user.id)
        .execute();
      await audit({ action: lock ? 'auth.locked' : 'auth.login_failed', targetType: 'user', targetId: user.id, note: { reason, failures } });
    });
    throw new AppError(lock ? 'AUTH_LOCKED' : reason === 'totp' ? 'AUTH_TOTP_INVALID' : 'AUTH_INVALID_CREDENTIALS');
  };

  if (!(await verifyPassword(user.password_hash, input.password))) return fail('password');
  if (user.disabled) throw new AppError('AUTH_DISABLED');
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp) throw new AppError('AUTH_TOTP_REQUIRED');
    if (!verifyTotp(user.totp_secret, input.totp)) return fail('totp');
  }

  const session = await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    const s = await createSession(tx, { userId: user.id, orgId: primary.org_id, ip: meta.ip, userAgent: meta.userAgent, ttlMs: deps.config.sessionTtlMs, now });
    await audit({ action: 'auth.login', targetType: 'user', targetId: user.id });
    return s;
  });
  return { session, userId: user.id, orgId: primary.org_id };
};
