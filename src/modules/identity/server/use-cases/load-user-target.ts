import type { RoleCode } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { Executor } from '../../../../platform/db/schema.ts';

/** Loads a user with what the user policy needs (primary roles, lock state). */
export const loadUserTarget = async (db: Executor, id: string, now: Date) => {
  const u = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.is_primary', '=', true))
    .selectAll('u')
    .select('m.roles')
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!u) throw new AppError('OUT_OF_SCOPE');
  return { ...u, roles: u.roles as RoleCode[], locked: u.locked_until !== null && u.locked_until > now };
};
