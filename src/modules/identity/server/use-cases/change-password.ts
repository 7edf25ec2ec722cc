import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { IdentityDeps } from '../deps.ts';
import { hashPassword, passwordWeakness, verifyPassword } from '../passwords.ts';

/** Changes the actor's own password and signs out their other sessions. */
export const changePassword = async (
  deps: IdentityDeps,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> => {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('AUTH_INVALID_CREDENTIALS', [{ field: 'body.currentPassword', issue: 'wrong_password' }]);
  }
  if (input.currentPassword === input.newPassword) throw new AppError('AUTH_PASSWORD_REUSED', [{ field: 'body.newPassword', issue: 'same_as_current' }]);
  const weakness = passwordWeakness(input.newPassword, user.username);
  if (weakness) throw new AppError('AUTH_PASSWORD_WEAK', [{ field: 'body.newPassword', issue: weakness }]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(deps, actor, async ({ tx, audit, emit }) => {
    const now = deps.clock.now();
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', sessionId).execute();
    await audit({ action: 'auth.password_changed', targetType: 'user', targetId: user.id, note: { forced: user.must_change_password } });
    await emit('identity.password_changed', { userId: user.id });
  });
};
