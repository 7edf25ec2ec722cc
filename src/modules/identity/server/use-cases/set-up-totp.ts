import { Secret, TOTP } from 'otpauth';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { IdentityDeps } from '../deps.ts';
import { verifyTotp } from './sign-in.ts';

/** Step 1: a new secret, stored but not yet enforced until the user proves their app has it. */
export const setUpTotp = async (deps: IdentityDeps, actor: Actor) => {
  const secret = new Secret({ size: 20 }).base32;
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx
      .updateTable('users')
      .set({ totp_secret: secret, totp_enabled: false })
      .where('id', '=', actor.userId ?? '')
      .execute();
    await audit({ action: 'auth.totp_setup_started', targetType: 'user', targetId: actor.userId });
  });
  const totp = new TOTP({ issuer: 'Xiaobao', label: actor.username, secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return { secret, otpauthUrl: totp.toString() };
};

/** Step 2: a correct code turns the second factor on for every later sign-in. */
export const confirmTotp = async (deps: IdentityDeps, actor: Actor, code: string): Promise<void> => {
  const user = await deps.db
    .selectFrom('users')
    .select(['totp_secret'])
    .where('id', '=', actor.userId ?? '')
    .executeTakeFirstOrThrow();
  if (!user.totp_secret || !verifyTotp(user.totp_secret, code)) throw new AppError('AUTH_TOTP_INVALID', [{ field: 'body.code', issue: 'wrong_code' }]);
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx
      .updateTable('users')
      .set({ totp_enabled: true })
      .where('id', '=', actor.userId ?? '')
      .execute();
    await audit({ action: 'auth.totp_enabled', targetType: 'user', targetId: actor.userId });
  });
};
