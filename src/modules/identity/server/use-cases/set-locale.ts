import type { Actor } from '../../../../kernel/actor.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { IdentityDeps } from '../deps.ts';

export const setLocale = async (deps: IdentityDeps, actor: Actor, locale: 'zh-CN' | 'en-US'): Promise<void> => {
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    const before = await tx
      .selectFrom('users')
      .select('locale')
      .where('id', '=', actor.userId ?? '')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('users')
      .set({ locale })
      .where('id', '=', actor.userId ?? '')
      .execute();
    await audit({ action: 'user.locale_set', targetType: 'user', targetId: actor.userId, before, after: { locale } });
  });
};
