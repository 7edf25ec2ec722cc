import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId, newToken } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { IdentityDeps } from '../deps.ts';
import { IDENTITY_PERMISSIONS } from '../policy.ts';
import { sessionIdOf } from '../sessions.ts';

/** Issues a key for an external system, scoped to an org subtree and a list of integration scopes. Shown once. */
export const createApiKey = async (deps: IdentityDeps, actor: Actor, input: { name: string; orgCode: string; scopes: string[]; key?: string }) => {
  requirePermission(actor, IDENTITY_PERMISSIONS.userManage);
  const org = await deps.db.selectFrom('orgs').select(['id', 'path']).where('code', '=', input.orgCode).executeTakeFirst();
  if (!org) throw new AppError('VALIDATION_FAILED', [{ field: 'orgCode', issue: 'unknown_org' }]);
  const key = input.key ?? `xb_${newToken(24)}`;
  const id = newId();
  await inTransaction(deps, actor, async ({ tx, audit }) => {
    await tx
      .insertInto('api_keys')
      .values({ id, name: input.name, key_hash: sessionIdOf(key), org_id: org.id, org_path: org.path, scopes: input.scopes })
      .execute();
    await audit({ action: 'api_key.created', targetType: 'api_key', targetId: id, after: { name: input.name, scopes: input.scopes } });
  });
  return { id, key };
};
